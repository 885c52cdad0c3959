"""``raises_emrpath``: expect an emrpath error, and the field and rule it names.

``pytest.raises(ep.InputTypeError)`` alone would pass on the wrong field, or on a bare
``TypeError`` only because every ``InputTypeError`` is one. Every error emrpath raises names
"the field and the rule" (design principle 6), so a test that expects one checks both: the
attributes, and the message they render as (``"field: message (rule: rule)"``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from emrpath.errors import EmrpathError


@contextlib.contextmanager
def raises_emrpath(
    kind: type[EmrpathError], *, field: str, rule: str
) -> Iterator[pytest.ExceptionInfo[EmrpathError]]:
    """Expect ``kind`` (an :class:`EmrpathError`) naming ``field`` and ``rule``.

    Yields the ``pytest.ExceptionInfo`` for any further checks (``.value.message``).
    """
    with pytest.raises(kind) as info:
        yield info
    err = info.value
    assert isinstance(err, EmrpathError), f"{type(err).__name__} is not an EmrpathError"
    assert (err.field, err.rule) == (field, rule), f"names {err.field!r} / {err.rule!r}: {err}"
    assert str(err) == f"{field}: {err.message} (rule: {rule})"
