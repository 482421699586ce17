#!/usr/bin/env python3
"""Compares clio-label's offline grouping methods on one clustered file (docs/label.md).

For each method, runs `clio-label --grouping METHOD` and measures the top level:

  with --truth (scripts/make-eval-data.py's truth.jsonl): weighted purity of the top-level
      clusters against the true categories, the lowest purity, and NMI against the categories;
  always: silhouette of the top level over the member vectors (cosine distance), the share of
      the largest top-level cluster, the share of the least coherent one (lowest mean
      silhouette: the "everything else" cluster) and its rank by size, how many top-level
      clusters have a top keyword another one has too, and the most top-level clusters any one
      keyword is listed by.

    python3 scripts/compare-grouping.py --clustered work/eval/clustered.jsonl --truth work/eval/data/truth.jsonl
    python3 scripts/compare-grouping.py --clustered work/sg/clustered.jsonl --methods ward,members

Needs numpy (for the silhouette). Prints one markdown table and the load average.
"""
import argparse
import base64
import collections
import json
import math
import os
import struct
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evaluate import grouping_bound, normalized_mutual_info, purity  # noqa: E402  (the evaluation's own metrics)

METHODS = ["ward", "average", "complete", "spherical", "members"]


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def vector(value):
    if isinstance(value, str) and value.startswith("f32le:"):
        raw = base64.b64decode(value[len("f32le:"):])
        return struct.unpack("<%df" % (len(raw) // 4), raw)
    return value


def key(value):
    return value if isinstance(value, str) else json.dumps(value)


def silhouette(x, labels):
    """Mean silhouette with cosine distance, computed in row blocks (no n × n matrix)."""
    x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    names = sorted(set(labels))
    index = {name: i for i, name in enumerate(names)}
    y = np.array([index[l] for l in labels])
    k = len(names)
    if k < 2:
        return np.zeros(len(labels))
    onehot = np.zeros((len(y), k), dtype=np.float32)
    onehot[np.arange(len(y)), y] = 1
    sizes = onehot.sum(axis=0)
    scores = np.zeros(len(y))
    for start in range(0, len(y), 1024):
        block = x[start:start + 1024]
        distance = 1 - block @ x.T
        sums = distance @ onehot  # per row: total distance to each cluster
        own = y[start:start + 1024]
        rows = np.arange(len(own))
        own_size = sizes[own]
        a = np.where(own_size > 1, sums[rows, own] / np.maximum(own_size - 1, 1), 0)
        means = sums / sizes
        means[rows, own] = np.inf
        b = means.min(axis=1)
        s = np.where(own_size > 1, (b - a) / np.maximum(np.maximum(a, b), 1e-12), 0)
        scores[start:start + 1024] = s
    return scores


def primary_language(record):
    """The first language of facets.language, "" for none or "Unknown" (LanguageCentring.primary)."""
    for part in str((record.get("facets") or {}).get("language") or "").split(";"):
        part = part.strip()
        if part:
            return "" if part == "Unknown" else part
    return ""


def centre_by_language(x, languages, minimum=10):
    """The vectors as clio-cluster and clio-label centre them (Sources/ClioCore/LanguageCentring.swift):
    each language of at least `minimum` records at its mean, the rest at the largest language's,
    then unit length; unchanged when no language has that many."""
    counts = collections.Counter(l for l in languages if l)
    kept = {l for l, n in counts.items() if n >= minimum}
    if not kept:
        return x
    reference = max(kept, key=lambda l: (counts[l], [-ord(c) for c in l]))
    languages = np.array(languages)
    means = {l: x[languages == l].astype(np.float64).mean(axis=0) for l in kept}
    out = x.astype(np.float64).copy()
    for l in set(languages):
        out[languages == l] -= means.get(l, means[reference])
    return (out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)).astype(np.float32)


def keywords(description):
    """The phrases of "Conversations about a, b, c." (the offline namer's description)."""
    prefix = "Conversations about "
    if not description.startswith(prefix):
        return []
    listed = description[len(prefix):].split(".", 1)[0]
    return [k.strip() for k in listed.split(",") if k.strip()]


def measure(method, args, records, truth):
    with tempfile.TemporaryDirectory() as tmp:
        labels_path, assignments_path = os.path.join(tmp, "labels.jsonl"), os.path.join(tmp, "assignments.jsonl")
        command = [os.path.join(args.bin, "clio-label"), "--grouping", method, "--assignments", assignments_path, "-q"]
        if args.raw_vectors:
            command.append("--raw-vectors")
        if args.top:
            command += ["--top", str(args.top)]
        if args.seed is not None:
            command += ["--seed", str(args.seed)]
        with open(args.clustered, "rb") as stdin, open(labels_path, "wb") as stdout:
            subprocess.run(command, stdin=stdin, stdout=stdout, check=True)
        clusters = read_jsonl(labels_path)
        assignments = read_jsonl(assignments_path)
    top = {key(a["id"]): a["path"][0] for a in assignments}
    roots = [c for c in clusters if c.get("parent") is None]
    row = collections.OrderedDict(method=method, top=len(roots))
    ids = [key(r["id"]) for r in records]
    groups = [top[i] for i in ids]
    row["largest"] = max(collections.Counter(groups).values()) / len(groups)
    if truth:
        categories = [truth[i]["category"] for i in ids]
        p, rows = purity(groups, categories)
        row["purity"], row["lowest"] = p, min(r[2] for r in rows)
        row["largest_purity"] = rows[0][2]
        row["nmi"] = normalized_mutual_info(categories, groups)
    x = np.array([vector(r["embedding"]) for r in records], dtype=np.float32)
    if not args.raw_vectors:
        # The silhouette in the space the top level was grouped in.
        x = centre_by_language(x, [primary_language(r) for r in records])
    scores = silhouette(x, groups)
    row["silhouette"] = float(scores.mean())
    # The least coherent top-level cluster (lowest mean silhouette): the "everything else" one.
    per = collections.defaultdict(list)
    for g, v in zip(groups, scores):
        per[g].append(v)
    sizes = collections.Counter(groups)
    loosest = min(per, key=lambda g: (np.mean(per[g]), g))
    row["loosest_share"] = sizes[loosest] / len(groups)
    row["loosest_rank"] = sorted(sizes.values(), reverse=True).index(sizes[loosest]) + 1
    lists = [keywords(c.get("description", "")) for c in roots]
    firsts = collections.Counter(l[0] for l in lists if l)
    row["shared_top"] = sum(n for n in firsts.values() if n > 1)
    listed = collections.Counter(k for l in lists for k in set(l))
    row["most_shared"] = max(listed.values()) if listed else 0
    row["names"] = [(c["name"], c["size"]) for c in sorted(roots, key=lambda c: -c["size"])]
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clustered", required=True, help="clio-cluster output (with embeddings)")
    parser.add_argument("--truth", help="truth.jsonl of scripts/make-eval-data.py")
    parser.add_argument("--bin", default=os.environ.get("CLIO_BIN_DIR", ".build/release"))
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--top", type=int, help="clio-label --top (default: its own)")
    parser.add_argument("--seed", type=int, help="clio-label --seed (default: its own)")
    parser.add_argument("--raw-vectors", action="store_true", help="clio-label --raw-vectors (no centring by language)")
    parser.add_argument("--names", action="store_true", help="also print each method's top level")
    args = parser.parse_args()
    records = read_jsonl(args.clustered)
    truth = {key(t["id"]): t for t in read_jsonl(args.truth)} if args.truth else None
    rows = [measure(m, args, records, truth) for m in args.methods.split(",")]
    head = ["method", "top-level clusters", "largest share"]
    if truth:
        head += ["purity (weighted)", "lowest purity", "purity of the largest", "NMI vs categories"]
    head += ["silhouette (cosine)", "least coherent cluster: share (size rank)", "clusters sharing their top keyword",
             "most clusters listing one keyword"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        cells = [r["method"], str(r["top"]), f"{r['largest']:.1%}"]
        if truth:
            cells += [f"{r['purity']:.1%}", f"{r['lowest']:.1%}", f"{r['largest_purity']:.1%}", f"{r['nmi']:.3f}"]
        cells += [f"{r['silhouette']:.3f}", f"{r['loosest_share']:.1%} ({r['loosest_rank']})", str(r["shared_top"]),
                  str(r["most_shared"])]
        print("| " + " | ".join(cells) + " |")
    if truth:
        # What no method can pass: the base clusters' purity, and the best grouping into as many parts.
        ids = [key(r["id"]) for r in records]
        bases, categories = [r["cluster"] for r in records], [truth[i]["category"] for i in ids]
        parts = max(r["top"] for r in rows)
        bound, exact = grouping_bound(bases, categories, parts)
        print(f"\nbase clusters {purity(bases, categories)[0]:.1%} pure; the best grouping of them into {parts} "
              f"can reach {bound:.1%}{'' if exact else ' (swap search: at least)'}")
    print(f"\n{len(records)} conversations; load average {open('/proc/loadavg').read().split()[0:3]}")
    if args.names:
        for r in rows:
            print(f"\n{r['method']}:")
            for name, size in r["names"]:
                print(f"  {size:6}  {name}")


if __name__ == "__main__":
    main()
