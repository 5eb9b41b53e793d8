#!/usr/bin/env bash
# Runs the whole test suite after an idempotent set-up, and ends with one line: "N passed, N failed"
# (skipped tests, e.g. Live ones without a key, are counted on the line before).
# Usage: bash scripts/test.sh [extra dotnet test args]   (e.g. --filter TestCategory!=Live)
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --no-tool || { echo "0 passed, 1 failed"; echo "set-up failed: see the messages above" >&2; exit 1; }

RESULTS="artifacts/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
# Live tests need real API keys; they report Inconclusive without them.
dotnet test ActionAgent.sln -c Release --no-build --nologo \
  --logger "trx" --results-directory "$RESULTS" "$@" 2>&1 | tee "$RESULTS/console.log"
status=${PIPESTATUS[0]}

# Sum VSTest's per-assembly summaries ("Passed!  - Failed: 0, Passed: 32, Skipped: 0, ...").
awk -v status="$status" '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i+1));
      if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1);
    }
  }
  END { if (status != 0 && f == 0) f = 1; printf "%d skipped\n%d passed, %d failed\n", s, p, f }' "$RESULTS/console.log"
exit $status
