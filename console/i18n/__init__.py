"""The console's languages: `tr()` on every string an operator reads, French and English catalogues through
Qt's translation system, and numbers and dates per locale."""

from console.i18n.translate import N_, tr

__all__ = ["N_", "tr"]
