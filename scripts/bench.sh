#!/usr/bin/env bash
# Runs every benchmark in bench/ after the idempotent set-up and prints their figures (see docs/benchmarks.md).
# Figures depend on the machine's load: run it with nothing else running. Usage: bash scripts/bench.sh
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --no-tool || { echo "set-up failed: see the messages above" >&2; exit 1; }
status=0
run() { echo; echo "=== $*"; dotnet run -c Release --no-build --project "$@" || status=1; }
run bench/ActionAgent.Bench.Loop -- --runs 10
run bench/ActionAgent.Bench.Vision -- --runs 20
run bench/ActionAgent.Bench.Prompt
run bench/ActionAgent.Bench.Flows -- --runs 5 --copies 2
run bench/ActionAgent.Bench.Meaning
run bench/ActionAgent.Bench.Serve -- --tasks 6 --samples 3
exit $status
