"""emrpath: the published rules of certification pathways as exact, cited, pure Python.

Example:
    >>> import datetime as dt
    >>> import emrpath as ep
    >>> ep.BusinessCalendar.us_federal().add_business_days(dt.date(2026, 7, 2), 2)
    datetime.date(2026, 7, 7)
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from emrpath.calendar import (
    NATIONAL_DAY_OF_MOURNING_2025,
    BusinessCalendar,
    CalendarSpec,
    DayOverride,
)
from emrpath.errors import (
    CalendarRangeError,
    EmrpathError,
    InputTypeError,
    InvalidRecordError,
    NaiveDatetimeError,
    NoRuleInForceError,
    UnknownNameError,
)
from emrpath.params import Citation, Confidence, Param, Provision, weakest

try:
    __version__ = version("emrpath")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "NATIONAL_DAY_OF_MOURNING_2025",
    "BusinessCalendar",
    "CalendarRangeError",
    "CalendarSpec",
    "Citation",
    "Confidence",
    "DayOverride",
    "EmrpathError",
    "InputTypeError",
    "InvalidRecordError",
    "NaiveDatetimeError",
    "NoRuleInForceError",
    "Param",
    "Provision",
    "UnknownNameError",
    "__version__",
    "weakest",
]
