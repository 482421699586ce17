#!/usr/bin/env python3
"""Runs the offline pipeline at several sizes and prints wall time and peak RSS per stage.

Generates N synthetic conversations (a fast seeded generator over a few dozen topics), then runs
clio-summarize → clio-embed → clio-cluster → clio-label → clio-tree one stage at a time, file to
file, measuring each stage's wall time, CPU time (user + system; the fairer number on a shared
machine) and its own peak resident set (wait4's ru_maxrss). At the
end it prints a table per size and, for each stage, the ratio of the largest size's time and
memory to the smallest's (10× the input should take about 10× the time; a streaming stage's memory
should stay flat).

Usage: scripts/bench-scale.py [--sizes 10000,100000] [--embed hash|minilm] [--bin DIR] [--out DIR]
"""

import argparse
import json
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


def count_lines(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000", help="conversation counts (default 10000,100000)")
    ap.add_argument("--embed", default="hash", help="hash or minilm (default hash)")
    ap.add_argument("--embed-args", default="", help="extra clio-embed options")
    ap.add_argument("--cluster-args", default="", help="extra clio-cluster options (default: the tool's defaults)")
    ap.add_argument("--label-args", default="", help="extra clio-label options")
    ap.add_argument("--stages", default="summarize,embed,cluster,label,tree")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bin", default=os.environ.get("CLIO_BIN_DIR"))
    ap.add_argument("--out", default=None, help="work folder (default: bench-out/scale)")
    ap.add_argument("--json", default=None, help="also write the measurements to this file")
    ap.add_argument("--generate-to", default=None, help="only write the first size's conversations to this file")
    cfg = ap.parse_args()
    if cfg.generate_to:
        generate(cfg.generate_to, int(cfg.sizes.split(",")[0]), cfg.seed)
        return 0
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    bin_dir = cfg.bin or os.path.join(root, ".build/release")
    out = cfg.out or os.path.join(root, "bench-out/scale")
    os.makedirs(out, exist_ok=True)
    sizes = [int(s) for s in cfg.sizes.split(",")]
    wanted = cfg.stages.split(",")
    embed_args = ["--model", cfg.embed] + (["--no-cache"] if cfg.embed != "hash" else []) + cfg.embed_args.split()
    results = {}
    for n in sizes:
        d = os.path.join(out, str(n))
        os.makedirs(d, exist_ok=True)
        conv = os.path.join(d, "conversations.jsonl")
        start = time.monotonic()
        generate(conv, n, cfg.seed)
        print(f"== {n} conversations generated in {time.monotonic() - start:.1f} s "
              f"({os.path.getsize(conv) / 1e6:.0f} MB)", file=sys.stderr)
        stages = [
            ("summarize", ["clio-summarize", "--quiet"], conv, "summaries.jsonl"),
            ("embed", ["clio-embed", "--quiet"] + embed_args, "summaries.jsonl", "embedded.jsonl"),
            ("cluster", ["clio-cluster", "--quiet"] + cfg.cluster_args.split(), "embedded.jsonl", "clustered.jsonl"),
            ("label", ["clio-label", "--quiet"] + cfg.label_args.split(), "clustered.jsonl", "clusters.jsonl"),
            ("tree", ["clio-tree", "--color", "never", "--width", "100"], "clusters.jsonl", "tree.txt"),
        ]
        results[n] = {}
        for name, argv, src, dst in stages:
            if name not in wanted:
                continue
            src_path = src if os.path.isabs(src) else os.path.join(d, src)
            argv = [os.path.join(bin_dir, argv[0])] + argv[1:]
            seconds, cpu, rss, rc = run_stage(argv, src_path, os.path.join(d, dst))
            lines = count_lines(os.path.join(d, dst))
            results[n][name] = {"seconds": seconds, "cpu_seconds": cpu, "rss_mb": rss, "exit": rc, "lines_out": lines,
                                "input_mb": os.path.getsize(src_path) / 1e6}
            print(f"   {name:<10} {seconds:8.1f} s wall {cpu:8.1f} s CPU {rss:8.0f} MB  exit {rc}  {lines} lines out", file=sys.stderr)
            if rc != 0:
                break
    print()
    print(f"embedder: {cfg.embed}; cluster options: {cfg.cluster_args or '(defaults)'}")
    print(f"{'stage':<10}" + "".join(f"{str(n) + ' wall s':>14}{'CPU s':>9}{'RSS MB':>8}" for n in sizes)
          + (f"{'wall ratio':>11}{'CPU ratio':>10}{'RSS ratio':>10}" if len(sizes) > 1 else ""))
    for name in [s for s in ["summarize", "embed", "cluster", "label", "tree"] if s in wanted]:
        row = f"{name:<10}"
        for n in sizes:
            r = results[n].get(name)
            row += f"{r['seconds']:14.1f}{r['cpu_seconds']:9.1f}{r['rss_mb']:8.0f}" if r else f"{'-':>14}{'-':>9}{'-':>8}"
        a, b = results[sizes[0]].get(name), results[sizes[-1]].get(name)
        if len(sizes) > 1 and a and b:
            row += (f"{b['seconds'] / max(a['seconds'], 1e-3):11.1f}{b['cpu_seconds'] / max(a['cpu_seconds'], 1e-3):10.1f}"
                    f"{b['rss_mb'] / max(a['rss_mb'], 1):10.1f}")
        print(row)
    if cfg.json:
        with open(cfg.json, "w") as f:
            json.dump({"embed": cfg.embed, "cluster_args": cfg.cluster_args, "results": results}, f, indent=1)
    return 0 if all(r["exit"] == 0 for by in results.values() for r in by.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
