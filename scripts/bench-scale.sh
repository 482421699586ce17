#!/usr/bin/env bash
# Scale benchmark: the offline pipeline on 10,000 and 100,000 synthetic conversations, wall time,
# CPU time and peak RSS per stage, and the 100k/10k ratios (see docs/reliability.md).
# usage: scripts/bench-scale.sh [bench-scale.py options], e.g. --sizes 10000,100000,1000000
# Defaults: hashed 384-dimension embeddings (MiniLM's size), a fixed k of 500 so that the
# clustering cost is comparable across sizes (the default k grows with n).
# MiniLM: scripts/bench-scale.sh --sizes 1000,10000 --embed minilm --embed-args "" (slow on 2 cores).
# Past one machine (docs/scale.md): the whole pipeline with a fit sample, the --assign map stage's
# memory checked flat, and the projection to 10 and 100 million conversations:
#   scripts/bench-scale.sh --sizes 100000,1000000 --fit-sample 100000 --cluster-args "" #       --project 10000000,100000000 --json bench-out/scale-1m.json
# What k costs (docs/cluster.md, "k for large inputs"): scripts/bench-scale.sh --k-growth --sizes 25000,50000,100000
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release >&2
exec python3 scripts/bench-scale.py --bin "$(swift build -c release --show-bin-path)" \
    --embed-args "--dimension 384" --cluster-args "-k 500" --json bench-out/scale.json "$@"
