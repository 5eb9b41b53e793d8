#!/usr/bin/env bash
# Held-out evaluation: install the third-party pages (npm, once), build the runner, serve and run.
#   bash eval/run.sh [--agent null|reference|actionagent] [--filter REGEX] [--cli PATH] [other runner options]
# Needs the npm registry only for the first install; after that it runs offline.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
cache="$here/.cache"

mkdir -p "$cache"
if ! cmp -s "$here/package.json" "$cache/package.json" || [ ! -d "$cache/node_modules/todomvc" ]; then
  cp "$here/package.json" "$cache/package.json"
  (cd "$cache" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error)
fi

agent="actionagent"
cli=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[$i]}" in
    --agent) agent="${args[$((i + 1))]:-}" ;;
    --cli) cli="${args[$((i + 1))]:-}" ;;
  esac
done

if [ "$agent" = "actionagent" ] && [ -z "$cli" ] && [ ! -f "$repo/src/ActionAgent.Cli/bin/Release/net10.0/actionagent.dll" ]; then
  echo "building the CLI (dotnet build src/ActionAgent.Cli -c Release)..." >&2
  dotnet build "$repo/src/ActionAgent.Cli" -c Release -v q >&2
fi

dotnet build "$here/ActionAgent.Eval" -c Release -v q >&2
cd "$repo"
exec dotnet "$here/ActionAgent.Eval/bin/Release/net10.0/actionagent-eval.dll" "$@"
