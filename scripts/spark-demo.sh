#!/usr/bin/env bash
# Runs the pipeline on Apache Spark in local mode (scripts/spark_pipeline.py: summaries and
# embeddings on the executors, a fit sample on the driver, `clio-cluster --assign` on the
# executors, clio-label on the driver) and checks that every output is byte-identical to the
# one-process pipeline with the same sample and seed.
# usage: scripts/spark-demo.sh [N conversations, default 20000] [partitions, default 8]
#                              [fit sample, default N/4] [master, default local[2]]
# Installs pyspark into .venv-spark on first use (PyPI); needs Java 17 (Debian:
# default-jre-headless). Builds self-contained executables (--static-swift-stdlib, in
# .build-static) so that Spark can ship them to its executors, unless $CLIO_BIN_DIR is set.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
partitions=${2:-8}
sample=${3:-$(( n / 4 > 1 ? n / 4 : 1 ))}
master=${4:-local[2]}
seed=${CLIO_SEED:-0}
command -v java >/dev/null || { echo "spark-demo: java is not installed (Spark needs Java 17: apt-get install default-jre-headless)" >&2; exit 2; }
if [ ! -x .venv-spark/bin/python ] || ! .venv-spark/bin/python -c 'import pyspark' 2>/dev/null; then
    echo "== installing pyspark into .venv-spark" >&2
    python3 -m venv .venv-spark
    .venv-spark/bin/pip install --quiet pyspark
fi
if [ -z "${CLIO_BIN_DIR:-}" ]; then
    swift build -c release --static-swift-stdlib --scratch-path .build-static >&2
    CLIO_BIN_DIR=$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)
fi
export CLIO_BIN_DIR
b=$CLIO_BIN_DIR
out=${CLIO_DEMO_OUT:-bench-out/spark}
rm -rf "$out/single" "$out/spark"
mkdir -p "$out/single" "$out/spark"
out=$(cd "$out" && pwd)
python3 scripts/bench-scale.py --sizes "$n" --generate-to "$out/conversations.jsonl"

elapsed() { echo "$(date +%s.%N) - $1" | bc; }
echo "== one process, fit sample $sample, seed $seed (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
start=$(date +%s.%N)
s=$out/single
"$b/clio-summarize" --quiet "$out/conversations.jsonl" | "$b/clio-embed" --quiet --model hash > "$s/embedded.jsonl"
"$b/clio-cluster" --quiet --fit-sample "$sample" --seed "$seed" --centroids "$s/centres.jsonl" "$s/embedded.jsonl" > "$s/clustered.jsonl"
"$b/clio-label" --quiet --assignments "$s/assignments.jsonl" "$s/clustered.jsonl" > "$s/clusters.jsonl"
"$b/clio-tree" --quiet --format html "$s/clusters.jsonl" > "$s/report.html"
"$b/clio-tree" --quiet --color never "$s/clusters.jsonl" > "$s/tree.txt"
single=$(elapsed "$start")
echo "one process: $single s" >&2

echo "== spark $master, $partitions partitions" >&2
start=$(date +%s.%N)
.venv-spark/bin/python scripts/spark_pipeline.py "file://$out/conversations.jsonl" --out "$out/spark" \
    --master "$master" --driver-memory 2g --partitions "$partitions" --fit-sample "$sample" --seed "$seed" --embed-args "--model hash" \
    --clustered "file://$out/spark/clustered.parts"
cat "$out/spark/clustered.parts"/part-* > "$out/spark/clustered.jsonl"
rm -rf "$out/spark/clustered.parts"
echo "spark: $(elapsed "$start") s (one process: $single s; load $(cut -d' ' -f1-3 /proc/loadavg))" >&2

# --secret-env: the variable leaves the driver's environment before Spark starts, so the tools
# on the executors can only have it from the job. A model named in it must reach clio-summarize
# there (a provider that does not exist, so that the stage fails saying so).
head -n 50 "$out/conversations.jsonl" > "$out/secret.jsonl"
if CLIO_MODEL=no-such-provider:x .venv-spark/bin/python scripts/spark_pipeline.py "file://$out/secret.jsonl" \
        --out "$out/secret" --master local[1] --partitions 1 --fit-sample 10 --secret-env CLIO_MODEL \
        > "$out/secret.log" 2>&1 || ! grep -q "unknown model provider 'no-such-provider'" "$out/secret.log"; then
    echo "--secret-env: the variable did NOT reach the tools on the executors (see $out/secret.log)"; secret=1
else
    echo "--secret-env: the variable reached the tools on the executors"; secret=0
fi

status=$secret
for f in centres.jsonl clustered.jsonl clusters.jsonl assignments.jsonl report.html tree.txt; do
    if cmp -s "$out/single/$f" "$out/spark/$f"; then
        echo "$f: identical ($(wc -l < "$out/single/$f") lines)"
    else
        echo "$f: DIFFERENT"; status=1
    fi
done
exit $status
