#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer: builds each target in Fuzz/ (one Swift file defining
# LLVMFuzzerTestOneInput) against the library modules it needs, compiled with
# `swiftc -sanitize=fuzzer,address` into .build-fuzz/, runs it for a bounded time from its
# checked-in seed corpus and dictionary (Fuzz/corpus/<target>/, Fuzz/dict/<target>.dict), and
# fails when any target crashes. Crashing inputs are kept in .build-fuzz/crashes/.
#
# usage: scripts/fuzz.sh [--time SECONDS] [target...]
#   --time S   seconds per target (default 20, the CI run; --time 600 for a long run)
#   targets    default: every Fuzz/*.swift (json adapters vectors http-response masker ...)
# Prints one line per target: executions per second, coverage (libFuzzer's final cov and ft),
# crashes. Exit status: 0 when no target crashed, 1 when one did (or a build failed), 2 on a
# usage problem.
#
# The generated-input fuzzer of the built tools is scripts/fuzz-tools.sh (scripts/fuzz.py).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=20
targets=()
while (($#)); do
  case $1 in
    --time) seconds=${2:?--time needs seconds}; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: error: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
if ((${#targets[@]} == 0)); then
  for f in Fuzz/*.swift; do targets+=("$(basename "$f" .swift)"); done
fi

build=$root/.build-fuzz
mkdir -p "$build/modules" "$build/bin" "$build/crashes" "$build/logs"
flags=(-O -sanitize=fuzzer,address -parse-as-library -enable-testing -swift-version 5 -suppress-warnings)

# The modules each library needs, in link order (a module before the ones it imports).
declare -A deps=(
  [ClioCore]="" [CClioKernels]="" [ClioLLM]="ClioCore" [ClioTree]="ClioCore"
  [ClioSummarize]="ClioLLM ClioCore" [ClioEmbed]="ClioLLM ClioCore CClioKernels"
  [ClioCluster]="ClioCore CClioKernels" [ClioLabel]="ClioEmbed ClioCluster ClioLLM ClioCore CClioKernels"
)
# The modules each target imports.
declare -A uses=(
  [json]="ClioCore" [vectors]="ClioCluster" [http-response]="ClioLLM" [provider-answers]="ClioLLM"
  [adapters]="ClioSummarize" [answers]="ClioLabel ClioSummarize" [cluster-records]="ClioTree"
  [safetensors]="ClioEmbed" [wordpiece]="ClioEmbed" [sentencepiece]="ClioEmbed" [masker]="ClioSummarize"
)

newer() { [[ ! -e $1 ]] || [[ -n $(find "${@:2}" -newer "$1" -print -quit) ]]; }

# Builds one module (and first what it imports) into .build-fuzz/modules, when its sources changed.
declare -A built=()
build_module() {
  local name=$1 dep
  [[ -n ${built[$name]:-} ]] && return 0
  for dep in ${deps[$name]}; do build_module "$dep"; done
  local lib=$build/modules/lib$name.a
  if [[ $name == CClioKernels ]]; then
    if newer "$lib" Sources/CClioKernels; then
      echo "fuzz: building $name" >&2
      mkdir -p "$build/modules/CClioKernels"
      printf 'module CClioKernels {\n  umbrella header "%s/Sources/CClioKernels/include/CClioKernels.h"\n  export *\n}\n' "$root" \
        >"$build/modules/CClioKernels/module.modulemap"
      local objects=() c
      for c in Sources/CClioKernels/*.c; do
        clang -O2 -fsanitize=fuzzer-no-link,address -ISources/CClioKernels/include -c "$c" -o "$build/modules/$(basename "$c" .c).o"
        objects+=("$build/modules/$(basename "$c" .c).o")
      done
      ar rcs "$lib" "${objects[@]}"
    fi
  elif newer "$lib" "Sources/$name" "$0"; then
    echo "fuzz: building $name" >&2
    (cd "$build/modules" && swiftc "${flags[@]}" -I . -I CClioKernels -emit-module -emit-library -static \
      -module-name "$name" -o "lib$name.a" "$root/Sources/$name"/*.swift)
  fi
  built[$name]=1
}

# Every module a target links, each once, dependents first.
link_order() {
  local seen=() out=() m
  visit() {
    local n=$1 d
    [[ " ${seen[*]} " == *" $n "* ]] && return 0
    seen+=("$n")
    out+=("$n")
    for d in ${deps[$n]}; do visit "$d"; done
  }
  for m in "$@"; do visit "$m"; done
  # A dependency must come after everything that needs it: order by depth.
  local sorted=() n
  for n in ClioLabel ClioSummarize ClioTree ClioEmbed ClioCluster ClioLLM ClioCore CClioKernels; do
    [[ " ${out[*]} " == *" $n "* ]] && sorted+=("$build/modules/lib$n.a")
  done
  echo "${sorted[@]}"
}

for target in "${targets[@]}"; do
  [[ -f Fuzz/$target.swift && -n ${uses[$target]:-} ]] || { echo "fuzz.sh: error: no target $target" >&2; exit 2; }
  for m in ${uses[$target]}; do build_module "$m"; done
  bin=$build/bin/$target
  if newer "$bin" "Fuzz/$target.swift" "$build/modules"; then
    echo "fuzz: linking $target" >&2
    # shellcheck disable=SC2046
    swiftc "${flags[@]}" -I "$build/modules" -I "$build/modules/CClioKernels" "Fuzz/$target.swift" \
      $(link_order ${uses[$target]}) -o "$bin" 2>&1 | { grep -v "Cannot export local symbol" >&2 || true; }
  fi
done

export CLIO_FUZZ_SENTENCEPIECE=$root/Tests/ClioEmbedTests/Fixtures/multilingual/tokenizer.json
vocab=${CLIO_MODEL_DIR:-$HOME/.cache/clio/models/all-MiniLM-L6-v2}/vocab.txt
[[ -f $vocab ]] && export CLIO_FUZZ_VOCAB=$vocab

failed=0
printf '%-17s %10s %8s %8s %8s %8s\n' target execs/s execs cov ft crashes
for target in "${targets[@]}"; do
  work=$build/corpus/$target   # new inputs go here, not into the checked-in seeds
  mkdir -p "$work"
  log=$build/logs/$target.log
  args=(-max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 -max_len=65536
        -artifact_prefix="$build/crashes/$target-")
  [[ -f Fuzz/dict/$target.dict ]] && args+=(-dict="Fuzz/dict/$target.dict")
  # The masker's compiled patterns live for the whole process (Foundation builds them once, in
  # memory LeakSanitizer cannot trace back to the statics), so at exit it reports them as leaks.
  asan=${ASAN_OPTIONS:-}
  [[ $target == masker ]] && args+=(-detect_leaks=0) && asan="detect_leaks=0${asan:+:$asan}"
  status=0
  ASAN_OPTIONS=$asan "$build/bin/$target" "${args[@]}" "$work" "Fuzz/corpus/$target" >"$log" 2>&1 || status=$?
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  crashes=0
  if ((status != 0)); then
    crashes=1
    failed=1
  fi
  printf '%-17s %10s %8s %8s %8s %8s\n' "$target" "${rate:-?}" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$crashes"
  if ((crashes)); then
    echo "fuzz: $target crashed (exit $status); log $log, input:" >&2
    ls "$build/crashes/$target-"* 2>/dev/null | tail -1 >&2
    grep -m3 -E 'Fatal error|ERROR: AddressSanitizer|ERROR: libFuzzer|deadly signal' "$log" >&2 || true
  fi
done
exit $failed
