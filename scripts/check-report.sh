#!/bin/sh
# Checks a clio HTML report in headless Chromium as a user would (see check-report.py), and
# saves a screenshot. Usage: scripts/check-report.sh REPORT.html [SCREENSHOT.png]
# Needs Debian's chromium (apt-get install -y chromium) and python3; the PyPI websocket client
# is installed once into .venv-report at the repository root.
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
    echo "usage: scripts/check-report.sh REPORT.html [SCREENSHOT.png]" >&2
    echo "example: clio-tree --format html clusters.jsonl > report.html && scripts/check-report.sh report.html" >&2
    exit 64
fi
report=$1
screenshot=${2:-${report%.html}.png}

browser=""
for candidate in "${CHROMIUM:-}" chromium chromium-browser; do
    if [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1; then
        browser=$(command -v "$candidate")
        break
    fi
done
if [ -z "$browser" ]; then
    echo "check-report: FAIL: chromium is not installed; install it with: apt-get install -y chromium" >&2
    echo "check-report: (or set CHROMIUM to the path of a Chromium or Chrome binary)" >&2
    exit 1
fi

root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.venv-report"
if ! "$venv/bin/python" -c "import websocket" >/dev/null 2>&1; then
    echo "check-report: setting up $venv (PyPI websocket-client)" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "websocket-client>=1.6,<2"
fi
exec "$venv/bin/python" "$root/scripts/check-report.py" --browser "$browser" "$report" "$screenshot"
