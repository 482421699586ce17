#!/usr/bin/env bash
# Benchmark clio-cluster against scikit-learn and faiss (see scripts/bench-cluster.py).
# Makes .venv-bench (scikit-learn, faiss-cpu, sentence-transformers, CPU torch), builds the
# release executable and runs the comparison on 2 threads. Outputs go to bench-out/cluster/.
#   scripts/bench-cluster.sh [--limit N] [--ks 100,1000] [--rss-n 100000]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv-bench/bin/python ]; then
    python3 -m venv .venv-bench
    # A CPU-only torch wheel where one is provided locally; PyPI's default build otherwise (large).
    cpu_torch=$(ls /opt/wheels/torch-*+cpu-*.whl 2>/dev/null | head -1 || true)
    .venv-bench/bin/pip install --quiet ${cpu_torch:-torch} scikit-learn faiss-cpu sentence-transformers
fi
swift build -c release --product clio-cluster >&2

# The same thread count for every tool; OPENBLAS_CORETYPE (set on some machines here) slows numpy.
unset OPENBLAS_CORETYPE
# OpenMP's own wait policy by default, as users get it (fastest on a quiet machine); on a busy
# one, OMP_WAIT_POLICY=PASSIVE keeps spinning threads from billing CPU time they do not compute with.
export OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 MKL_NUM_THREADS=2
[ -n "${OMP_WAIT_POLICY:-}" ] && export OMP_WAIT_POLICY
exec .venv-bench/bin/python scripts/bench-cluster.py "$@"
