"""What a site is set to and how its values read: the plugin options of mkdocs.yml (config), the
rules for its address (site_url) and the formatting of record values for residents (present).

Layer: above records (the settings reuse the record field types), below geo, outputs, tasks and
site, which all read them. See [tool.importlinter] in pyproject.toml.
"""
