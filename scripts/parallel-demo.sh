#!/usr/bin/env bash
# Runs the streaming stages under GNU parallel (--pipe --keep-order) and checks that the records
# are the same as a single process's: byte for byte, and again after a sort by id.
# usage: scripts/parallel-demo.sh [N conversations, default 20000] [jobs, default: cores]
# Needs GNU parallel (apt-get install -y parallel). Uses $CLIO_BIN_DIR, else builds release.
# MiniLM (when installed) runs too, with one --cache folder shared by all the workers.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
jobs=${2:-$(nproc)}
command -v parallel >/dev/null || { echo "parallel-demo: GNU parallel is not installed (apt-get install -y parallel)" >&2; exit 2; }
if [ -z "${CLIO_BIN_DIR:-}" ]; then
    swift build -c release >&2
    CLIO_BIN_DIR=$(swift build -c release --show-bin-path)
fi
export PATH="$CLIO_BIN_DIR:$PATH"
out=${CLIO_DEMO_OUT:-bench-out/parallel}
mkdir -p "$out"
python3 scripts/bench-scale.py --sizes "$n" --generate-to "$out/conversations.jsonl"

# The same records in the same order, and the same multiset of records after a sort by id.
same() {
    if cmp -s "$1" "$2"; then echo "identical ($(wc -l < "$1") records)"; return 0; fi
    if cmp -s <(jq -c -s 'sort_by(.id)[]' "$1") <(jq -c -s 'sort_by(.id)[]' "$2"); then
        echo "same records, different order"; return 0
    fi
    echo "DIFFERENT: $(diff <(jq -c -s 'sort_by(.id)[]' "$1") <(jq -c -s 'sort_by(.id)[]' "$2") | grep -c '^[<>]') lines differ"
    return 1
}

timed() {  # timed LABEL COMMAND...: runs the command, prints its wall time to stderr
    local label=$1; shift
    local start=$(date +%s.%N)
    "$@"
    printf '%-34s %6.1f s\n' "$label" "$(echo "$(date +%s.%N) - $start" | bc)" >&2
}

status=0
# --block: about 1 MB of lines per worker call; --pipe cuts only at line ends.
par=(parallel --pipe --keep-order --block 1M -j "$jobs")

timed "clio-summarize, 1 process" sh -c "clio-summarize --quiet < '$out/conversations.jsonl' > '$out/summaries.single.jsonl'"
timed "clio-summarize, parallel -j $jobs" sh -c "${par[*]} clio-summarize --quiet < '$out/conversations.jsonl' > '$out/summaries.parallel.jsonl'"
echo "summaries: $(same "$out/summaries.single.jsonl" "$out/summaries.parallel.jsonl")" || status=1

timed "clio-embed hash, 1 process" sh -c "clio-embed --quiet --model hash < '$out/summaries.single.jsonl' > '$out/embedded.single.jsonl'"
timed "clio-embed hash, parallel -j $jobs" sh -c "${par[*]} clio-embed --quiet --model hash < '$out/summaries.single.jsonl' > '$out/embedded.parallel.jsonl'"
echo "hash embeddings: $(same "$out/embedded.single.jsonl" "$out/embedded.parallel.jsonl")" || status=1

if clio-embed --model minilm --no-cache < /dev/null >/dev/null 2>&1; then
    m=${MINILM_RECORDS:-2000}
    head -n "$m" "$out/summaries.single.jsonl" > "$out/summaries.minilm.jsonl"
    rm -rf "$out/minilm-cache"
    timed "clio-embed minilm ($m), 1 process" sh -c "clio-embed --quiet --model minilm --no-cache < '$out/summaries.minilm.jsonl' > '$out/minilm.single.jsonl'"
    timed "clio-embed minilm ($m), parallel" sh -c "${par[*]} --block 100k clio-embed --quiet --model minilm --cache '$out/minilm-cache' < '$out/summaries.minilm.jsonl' > '$out/minilm.parallel.jsonl'"
    echo "minilm embeddings (shared cache): $(same "$out/minilm.single.jsonl" "$out/minilm.parallel.jsonl")" || status=1
else
    echo "minilm embeddings: skipped (MiniLM is not installed; scripts/get-model.sh)"
fi

# The global stages run once, on the merged stream.
clio-cluster --quiet -k 50 "$out/embedded.parallel.jsonl" | clio-label --quiet | clio-tree --color never --depth 1 | head -20
exit $status
