#!/usr/bin/env bash
# Packs the `actionagent` .NET tool from src/ActionAgent.Cli into a local feed and installs it: globally for this
# user (default, what scripts/setup.sh does), or into --tool-path DIR. Each pack gets a new version so NuGet's cache
# never hands back an older build. Prints the installed version on stdout.
#   bash scripts/install-tool.sh [--tool-path DIR] [--feed DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
TOOL_PATH=""; FEED=artifacts/tool-feed
while [ $# -gt 0 ]; do
  case "$1" in
    --tool-path) TOOL_PATH="${2:?--tool-path needs a folder}"; shift 2 ;;
    --feed) FEED="${2:?--feed needs a folder}"; shift 2 ;;
    *) echo "[install-tool] unknown argument '$1': use --tool-path DIR and/or --feed DIR" >&2; exit 2 ;;
  esac
done
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64|arm64) rid=linux-arm64 ;;
  *) rid="" ;;
esac
version="0.1.0-local.$(date -u +%Y%m%d%H%M%S)"
echo "[setup] packing the actionagent tool $version${rid:+ for $rid} into $FEED (about a minute)" >&2
rm -rf "$FEED"; mkdir -p "$FEED"
dotnet pack src/ActionAgent.Cli -c Release ${rid:+-r "$rid"} -p:PackageVersion="$version" -o "$FEED" \
  --nologo -v minimal -clp:NoSummary -tl:off 1>&2
if [ -n "$TOOL_PATH" ]; then
  echo "[setup] installing it into $TOOL_PATH" >&2
  dotnet tool update --tool-path "$TOOL_PATH" --add-source "$FEED" ActionAgent.Cli --version "$version" >/dev/null
else
  echo "[setup] installing it (dotnet tool update --global)" >&2
  dotnet tool update --global --add-source "$FEED" ActionAgent.Cli --version "$version" >/dev/null
fi
echo "$version"
