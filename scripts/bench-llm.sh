#!/usr/bin/env bash
# Benchmarks clio-summarize's LLM path against a local OpenAI-compatible server that answers
# after a fixed delay: throughput at -j 50 vs the ideal, a cached rerun (zero calls), and a run
# killed with SIGKILL midway then rerun (identical output). Extra arguments go to bench-llm.py.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
swift build -c release --product clio-summarize >&2
exec python3 scripts/bench-llm.py --binary "$root/.build/release/clio-summarize" "$@"
