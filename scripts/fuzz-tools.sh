#!/usr/bin/env bash
# Builds the tools (release) and feeds them generated hostile input with scripts/fuzz.py.
# usage: scripts/fuzz-tools.sh [fuzz.py options]   e.g. scripts/fuzz-tools.sh --seed 7 --cases 5000
# Defaults: seed 1, 2000 cases over all five tools, 10 MB long lines, 30 s and 2 GB per run.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release >&2
exec python3 scripts/fuzz.py --bin "$(swift build -c release --show-bin-path)" "$@"
