"""dispatchd: the reference dispatch backend of the command-centre console."""

__version__ = "0.1.0"
