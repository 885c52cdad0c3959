"""Benchmark emrpath's business-day arithmetic against numpy, holidays and pandas.

Run it as a script, never as a test (no timing is ever asserted in the test suite):

    pip install -e ".[bench]" && python bench/bench_calendar.py

Everything is measured in one run, which prints the machine, markdown tables of absolute
times and ratios, and PASS/FAIL for each goal in docs/performance.md. Before any timing the
competitors are checked to give the same answers as emrpath on a sample; a disagreement
stops the run.

What is compared, for n = 2, 10 and 500 business days:

* emrpath ``BusinessCalendar.add_business_days(d, n)``, one date per call;
* ``numpy.busday_offset(d, n, roll="backward", busdaycal=...)`` with a prebuilt
  ``numpy.busdaycalendar`` holding the same US federal holidays, 1990-2100. Why
  ``roll="backward"``: numpy first rolls a non-business start date and then steps n
  business days. Rolling backward moves it to the previous business day P; no business
  day lies in (P, d], so for n >= 1 the n-th business day after P is the n-th business
  day strictly after d, which is emrpath's rule. (The default roll="raise" refuses
  weekend starts, and roll="forward" would count the next business day as step 0.)
  For n <= -1 the matching roll is "forward"; the goals only need n >= 1;
* ``holidays.US(...).get_nth_working_day(d, n)``, which walks one day at a time;
* pandas ``d + n * CustomBusinessDay(holidays=...)``, the offset built once per n;
* the same over 100,000 ``datetime.date`` values: ``add_business_days_many`` against
  numpy vectorised *including* the conversion from the list of dates
  (``np.array(days, dtype="datetime64[D]")``) and back (``.tolist()``), since a caller
  with Python dates pays both;
* the time ``import emrpath`` adds to ``import attrs, dateutil, holidays``, in fresh
  interpreters (median of 15 runs each, interleaved).
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import timeit
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
if SRC.is_dir():  # measure this checkout, whether or not it is installed
    sys.path.insert(0, str(SRC))

import holidays  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

import emrpath as ep  # noqa: E402

FIRST = dt.date(1990, 1, 1)
LAST = dt.date(2100, 12, 31)
STEPS = (2, 10, 500)
SCALAR_SAMPLE = 1_000  # distinct dates per timed scalar loop
BATCH_SIZE = 100_000
REPEAT = 7
IMPORT_RUNS = 15

# -- set-up -----------------------------------------------------------------------------


def federal_holidays() -> list[dt.date]:
    """The US federal public holidays (as observed) that fall in 1990-2100."""
    source = holidays.country_holidays("US", years=range(FIRST.year, LAST.year + 1))
    return sorted(day for day in source if FIRST <= day <= LAST)


CAL = ep.BusinessCalendar.us_federal()
HOLIDAYS = federal_holidays()
NP_CAL = np.busdaycalendar(weekmask="1111100", holidays=np.array(HOLIDAYS, dtype="datetime64[D]"))
HOLIDAYS_US = holidays.US(years=range(FIRST.year, LAST.year + 1))
CBD = pd.offsets.CustomBusinessDay(holidays=HOLIDAYS)


def random_dates(count: int, seed: int, last: dt.date = dt.date(2098, 6, 30)) -> list[dt.date]:
    """``count`` dates from 1990 to ``last`` (so that 500 business days stay in range)."""
    rng = random.Random(seed)
    start = FIRST.toordinal()
    span = last.toordinal() - start + 1
    return [dt.date.fromordinal(start + rng.randrange(span)) for _ in range(count)]


def awkward_dates() -> list[dt.date]:
    """Every day of a few weeks around observed holidays, Good Friday and the year ends."""
    spans = [
        (dt.date(1990, 1, 1), 20),
        (dt.date(2020, 6, 12), 14),
        (dt.date(2021, 6, 12), 14),
        (dt.date(2021, 12, 20), 21),
        (dt.date(2025, 11, 24), 14),
        (dt.date(2026, 3, 29), 14),
        (dt.date(2026, 6, 28), 14),
        (dt.date(2098, 1, 1), 30),
    ]
    return [start + dt.timedelta(days=i) for start, length in spans for i in range(length)]


# -- the contenders, one date per call ------------------------------------------------------


def emrpath_scalar(day: dt.date, n: int) -> dt.date:
    return CAL.add_business_days(day, n)


def numpy_scalar(day: dt.date, n: int) -> dt.date:
    return np.busday_offset(day, n, roll="backward", busdaycal=NP_CAL).item()


def holidays_scalar(day: dt.date, n: int) -> dt.date:
    return HOLIDAYS_US.get_nth_working_day(day, n)


def pandas_scalar(day: dt.date, n: int) -> dt.date:
    return (day + n * CBD).date()


def numpy_vectorised(days: list[dt.date], n: int) -> list[dt.date]:
    array = np.array(days, dtype="datetime64[D]")
    return np.busday_offset(array, n, roll="backward", busdaycal=NP_CAL).tolist()


# -- checks before timing -------------------------------------------------------------------


def check_agreement() -> None:
    """Stop unless every contender gives emrpath's answers on the sample dates."""
    sample = random_dates(4_000, seed=1) + awkward_dates()
    for n in STEPS:
        expected = [CAL.add_business_days(day, n) for day in sample]
        contenders: list[tuple[str, Callable[[dt.date, int], dt.date], Sequence[dt.date]]] = [
            ("numpy busday_offset", numpy_scalar, sample),
            ("pandas CustomBusinessDay", pandas_scalar, sample),
            # holidays walks day by day: a smaller sample at n=500 keeps the check short
            ("holidays get_nth_working_day", holidays_scalar, sample if n < 100 else sample[::4]),
        ]
        for name, function, days in contenders:
            want = expected if days is sample else [CAL.add_business_days(d, n) for d in days]
            got = [function(day, n) for day in days]
            bad = [(d, g, w) for d, g, w in zip(days, got, want, strict=True) if g != w]
            if bad:
                sys.exit(f"{name} disagrees with emrpath at n={n}: {bad[:5]}")
        if numpy_vectorised(sample, n) != expected:
            sys.exit(f"numpy vectorised disagrees with emrpath at n={n}")
        if CAL.add_business_days_many(sample, n) != expected:
            sys.exit(f"add_business_days_many disagrees with add_business_days at n={n}")
    print(
        f"Agreement checked first: {len(sample)} dates (random and around holidays) x "
        f"n in {STEPS}: numpy, pandas, holidays and the batch form all match emrpath.\n"
    )


# -- timing ---------------------------------------------------------------------------------


def per_call(statement: str, days: list[dt.date], **names: object) -> float:
    """Seconds per call: the minimum over REPEAT runs of ``for d in days: <statement>``.

    The statement is written out (a bound method or an operator, no wrapper function), so
    every contender pays only the same loop overhead on top of its own call.
    """
    timer = timeit.Timer(f"for d in days: {statement}", globals={"days": days, **names})
    return min(timer.repeat(number=1, repeat=REPEAT)) / len(days)


def per_batch(
    function: Callable[[list[dt.date], int], object], days: list[dt.date], n: int
) -> float:
    return min(timeit.repeat(lambda: function(days, n), number=1, repeat=REPEAT))


def import_times() -> tuple[float, float, float]:
    """Median wall-clock seconds of a fresh interpreter importing the baseline, and with
    emrpath, interleaved; and the median of emrpath's own cumulative -X importtime."""
    paths = [str(SRC), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(paths))  # the same emrpath as above
    base = [sys.executable, "-c", "import attrs, dateutil, holidays"]
    with_ep = [sys.executable, "-c", "import attrs, dateutil, holidays, emrpath"]
    importtime = [sys.executable, "-X", "importtime", *with_ep[1:]]

    def wall(command: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True)
        return time.perf_counter() - start

    wall(with_ep)  # warm the file system caches and .pyc files
    base_times, ep_times, own = [], [], []
    for _ in range(IMPORT_RUNS):
        base_times.append(wall(base))
        ep_times.append(wall(with_ep))
        err = subprocess.run(
            importtime, env=env, check=True, capture_output=True, text=True
        ).stderr
        own.extend(
            int(line.split("|")[1]) / 1e6
            for line in err.splitlines()
            if line.endswith("| emrpath")
        )
    return statistics.median(base_times), statistics.median(ep_times), statistics.median(own)


# -- report ---------------------------------------------------------------------------------


def us(seconds: float) -> str:
    return f"{seconds * 1e6:,.2f} µs"


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f} ms"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def machine() -> None:
    print("## Machine\n")
    print(f"- platform: {platform.platform()} ({platform.machine()})")
    print(f"- processor: {platform.processor() or 'n/a'}; os.cpu_count(): {os.cpu_count()}")
    print(f"- python: {platform.python_implementation()} {platform.python_version()}")
    print(
        f"- numpy {np.__version__}, pandas {pd.__version__}, holidays {holidays.__version__}, "
        f"emrpath {ep.__version__} from {Path(ep.__file__).parent}"
    )
    blas = {k: os.environ.get(k, "(unset)") for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    print(
        f"- OPENBLAS_CORETYPE={blas['OPENBLAS_CORETYPE']}, "
        f"OPENBLAS_L2_SIZE={blas['OPENBLAS_L2_SIZE']} (they pick OpenBLAS kernels; "
        "busday_offset and the date conversions use no BLAS, so they do not matter here)\n"
    )


def main() -> None:
    machine()
    check_agreement()

    scalar_days = random_dates(SCALAR_SAMPLE, seed=2)
    batch_days = random_dates(BATCH_SIZE, seed=3)
    batch_array = np.array(batch_days, dtype="datetime64[D]")

    scalar: dict[tuple[str, int], float] = {}
    batch: dict[tuple[str, int], float] = {}
    for n in STEPS:
        scalar["emrpath", n] = per_call("f(d, n)", scalar_days, f=CAL.add_business_days, n=n)
        scalar["numpy", n] = per_call(
            "f(d, n, roll='backward', busdaycal=c)",
            scalar_days,
            f=np.busday_offset,
            n=n,
            c=NP_CAL,
        )
        scalar["holidays", n] = per_call(
            "f(d, n)", scalar_days, f=HOLIDAYS_US.get_nth_working_day, n=n
        )
        scalar["pandas", n] = per_call("d + offset", scalar_days, offset=n * CBD)
        batch["emrpath", n] = per_batch(CAL.add_business_days_many, batch_days, n)
        batch["numpy", n] = per_batch(numpy_vectorised, batch_days, n)
        batch["numpy core", n] = min(
            timeit.repeat(
                lambda k=n: np.busday_offset(batch_array, k, roll="backward", busdaycal=NP_CAL),
                number=1,
                repeat=REPEAT,
            )
        )
    base_import, ep_import, own_import = import_times()

    print(
        f"## One date per call (time per call; min of {REPEAT} loops "
        f"over {SCALAR_SAMPLE:,} dates)\n"
    )
    print(
        "| n | emrpath `add_business_days` | numpy `busday_offset` | holidays "
        "`get_nth_working_day` | pandas `CustomBusinessDay` | numpy / emrpath | "
        "holidays / emrpath | pandas / emrpath |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in STEPS:
        e = scalar["emrpath", n]
        print(
            f"| {n} | {us(e)} | {us(scalar['numpy', n])} | {us(scalar['holidays', n])} | "
            f"{us(scalar['pandas', n])} | {scalar['numpy', n] / e:,.1f}x | "
            f"{scalar['holidays', n] / e:,.0f}x | {scalar['pandas', n] / e:,.0f}x |"
        )
    print(
        "\nnumpy scalar: a `datetime.date` in, an `np.datetime64` out (no conversion back); "
        "pandas: `date + offset` with the offset `n * CustomBusinessDay(...)` built once, "
        "a `Timestamp` out.\n"
    )

    print(f"## {BATCH_SIZE:,} dates per call (min of {REPEAT} runs)\n")
    print(
        "| n | emrpath `add_business_days_many` | numpy incl. conversions | "
        "numpy / emrpath | of which `busday_offset` alone |"
    )
    print("|---:|---:|---:|---:|---:|")
    for n in STEPS:
        e = batch["emrpath", n]
        print(
            f"| {n} | {ms(e)} | {ms(batch['numpy', n])} | {batch['numpy', n] / e:,.1f}x | "
            f"{ms(batch['numpy core', n])} |"
        )
    print(
        "\nnumpy incl. conversions = `np.array(days, dtype='datetime64[D]')`, "
        "`busday_offset(..., roll='backward')`, `.tolist()` back to dates.\n"
    )

    added = ep_import - base_import
    print(f"## Import (fresh interpreter, median of {IMPORT_RUNS})\n")
    print(
        "| `import attrs, dateutil, holidays` | with `emrpath` | added | "
        "emrpath's own `-X importtime` |"
    )
    print("|---:|---:|---:|---:|")
    print(f"| {ms(base_import)} | {ms(ep_import)} | {ms(added)} | {ms(own_import)} |\n")

    scalar_ratio = min(scalar["numpy", n] / scalar["emrpath", n] for n in STEPS)
    flat = scalar["emrpath", 500] / scalar["emrpath", 2]
    flat_batch = batch["emrpath", 500] / batch["emrpath", 2]
    batch_ratio = min(batch["numpy", n] / batch["emrpath", n] for n in STEPS)
    print("## Goals\n")
    print(
        f"- {verdict(scalar_ratio >= 10)}: scalar `add_business_days` >= 10x faster than numpy "
        f"scalar `busday_offset` (worst n: {scalar_ratio:.1f}x)"
    )
    print(
        f"- {verdict(flat <= 1.5)}: emrpath at n=500 within 1.5x of n=2 "
        f"(scalar {flat:.2f}x; batch {flat_batch:.2f}x)"
    )
    print(
        f"- {verdict(batch_ratio >= 2)}: batch over {BATCH_SIZE:,} dates >= 2x faster than numpy "
        f"vectorised incl. conversions (worst n: {batch_ratio:.1f}x)"
    )
    print(f"- {verdict(added < 0.020)}: `import emrpath` adds < 20 ms ({ms(added)})")


if __name__ == "__main__":
    main()
