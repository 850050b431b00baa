"""The operator console for police and emergency command centres."""

__version__ = "0.1.0"
