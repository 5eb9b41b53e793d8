#!/usr/bin/env bash
# The demo: set up (idempotent), then start the sample ops portal and let ActionAgent file a refund on it in headless
# Chromium with the offline step interpreter. The "Submit refund" click waits for your approval (y/n) on a terminal;
# pass --yes to approve automatically. Extra arguments go to `actionagent demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --no-tool
exec dotnet src/ActionAgent.Cli/bin/Release/net10.0/actionagent.dll demo "$@"
