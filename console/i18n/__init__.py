"""The console's languages: `tr()` on every string an operator reads, French and English catalogues through
Qt's translation system, and numbers and dates per locale."""

from dispatch_protocol.text import N_, install, tr

__all__ = ["N_", "install", "tr"]
