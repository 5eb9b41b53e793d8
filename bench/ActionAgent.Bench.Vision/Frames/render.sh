#!/usr/bin/env bash
# Renders the benchmark frames (1280x720) with headless Chromium; run again after editing the HTML.
set -euo pipefail
cd "$(dirname "$0")"
for page in app app-changed; do
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,720 \
    --screenshot="$PWD/$page.png" "file://$PWD/$page.html" >/dev/null 2>&1
done
ls -l ./*.png
