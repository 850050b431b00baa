"""Numbers, dates and times as the operator's language writes them; times always on the 24-hour clock.

Plain Python with a table for the languages the console ships (Qt's QLocale is not needed for so little, and
pure modules such as the session report format numbers too). `console.i18n.qt_language` sets the language
at start."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Conventions:
    thousands: str
    decimal: str
    date: str  # strftime pattern of a day


CONVENTIONS = {
    "en": Conventions(",", ".", "%d %b %Y"),
    "fr": Conventions("\u202f", ",", "%d/%m/%Y"),  # narrow no-break space: 12 345,6
}
_language = "en"


def use_language(code: str) -> None:
    """Format for `code` ("fr", "en"); an unknown language formats as English."""
    global _language
    _language = code if code in CONVENTIONS else "en"


def language() -> str:
    return _language


def number(value: float, decimals: int = 0) -> str:
    """`12,345` / `12 345`; `decimals` digits after the separator."""
    rules = CONVENTIONS[_language]
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", rules.decimal).replace("\0", rules.thousands)


def clock(moment: datetime, seconds: bool = True) -> str:
    """The local time on the 24-hour clock: `21:05:09`."""
    return moment.astimezone().strftime("%H:%M:%S" if seconds else "%H:%M")


def day(moment: datetime) -> str:
    """The local date: `25 Nov 2026` / `25/11/2026`."""
    return moment.astimezone().strftime(CONVENTIONS[_language].date)


def day_and_clock(moment: datetime) -> str:
    return f"{day(moment)} {clock(moment)}"
