#!/usr/bin/env bash
# Mutation testing of every module with rule logic (the modules in [tool.mutmut] only_mutate
# of pyproject.toml), then the score.
#
#   scripts/mutation.sh                       # run (or resume) every mutant, then the score
#   scripts/mutation.sh "emrpath.lifecycle*"  # only the mutants whose names match the globs
#   scripts/mutation.sh --score               # only print the score of the mutants already run
#
# Too slow for CI (the suite runs once per mutant): run it by hand, niced, one child.
# The score is killed / (total - equivalent); the equivalent mutants, with why, are the
# table in docs/testing.md. mutmut works in mutants/ (git-ignored) and resumes there.
# Before the score it lists the mutants recorded killed with no failing test written
# down (scripts/mutation_witnessed.py): run those again by name before counting them.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
if ! "$PY" -c "import mutmut" 2>/dev/null; then
    "$PY" -m pip install --quiet -e ".[mutation]"
fi
export HYPOTHESIS_PROFILE=mutation
# Every kill with its witness: the failing test under each mutant, written to
# mutants/witnesses.log by scripts/mutation_witness.py (a kill without one is run again).
mkdir -p mutants
export MUTATION_WITNESS_LOG="$PWD/mutants/witnesses.log"
export PYTHONPATH="$PWD/scripts${PYTHONPATH:+:$PYTHONPATH}"
export PYTEST_ADDOPTS="-p mutation_witness ${PYTEST_ADDOPTS:-}"
if [[ "${1:-}" != "--score" ]]; then
    nice -n 10 "$PY" -m mutmut run --max-children "${MUTMUT_CHILDREN:-1}" "$@" || true
fi
"$PY" -m mutmut results --all true > mutants/results.txt
touch "$MUTATION_WITNESS_LOG"
"$PY" scripts/mutation_witnessed.py mutants/results.txt "$MUTATION_WITNESS_LOG" || true
"$PY" scripts/mutation_score.py mutants/results.txt docs/testing.md
