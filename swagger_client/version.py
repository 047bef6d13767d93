"""The package version (one place; setup.py reads it)."""

__version__ = "1.0.0"
