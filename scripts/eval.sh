#!/usr/bin/env bash
# Runs the clio pipeline on generated, labelled conversations and prints one markdown table:
# topic reconstruction (ARI, NMI, top-level accuracy, purity), planted-detail leaks, cost.
#
#   scripts/eval.sh [--count N] [--seed S] [--model PROVIDER:MODEL] [--base-url URL]
#                   [--embed-model NAME] [-k N] [--top N] [--out DIR] [--bin DIR] [--sabotage shuffle-clusters]
#                   [--use-cache] [--check] [--min-ari X] [--min-accuracy X] [--max-name-leak X] [--max-address-leak X]
#
# Defaults: --count 3000, the offline pipeline (extractive summaries, clio-embed's default model),
# k = the number of true subtopics (62; -k default leaves k to clio-cluster's --per-cluster),
# --out work/eval (ignored by git), binaries from .build/release (built when missing).
# Tools run with --no-cache (so the cost column is honest) unless --use-cache is given.
# --check exits 1 when a threshold fails (see docs/evaluation.md for how they were calibrated).
set -euo pipefail

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }

original=("$@")
count=3000 seed=8 model="" base_url="" embed_model="" k="" out="work/eval" bin="" sabotage="" check="" use_cache="" top=""
thresholds=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --count) count="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --model) model="$2"; shift 2 ;;
        --base-url) base_url="$2"; shift 2 ;;
        --embed-model) embed_model="$2"; shift 2 ;;
        -k) k="$2"; shift 2 ;;
        --top) top="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --bin) bin="$2"; shift 2 ;;
        --sabotage) sabotage="$2"; shift 2 ;;
        --check) check="--check"; shift ;;
        --use-cache) use_cache=1; shift ;;
        --min-ari|--min-accuracy|--max-name-leak|--max-address-leak) thresholds+=("$1" "$2"); shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "eval.sh: error: unknown option '$1' (see --help)" >&2; exit 64 ;;
    esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command_line="scripts/eval.sh${original[*]+ ${original[*]}}"
bin="${bin:-${CLIO_BIN_DIR:-$root/.build/release}}"
tools=(clio-summarize clio-embed clio-cluster clio-label)
for t in "${tools[@]}"; do
    if [[ ! -x "$bin/$t" ]]; then
        echo "eval.sh: $bin/$t not found; building (swift build -c release)" >&2
        (cd "$root" && swift build -c release >&2)
        break
    fi
done

mkdir -p "$out"
data="$out/data"
python3 "$root/scripts/make-eval-data.py" --count "$count" --seed "$seed" --out "$data"

# Options a tool is given only when its --help lists them, so one script serves every stage's
# state (clio-label's LLM naming, for instance, may come later than clio-summarize's).
supports() { "$bin/$1" --help 2>&1 | grep -qE -- "$2([^-a-z]|$)"; }
llm_args() {
    local tool="$1" args=()
    if [[ -z "$use_cache" ]] && supports "$tool" --no-cache; then args+=(--no-cache); fi
    if [[ -n "$model" ]]; then
        if supports "$tool" --model; then args+=(--model "$model"); else
            echo "eval.sh: note: $tool has no --model; it runs offline" >&2; fi
        if [[ -n "$base_url" ]] && supports "$tool" --base-url; then args+=(--base-url "$base_url"); fi
    fi
    [[ ${#args[@]} -eq 0 ]] || printf '%s\n' "${args[@]}"
}
embed_args=()
[[ -n "$embed_model" ]] && embed_args+=(--model "$embed_model")
if [[ -z "$use_cache" ]] && supports clio-embed --no-cache; then embed_args+=(--no-cache); fi
cluster_args=(--centroids "$out/centroids.jsonl")
# As many base clusters as true subtopics, so ARI compares partitions of like granularity.
if [[ -z "$k" ]]; then
    k=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["subtopics"]) for l in sys.stdin if l.strip()))' \
        < "$data/categories.jsonl")
fi
[[ "$k" != "default" ]] && cluster_args+=(-k "$k")
mapfile -t summarize_args < <(llm_args clio-summarize)
mapfile -t label_args < <(llm_args clio-label)
[[ -n "$top" ]] && label_args+=(--top "$top")

timings="$out/timings.jsonl"
: > "$timings"
now() { date +%s.%N; }
# stage NAME INPUT OUTPUT TOOL ARGS…: runs one tool, records its wall time and keeps its stderr.
stage() {
    local name="$1" input="$2" output="$3" tool="$4"; shift 4
    local start end
    start=$(now)
    if ! "$bin/$tool" "$@" < "$input" > "$output" 2> "$out/$name.stderr"; then
        echo "eval.sh: error: $tool failed; its messages:" >&2
        tail -n 20 "$out/$name.stderr" >&2
        exit 1
    fi
    end=$(now)
    printf '{"stage":"%s","seconds":%s,"stderr":"%s"}\n' "$name" \
        "$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.3f", b-a}')" "$out/$name.stderr" >> "$timings"
}

stage summarize "$data/conversations.jsonl" "$out/summaries.jsonl" clio-summarize "${summarize_args[@]+"${summarize_args[@]}"}"
stage embed "$out/summaries.jsonl" "$out/embedded.jsonl" clio-embed "${embed_args[@]+"${embed_args[@]}"}"
stage cluster "$out/embedded.jsonl" "$out/clustered.jsonl" clio-cluster "${cluster_args[@]}"
stage label "$out/clustered.jsonl" "$out/labels.jsonl" clio-label --assignments "$out/assignments.jsonl" \
    "${label_args[@]+"${label_args[@]}"}"
# The fixed top level: the true categories embedded with the same model (not a pipeline cost).
"$bin/clio-embed" --field text "${embed_args[@]+"${embed_args[@]}"}" < "$data/categories.jsonl" \
    > "$out/categories.embedded.jsonl" 2> "$out/embed-categories.stderr" || {
    echo "eval.sh: error: embedding the categories failed:" >&2; tail -n 20 "$out/embed-categories.stderr" >&2; exit 1; }

embedder="${embed_model:-$(python3 -c 'import json,sys
for line in sys.stdin:
    print(json.loads(line)["embedding_model"]["name"]); break' < "$out/categories.embedded.jsonl" 2>/dev/null || echo default)}"
sabotage_args=()
[[ -n "$sabotage" ]] && sabotage_args+=(--sabotage "$sabotage")
exec python3 "$root/scripts/evaluate.py" --truth "$data/truth.jsonl" \
    --summaries "$out/summaries.jsonl" --clustered "$out/clustered.jsonl" --centroids "$out/centroids.jsonl" \
    --categories "$out/categories.embedded.jsonl" --labels "$out/labels.jsonl" \
    --assignments "$out/assignments.jsonl" --timings "$timings" --json "$out/metrics.json" \
    --run-command "$command_line" --model "${model:-offline (extractive)}" --embedder "$embedder" \
    --date "$(date -u +%Y-%m-%dT%H:%MZ)" \
    "${sabotage_args[@]+"${sabotage_args[@]}"}" "${thresholds[@]+"${thresholds[@]}"}" $check
