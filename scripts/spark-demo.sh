#!/usr/bin/env bash
# Runs the pipeline on Apache Spark in local mode (scripts/spark_pipeline.py) and checks that every
# stage's output is the same as a single-process run's.
# usage: scripts/spark-demo.sh [N conversations, default 20000] [partitions, default 8]
# Installs pyspark into .venv-spark on first use (PyPI); needs Java 17. Uses $CLIO_BIN_DIR, else
# builds release.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
partitions=${2:-8}
command -v java >/dev/null || { echo "spark-demo: java is not installed (Spark needs Java 17)" >&2; exit 2; }
if [ ! -x .venv-spark/bin/python ] || ! .venv-spark/bin/python -c 'import pyspark' 2>/dev/null; then
    echo "== installing pyspark into .venv-spark" >&2
    python3 -m venv .venv-spark
    .venv-spark/bin/pip install --quiet pyspark
fi
if [ -z "${CLIO_BIN_DIR:-}" ]; then
    swift build -c release >&2
    CLIO_BIN_DIR=$(swift build -c release --show-bin-path)
fi
export CLIO_BIN_DIR
b=$CLIO_BIN_DIR
out=${CLIO_DEMO_OUT:-bench-out/spark}
mkdir -p "$out/single" "$out/spark"
python3 scripts/bench-scale.py --sizes "$n" --generate-to "$out/conversations.jsonl"
k=$(( n / 200 > 2 ? n / 200 : 2 ))

echo "== single process" >&2
start=$(date +%s.%N)
"$b/clio-summarize" --quiet "$out/conversations.jsonl" > "$out/single/summaries.jsonl"
"$b/clio-embed" --quiet --model hash "$out/single/summaries.jsonl" > "$out/single/embedded.jsonl"
"$b/clio-cluster" --quiet -k "$k" "$out/single/embedded.jsonl" > "$out/single/clustered.jsonl"
"$b/clio-label" --quiet "$out/single/clustered.jsonl" > "$out/single/clusters.jsonl"
"$b/clio-tree" --quiet --color never "$out/single/clusters.jsonl" > "$out/single/tree.txt"
echo "single process: $(echo "$(date +%s.%N) - $start" | bc) s" >&2

echo "== spark local[2], $partitions partitions" >&2
start=$(date +%s.%N)
.venv-spark/bin/python scripts/spark_pipeline.py "$out/conversations.jsonl" --out "$out/spark" \
    --partitions "$partitions" --embed-args "--model hash" --cluster-args "-k $k"
echo "spark: $(echo "$(date +%s.%N) - $start" | bc) s" >&2

status=0
for f in summaries.jsonl embedded.jsonl clustered.jsonl clusters.jsonl tree.txt; do
    if cmp -s "$out/single/$f" "$out/spark/$f"; then
        echo "$f: identical ($(wc -l < "$out/single/$f") lines)"
    elif [ "${f##*.}" = jsonl ] && cmp -s <(jq -c -s 'sort_by(.id)[]' "$out/single/$f") <(jq -c -s 'sort_by(.id)[]' "$out/spark/$f"); then
        echo "$f: same records, different order"
    else
        echo "$f: DIFFERENT"; status=1
    fi
done
exit $status
