"""Wegwijzer: a static social map of help with money worries, built from YAML records."""

__version__ = "0.1.0"
