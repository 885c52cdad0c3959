"""Issue 16, item 4: "A test runs the Dask recipe on a local cluster over generated candidates
and compares with evaluate()".

The recipe is the block of docs/how-to/registry.md that names this file (tests/recipes.py
finds it and runs it as the page shows it); it runs on a cluster of two worker processes,
one thread each, over a registry whose first rows are all certified, then a mix of
candidates on their way, candidates who used every attempt and refused records, and every
row is compared with ``ep.decide()`` on the same candidate (``decide()`` gives
``evaluate()``'s decision: tests/test_decide_explain.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.dataframe", reason="the Dask recipe needs dask: pip install -e .[dev]")
distributed = pytest.importorskip(
    "distributed", reason="the Dask recipe runs on dask.distributed: pip install -e .[dev]"
)
pa = pytest.importorskip("pyarrow", reason="the recipe reads Parquet with pyarrow")

from tests.recipes import (  # noqa: E402
    AS_OF,
    CERTIFIED_FIRST,
    COLUMNS,
    PROGRAM,
    cohort,
    differences,
    expected,
    load_recipe,
    mix,
    write_json_lines,
    write_parquet,
)

RUNNER = "tests/test_dask_recipe.py"
CANDIDATES = 2_000


@pytest.fixture(scope="module")
def client() -> Any:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("registry")
    pairs = cohort(CANDIDATES)
    write_json_lines(pairs, folder / "json", files=3)
    write_parquet(pairs, folder / "parquet", files=4)
    want = expected(pairs)
    # The cohort is what the docstring says, or the comparison proves less than it claims.
    assert all(want[cid]["certified"] for cid, _ in pairs[:CERTIFIED_FIRST])
    assert min(mix(want).values()) >= CANDIDATES // 50, mix(want)
    return folder, want


def rows_of(frame: Any, meta: Any) -> list[dict[str, Any]]:
    """The computed rows as plain values, after checking the types are meta's."""
    assert list(frame.columns) == list(COLUMNS)
    assert dict(frame.dtypes) == dict(meta.dtypes)
    return pa.Table.from_pandas(frame, preserve_index=False).to_pylist()  # type: ignore[no-any-return]


def computed_on_both_workers(client: Any, lazy: Any) -> Any:
    with distributed.get_task_stream(client) as stream:
        frame = lazy.compute()
    assert len({task["worker"] for task in stream.data}) == 2, "one worker did everything"
    return frame


def test_json_lines_recipe_gives_decide_for_every_candidate(client: Any, registry: Any) -> None:
    """The JSON text is read, loaded and decided on the workers; a refused record is a row
    with its error's text."""
    folder, want = registry
    recipe = load_recipe(RUNNER)
    lazy = recipe["decide_json_lines"](
        str(folder / "json" / "*.jsonl"), as_of=AS_OF, program=PROGRAM, blocksize=100_000
    )
    assert lazy.npartitions > 3  # the blocks split the files
    assert dict(lazy.dtypes) == dict(recipe["META"].dtypes)
    frame = computed_on_both_workers(client, lazy)
    assert differences(rows_of(frame, recipe["META"]), want) == []


def test_parquet_recipe_gives_decide_for_every_candidate(client: Any, registry: Any) -> None:
    """Each partition of the table is decided by evaluate_table on its worker."""
    folder, want = registry
    recipe = load_recipe(RUNNER)
    lazy = recipe["decide_parquet"](
        str(folder / "parquet" / "*.parquet"), as_of=AS_OF, program=PROGRAM
    )
    assert lazy.npartitions == 4
    frame = computed_on_both_workers(client, lazy)
    assert differences(rows_of(frame, recipe["META"]), want) == []


def test_the_recipe_is_the_pages_block() -> None:
    """What runs here is the page's code: the block names this file and defines the
    functions the page tells readers to call."""
    recipe = load_recipe(RUNNER)
    for name in ("META", "decide_line", "decide_json_lines", "decide_partition", "decide_parquet"):
        assert name in recipe
    assert list(recipe["META"].columns) == list(COLUMNS)
