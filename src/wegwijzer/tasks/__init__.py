"""The application layer: jobs that run several stages (records, geo, outputs) for one command
or build, such as the whole check of a site's data (validate), the go-live check (golive),
the JSON Schemas (schema) and the weekly upkeep report (upkeep).

Layer: above outputs, below site and cli. See [tool.importlinter] in pyproject.toml.
"""
