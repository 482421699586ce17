#!/usr/bin/env python3
"""Runs the offline pipeline at several sizes and prints wall time and peak RSS per stage.

Generates N synthetic conversations (a fast seeded generator over a few dozen topics), then runs
clio-summarize → clio-embed → clio-cluster → clio-label → clio-tree one stage at a time, file to
file, measuring each stage's wall time, CPU time (user + system; the fairer number on a shared
machine) and its own peak resident set (wait4's ru_maxrss). At the
end it prints a table per size and, for each stage, the ratio of the largest size's time and
memory to the smallest's (10× the input should take about 10× the time; a streaming stage's memory
should stay flat).

With --fit-sample N the cluster stage is `clio-cluster --fit-sample N --centroids centres.jsonl`,
and an extra stage, assign, runs `clio-cluster --assign centres.jsonl` over the same records: the
map stage a cluster would run on its executors, whose memory must stay flat (checked: at most
1.3× from the smallest size to the largest). clio-label's memory is checked the same way when
both sizes have the same k (it keeps a reservoir of records per cluster, not every record). --project 10000000,100000000 then works out, from
the largest size's figures, what those sizes take on a cluster (docs/scale.md).

--k-growth measures what the number of clusters costs (the fit and the assignment at several n
and k) and prints the table behind clio-cluster's default k (docs/cluster.md).

Usage: scripts/bench-scale.py [--sizes 10000,100000] [--embed hash|minilm] [--bin DIR] [--out DIR]
       scripts/bench-scale.py --sizes 100000,1000000 --fit-sample 200000 --project 10000000,100000000
       scripts/bench-scale.py --k-growth [--sizes 25000,50000,100000]
"""

import argparse
import json
import math
import os
import random
import subprocess
import sys
import time

TOPICS = [
    ("reverse a list in python", "python"), ("fix a null pointer exception in java", "java"),
    ("write a cover letter for a nursing job", "career"), ("plan a week in japan on a budget", "travel"),
    ("bake sourdough bread at home", "cooking"), ("explain the causes of world war one", "history"),
    ("write a haiku about autumn rain", "poetry"), ("understand rust lifetimes and borrowing", "rust"),
    ("optimise a slow sql join", "sql"), ("fill in a tax return as a freelancer", "tax"),
    ("learn spanish irregular verbs", "spanish"), ("grow tomatoes on a balcony", "garden"),
    ("choose a first guitar and learn chords", "music"), ("set up a kubernetes deployment", "devops"),
    ("train for a first marathon", "fitness"), ("negotiate a salary offer", "career"),
    ("debug a react useEffect loop", "javascript"), ("understand mortgage interest rates", "finance"),
    ("write a bedtime story about a dragon", "stories"), ("prepare for a job interview at a bank", "career"),
    ("calculate compound interest in excel", "excel"), ("care for a new puppy", "pets"),
    ("summarise a paper on climate models", "science"), ("translate a letter into french", "french"),
    ("regex to validate email addresses", "regex"), ("meal plan for a vegetarian diet", "cooking"),
    ("learn the basics of linear algebra", "math"), ("fix a leaking kitchen tap", "home"),
    ("write a wedding toast for my brother", "speech"), ("configure nginx as a reverse proxy", "devops"),
]
FILLERS = ["please", "quickly", "step by step", "for a beginner", "with examples", "in detail", "briefly",
           "for my class", "for work", "as simply as possible", "with code", "and explain why"]
LANGUAGES = [("How do I", "English")] * 9 + [("¿Cómo puedo", "Spanish"), ("Wie kann ich", "German")]


def generate(path, n, seed):
    """Writes n conversations; about 1 µs of Python per field, so 100k take a few seconds."""
    rng = random.Random(seed)
    with open(path, "w") as f:
        for i in range(n):
            topic, _ = TOPICS[rng.randrange(len(TOPICS))]
            opener, _ = rng.choice(LANGUAGES)
            extra = " ".join(rng.sample(FILLERS, rng.randint(0, 3)))
            question = f"{opener} {topic} {extra}? My name is user{rng.randrange(5000)} and I need this by {rng.randint(1, 28)} March."
            turns = [{"role": "user", "content": question}, {"role": "assistant", "content": f"Here is how to {topic}: first, ..."}]
            if rng.random() < 0.3:
                turns += [{"role": "user", "content": f"Thanks, can you also {rng.choice(TOPICS)[0]}?"},
                          {"role": "assistant", "content": "Sure."}]
            record = {"id": f"c-{i}", "user": f"u-{rng.randrange(max(1, n // 4))}",
                      "created_at": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T12:00:00Z", "messages": turns}
            f.write(json.dumps(record, separators=(",", ":")) + "\n")


def run_stage(argv, stdin_path, stdout_path):
    """(wall seconds, CPU seconds, peak RSS in MiB, exit status) of one stage run, stdin and stdout as files."""
    with open(stdin_path, "rb") as fin, open(stdout_path, "wb") as fout:
        start = time.monotonic()
        proc = subprocess.Popen(argv, stdin=fin, stdout=fout, stderr=subprocess.PIPE)
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
    if proc.returncode != 0:
        sys.stderr.write(f"bench-scale: {os.path.basename(argv[0])} failed ({proc.returncode}): {err.decode()[-500:]}\n")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode


def measure(name, argv, src_path, dst_path, bin_dir):
    """Runs one stage (argv[0] a clio tool) file to file and returns its figures."""
    seconds, cpu, rss, rc = run_stage([os.path.join(bin_dir, argv[0])] + argv[1:], src_path, dst_path)
    lines = count_lines(dst_path)
    print(f"   {name:<10} {seconds:8.1f} s wall {cpu:8.1f} s CPU {rss:8.0f} MB  exit {rc}  {lines} lines out", file=sys.stderr)
    return {"seconds": seconds, "cpu_seconds": cpu, "rss_mb": rss, "exit": rc, "lines_out": lines,
            "input_mb": os.path.getsize(src_path) / 1e6}


def count_lines(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


# The paper's cost of the whole pipeline with Claude, per 100,000 conversations (Clio, table 1).
PAPER_COST_PER_100K = 48.81
# Model calls of clio-label per base cluster with --model: a name, the parent question at the
# first level, and a share of the proposals, renames and higher levels (docs/label.md).
LABEL_CALLS_PER_CLUSTER = 2.3


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000", help="conversation counts (default 10000,100000)")
    ap.add_argument("--embed", default="hash", help="hash or minilm (default hash)")
    ap.add_argument("--embed-args", default="", help="extra clio-embed options")
    ap.add_argument("--cluster-args", default="", help="extra clio-cluster options (default: the tool's defaults)")
    ap.add_argument("--label-args", default="", help="extra clio-label options")
    ap.add_argument("--stages", default="summarize,embed,cluster,assign,label,tree")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bin", default=os.environ.get("CLIO_BIN_DIR"))
    ap.add_argument("--out", default=None, help="work folder (default: bench-out/scale)")
    ap.add_argument("--json", default=None, help="also write the measurements to this file")
    ap.add_argument("--generate-to", default=None, help="only write the first size's conversations to this file")
    ap.add_argument("--fit-sample", type=int, default=None,
                    help="cluster with --fit-sample N and measure the --assign map stage on its own")
    ap.add_argument("--project", default=None, help="conversation counts to project to from the largest size")
    ap.add_argument("--executor-cores", type=int, default=4, help="cores per executor in the projection (default 4)")
    ap.add_argument("--k-growth", action="store_true", help="measure what k costs; print the default-k table")
    ap.add_argument("--reuse", default=None,
                    help="an earlier --json file: the stages not in --stages are taken from it (their outputs must be in --out)")
    cfg = ap.parse_args()
    if cfg.generate_to:
        generate(cfg.generate_to, int(cfg.sizes.split(",")[0]), cfg.seed)
        return 0
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    bin_dir = cfg.bin or os.path.join(root, ".build/release")
    out = os.path.abspath(cfg.out or os.path.join(root, "bench-out/scale"))
    os.makedirs(out, exist_ok=True)
    sizes = [int(s) for s in cfg.sizes.split(",")]
    wanted = cfg.stages.split(",")
    embed_args = ["--model", cfg.embed] + (["--no-cache"] if cfg.embed != "hash" else []) + cfg.embed_args.split()
    if cfg.k_growth:
        return k_growth(cfg, sizes, bin_dir, out, embed_args)
    results = {}
    # Measurements of an earlier run, for the stages this one does not repeat.
    earlier = {}
    if cfg.reuse:
        with open(cfg.reuse) as f:
            earlier = {int(n): by for n, by in json.load(f)["results"].items()}
        print(f"stages other than {cfg.stages} as measured in {cfg.reuse}", file=sys.stderr)
    for n in sizes:
        d = os.path.join(out, str(n))
        os.makedirs(d, exist_ok=True)
        conv = os.path.join(d, "conversations.jsonl")
        start = time.monotonic()
        generate(conv, n, cfg.seed)
        print(f"== {n} conversations generated in {time.monotonic() - start:.1f} s "
              f"({os.path.getsize(conv) / 1e6:.0f} MB)", file=sys.stderr)
        cluster_args = cfg.cluster_args.split()
        if cfg.fit_sample:
            cluster_args += ["--fit-sample", str(cfg.fit_sample), "--centroids", os.path.join(d, "centres.jsonl")]
        stages = [
            ("summarize", ["clio-summarize", "--quiet"], conv, "summaries.jsonl"),
            ("embed", ["clio-embed", "--quiet"] + embed_args, "summaries.jsonl", "embedded.jsonl"),
            ("cluster", ["clio-cluster", "--quiet"] + cluster_args, "embedded.jsonl", "clustered.jsonl"),
            ("assign", ["clio-cluster", "--quiet", "--assign", os.path.join(d, "centres.jsonl")], "embedded.jsonl",
             "assigned.jsonl"),
            ("label", ["clio-label", "--quiet"] + cfg.label_args.split(), "clustered.jsonl", "clusters.jsonl"),
            ("tree", ["clio-tree", "--color", "never", "--width", "100"], "clusters.jsonl", "tree.txt"),
        ]
        if not cfg.fit_sample:
            stages = [st for st in stages if st[0] != "assign"]
        results[n] = {}
        for name, argv, src, dst in stages:
            if name not in wanted:
                if name in earlier.get(n, {}):
                    results[n][name] = earlier[n][name]
                continue
            results[n][name] = measure(name, argv, os.path.join(d, src), os.path.join(d, dst), bin_dir)
            if results[n][name]["exit"] != 0:
                break
        if "cluster" in results[n]:
            results[n]["cluster"]["k"] = count_lines(os.path.join(d, "centres.jsonl")) if cfg.fit_sample else None
    print()
    print(f"load average at the end: {load_average()}")
    print(f"embedder: {cfg.embed}; cluster options: {cfg.cluster_args or '(defaults)'}")
    print(f"{'stage':<10}" + "".join(f"{str(n) + ' wall s':>14}{'CPU s':>9}{'RSS MB':>8}" for n in sizes)
          + (f"{'wall ratio':>11}{'CPU ratio':>10}{'RSS ratio':>10}" if len(sizes) > 1 else ""))
    for name in [s for s in ["summarize", "embed", "cluster", "assign", "label", "tree"]
                 if s in wanted and (s != "assign" or cfg.fit_sample)]:
        row = f"{name:<10}"
        for n in sizes:
            r = results[n].get(name)
            row += f"{r['seconds']:14.1f}{r['cpu_seconds']:9.1f}{r['rss_mb']:8.0f}" if r else f"{'-':>14}{'-':>9}{'-':>8}"
        a, b = results[sizes[0]].get(name), results[sizes[-1]].get(name)
        if len(sizes) > 1 and a and b:
            row += (f"{b['seconds'] / max(a['seconds'], 1e-3):11.1f}{b['cpu_seconds'] / max(a['cpu_seconds'], 1e-3):10.1f}"
                    f"{b['rss_mb'] / max(a['rss_mb'], 1):10.1f}")
        print(row)
    ok = all(r["exit"] == 0 for by in results.values() for r in by.values())
    a, b = results[sizes[0]].get("assign"), results[sizes[-1]].get("assign")
    if a and b and len(sizes) > 1:
        ratio = b["rss_mb"] / max(a["rss_mb"], 1)
        print(f"clio-cluster --assign peak RSS {a['rss_mb']:.0f} MB at {sizes[0]}, {b['rss_mb']:.0f} MB at {sizes[-1]}: "
              f"{ratio:.2f}x ({'flat: within 1.3x' if ratio <= 1.3 else 'NOT FLAT: over 1.3x'})")
        ok = ok and ratio <= 1.3
    # clio-label keeps 100,000 records in all by default (--keep), shared by the base clusters (10
    # to 100 each), and counts: its memory is flat in n once k is fixed (a fit sample of the same
    # size gives the same k) and the clusters are larger than their share.
    a, b = results[sizes[0]].get("label"), results[sizes[-1]].get("label")
    if a and b and len(sizes) > 1:
        ratio = b["rss_mb"] / max(a["rss_mb"], 1)
        ka, kb = results[sizes[0]].get("cluster", {}).get("k"), results[sizes[-1]].get("cluster", {}).get("k")
        line = f"clio-label peak RSS {a['rss_mb']:.0f} MB at {sizes[0]}, {b['rss_mb']:.0f} MB at {sizes[-1]}: {ratio:.2f}x"
        if ka is not None and ka == kb:
            print(f"{line} with k = {ka} at both ({'flat: within 1.3x' if ratio <= 1.3 else 'NOT FLAT: over 1.3x'})")
            ok = ok and ratio <= 1.3
        else:
            print(f"{line} (not checked: k is {ka} and {kb}; memory grows with k x the reservoir, not with n)")
    if cfg.project:
        project(results[sizes[-1]], sizes[-1], [int(x) for x in cfg.project.split(",")], cfg)
    if cfg.json:
        with open(cfg.json, "w") as f:
            json.dump({"embed": cfg.embed, "cluster_args": cfg.cluster_args, "fit_sample": cfg.fit_sample,
                       "load_average": load_average(), "results": results}, f, indent=1)
    return 0 if ok else 1


def project(measured, n0, targets, cfg):
    """What `targets` conversations take, from the per-record figures measured at n0: the map
    stages (summarize, embed, assign) spread over executors, the fit and the labels on the driver."""
    per = {name: measured[name]["cpu_seconds"] / n0 for name in ("summarize", "embed", "assign") if name in measured}
    k0 = measured.get("cluster", {}).get("k")
    fit = measured.get("cluster", {}).get("cpu_seconds", 0) - measured.get("assign", {}).get("cpu_seconds", 0)
    # clio-label holds at most k x reservoir records (fewer where clusters are smaller): its memory
    # per record held, scaled to what the target's k holds.
    args = cfg.label_args.split()
    keep = int(args[args.index("--keep") + 1]) if "--keep" in args else 100_000

    def reservoir(k):
        """Records kept per cluster: --reservoir N, else the shared default (LabelCommand.reservoirPolicy)."""
        if "--reservoir" in args:
            return int(args[args.index("--reservoir") + 1])
        return min(100, max(10, keep // max(k, 1)))

    held0 = min(n0, (k0 or 0) * reservoir(k0 or 1)) or n0
    label_per_record_mb = measured["label"]["rss_mb"] / held0 if "label" in measured else None
    print()
    print(f"projection from {n0} conversations (hashed embedder; fit sample {cfg.fit_sample}, k {k0}); "
          f"executors of {cfg.executor_cores} cores")
    print(f"{'conversations':>14}{'k':>8}{'map CPU h':>11}{'x100 exec h':>12}{'fit CPU h':>10}"
          f"{'label GB':>9}{'model calls':>13}{'cost $':>10}")
    for n in targets:
        k = default_k(n)
        sample = 20 * k
        # The assignment costs n·k distance rows; the fit m·k·ln k (k-means++ dominates), both scaled
        # from the measured run.
        assign = per.get("assign", 0) * n * (k / k0 if k0 else 1)
        map_cpu = (per.get("summarize", 0) + per.get("embed", 0)) * n + assign
        fit_cpu = fit * (sample * k * math.log(k)) / (min(cfg.fit_sample, n0) * k0 * math.log(k0)) if k0 and fit > 0 else float("nan")
        label_gb = label_per_record_mb * min(n, k * reservoir(k)) / 1024 if label_per_record_mb else float("nan")
        calls = n + LABEL_CALLS_PER_CLUSTER * k
        cost = PAPER_COST_PER_100K * n / 100_000
        print(f"{n:>14}{k:>8}{map_cpu / 3600:>11.1f}{map_cpu / 3600 / (100 * cfg.executor_cores):>12.2f}"
              f"{fit_cpu / 3600:>10.2f}{label_gb:>9.1f}{calls:>13.0f}{cost:>10.0f}")
    print("map CPU h: summarize + embed (hashed) + assign, all CPU hours; x100 exec h: hours on 100 executors;"
          " fit: the driver's k-means on a sample of 20 per cluster; label GB: clio-label's memory at most (it holds"
          " 100,000 records in all by default, 10 to 100 per cluster, or --reservoir per cluster); model calls: one summary per conversation plus ~2.3 per cluster for names and the"
          " hierarchy; cost at the paper's $48.81 per 100,000 conversations")


def k_growth(cfg, sizes, bin_dir, out, embed_args):
    """Measures the fit at k = n/20 for each size and the assignment at the largest, then
    prints, per rule for k, what 1, 10 and 100 million conversations would cost."""
    fits = []
    for n in sizes:
        d = os.path.join(out, str(n))
        os.makedirs(d, exist_ok=True)
        embedded = os.path.join(d, "embedded.jsonl")
        if not os.path.exists(embedded) or count_lines(embedded) != n:
            conv = os.path.join(d, "conversations.jsonl")
            generate(conv, n, cfg.seed)
            measure("summarize", ["clio-summarize", "--quiet"], conv, os.path.join(d, "summaries.jsonl"), bin_dir)
            measure("embed", ["clio-embed", "--quiet"] + embed_args, os.path.join(d, "summaries.jsonl"), embedded, bin_dir)
        k = default_k(n)
        centres = os.path.join(d, "centres.jsonl")
        fit = measure(f"fit k={k}", ["clio-cluster", "--quiet", "-k", str(k), "--centroids", centres],
                      embedded, os.devnull, bin_dir)
        assign = measure(f"assign k={k}", ["clio-cluster", "--quiet", "--assign", centres], embedded, os.devnull, bin_dir)
        fits.append((n, k, fit, assign))
    print()
    print(f"load average at the end: {load_average()}")
    print(f"{'n':>9}{'k':>7}{'fit CPU s':>11}{'fit RSS MB':>11}{'per n·k·ln k (ns)':>19}{'assign CPU s':>13}{'per n·k (ns)':>13}")
    for n, k, fit, assign in fits:
        print(f"{n:>9}{k:>7}{fit['cpu_seconds']:>11.1f}{fit['rss_mb']:>11.0f}"
              f"{fit['cpu_seconds'] / (n * k * math.log(k)) * 1e9:>19.2f}{assign['cpu_seconds']:>13.1f}"
              f"{assign['cpu_seconds'] / (n * k) * 1e9:>13.2f}")
    # The largest run's constants carry the projection: the fit's cost grows as m·k·ln k (k-means++
    # seeding, k steps of 2 + ln k candidates over the m points fitted), the assignment's as n·k.
    n0, k0, fit0, assign0 = fits[-1]
    c_fit = fit0["cpu_seconds"] / (n0 * k0 * math.log(k0))
    c_assign = assign0["cpu_seconds"] / (n0 * k0)
    rules = [("n/20 (before)", lambda n: -(-n // 20)), ("n/100 past 100k", lambda n: -(-n // 20) if n <= 100_000 else 5000 + (n - 100_000) // 100),
             ("5000·√(n/100k) (default)", default_k), ("5000 fixed past 100k", lambda n: min(-(-n // 20), 5000))]
    print()
    print(f"projection (fit on a sample of 20 records per cluster, at most n; CPU hours; sample memory at 384 dimensions)")
    print(f"{'rule':<26}{'n':>12}{'k':>9}{'per cluster':>12}{'fit CPU h':>11}{'sample GB':>10}{'assign CPU h':>13}{'label calls':>12}")
    for name, rule in rules:
        for n in (1_000_000, 10_000_000, 100_000_000):
            k = rule(n)
            m = min(n, 20 * k)
            print(f"{name:<26}{n:>12}{k:>9}{n / k:>12.0f}{c_fit * m * k * math.log(k) / 3600:>11.1f}"
                  f"{m * 384 * 4 / 2**30:>10.1f}{c_assign * n * k / 3600:>13.1f}{LABEL_CALLS_PER_CLUSTER * k:>12.0f}")
    return 0


def default_k(n):
    """clio-cluster's default k (ClusterCommand.defaultK)."""
    return -(-n // 20) if n <= 100_000 else math.ceil(5000 * math.sqrt(n / 100_000))


if __name__ == "__main__":
    sys.exit(main())
