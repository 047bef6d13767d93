"""The project's code generator (not shipped in the wheel)."""
