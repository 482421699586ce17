#!/usr/bin/env python3
"""The measuring half of scripts/bench-embed.sh: clio-embed against sentence-transformers on the
same texts, in one run, with what each side ran on and whether the machine was quiet.

    bench-embed.py compare --clio BIN --texts FILE --model-path DIR [--threads 2] [--rounds 1] [--peak BIN]
    bench-embed.py peer TEXTS MODEL_PATH THREADS      (the sentence-transformers side; prints JSON)

Run it with the virtualenv's python (it imports torch only in `peer`, in a child process, so
imports are never timed). Each side's model load is excluded: clio's by a one-record run that is
subtracted, sentence-transformers' by timing `encode` alone.

Busy machine. Wall-clock ratios are only meaningful on an idle machine, so the ratio line is
marked BUSY (and the exit status is 3) when either
  - the 1-minute load average before the first timed run exceeds --max-load (default 0.6: an
    idle 2-core machine sits near 0.0-0.3; 0.5 + 0.1 margin allows a stray short job), after
    waiting up to --quiet-wait seconds (default 120) for it to drop, e.g. after the build; or
  - other processes (and the hypervisor's steal time) used more than --max-other (default 5%) of
    the machine's CPU capacity during a timed run, computed exactly as the CPU time all cores
    spent busy (/proc/stat) minus the CPU time of the measured process.
The load average after the runs is printed too; it includes the benchmark's own two threads.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

# Multiply-adds per token of all-MiniLM-L6-v2: 6 layers of Q, K, V, output (384x384 each) and the
# two feed-forward matrices (384x1536); attention adds 2 x len x 384 per token and layer.
LAYERS, HIDDEN, INTERMEDIATE = 6, 384, 1536


def model_flops(lengths):
    linear = sum(lengths) * LAYERS * (4 * HIDDEN * HIDDEN + 2 * HIDDEN * INTERMEDIATE) * 2
    attention = sum(n * n for n in lengths) * LAYERS * 2 * HIDDEN * 2
    return linear + attention


def loadavg():
    with open("/proc/loadavg") as f:
        return [float(x) for x in f.read().split()[:3]]


def busy_seconds():
    """CPU seconds all cores have spent not idle (user, nice, system, irq, softirq, steal)."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    user, nice, system, idle, iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def timed(cmd, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (wall s, cpu s, peak RSS KiB, other processes' cpu s, stdout bytes).
    Its standard error (progress bars, deprecation notes) is shown only if it fails."""
    with tempfile.TemporaryFile() as err:
        b0, t0 = busy_seconds(), time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=stdout, stderr=err)
        out = proc.stdout.read() if stdout == subprocess.PIPE else b""
        _, status, usage = os.wait4(proc.pid, 0)
        wall, busy = time.perf_counter() - t0, busy_seconds() - b0
        if status != 0:
            err.seek(0)
            sys.stderr.write(err.read().decode(errors="replace"))
            sys.exit(f"bench-embed: error: {' '.join(cmd)} exited with status {os.waitstatus_to_exitcode(status)}")
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss, max(0.0, busy - cpu), out


def wait_for_quiet(limit, seconds):
    waited = 0
    while loadavg()[0] > limit and waited < seconds:
        time.sleep(5)
        waited += 5
    return waited


def compare(args):
    cores = os.cpu_count() or 1
    model = "unknown CPU"
    flags = set()
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name") and model == "unknown CPU":
                model = line.split(":", 1)[1].strip()
            if line.startswith("flags") and not flags:
                flags = set(line.split(":", 1)[1].split())
    isa = "avx512f" if "avx512f" in flags else "avx2" if "avx2" in flags else "no avx2"
    status = subprocess.run([args.clio, "--model-status"], capture_output=True, text=True).stdout.strip()
    kernels = next((line.split(":", 1)[1].strip() for line in status.splitlines() if line.startswith("kernels:")), "?")

    one = os.path.join(os.path.dirname(args.texts), "one.jsonl")
    with open(args.texts, encoding="utf-8") as f, open(one, "w", encoding="utf-8") as o:
        o.write(f.readline())
    clio = [args.clio, "--no-cache", "--quiet", "--field", "text"]
    peer = [sys.executable, os.path.abspath(__file__), "peer", args.texts, args.model_path, str(args.threads)]

    peak = {}
    if args.peak:
        peak = json.loads(subprocess.run([args.peak], capture_output=True, text=True, check=True).stdout)
    waited = wait_for_quiet(args.max_load, args.quiet_wait)
    before = loadavg()
    runs = {"clio": [], "peer": []}
    for _ in range(args.rounds):
        load_wall, load_cpu, _, load_other, _ = timed(clio + [one])
        wall, cpu, rss, other, _ = timed(clio + [args.texts])
        runs["clio"].append(dict(wall=max(wall - load_wall, 1e-9), cpu=max(cpu - load_cpu, 1e-9), rss=rss,
                                 other=other + load_other, run_wall=wall + load_wall, load_wall=load_wall))
        wall, cpu, _, other, out = timed(peer, stdout=subprocess.PIPE)
        p = json.loads(out)
        runs["peer"].append(dict(wall=p["encode_s"], cpu=p["encode_cpu_s"], other=other, run_wall=wall,
                                 load_wall=p["load_s"], info=p))
    after = loadavg()
    c = min(runs["clio"], key=lambda r: r["wall"])
    p = min(runs["peer"], key=lambda r: r["wall"])
    info = p["info"]
    flops = model_flops(info["lengths"])

    print(f"machine: {model}, {cores} cores ({isa}); load average {' '.join(f'{x:.2f}' for x in before)} before the runs"
          f"{f' (after waiting {waited} s)' if waited else ''}, {' '.join(f'{x:.2f}' for x in after)} after")
    print(f"texts: {info['texts']}, {sum(info['lengths'])} tokens after truncation to {info['max_seq_length']}, "
          f"{flops / 1e9:.0f} GFLOP per pass over them; best of {args.rounds} round{'s' if args.rounds > 1 else ''}")
    print(f"clio-embed: kernels {kernels}")
    print(f"sentence-transformers {info['st_version']}, torch {info['torch_version']} on the CPU, "
          f"{info['threads']} threads ({info['interop_threads']} inter-op), capability {info['capability']}, "
          f"batch {info['batch']}; {info['kernels']}")
    print(f"clio-embed            {info['texts'] / c['wall']:8.1f} texts/s  ({c['wall']:.1f} s wall, {c['cpu']:.1f} s cpu, "
          f"load {c['load_wall']:.2f} s excluded, peak RSS {c['rss'] / 1024:.0f} MiB, {flops / c['wall'] / 1e9:.0f} GFLOP/s, "
          f"{flops / c['cpu'] / 1e9:.0f} per cpu-s)")
    print(f"sentence-transformers {info['texts'] / p['wall']:8.1f} texts/s  ({p['wall']:.1f} s wall, {p['cpu']:.1f} s cpu, "
          f"load {p['load_wall']:.2f} s excluded, {flops / p['wall'] / 1e9:.0f} GFLOP/s, {flops / p['cpu'] / 1e9:.0f} per cpu-s)")

    if peak:
        best = peak["avx512"] if "avx512" in kernels else peak["avx2"]
        print(f"one core's peak (scripts/fma-peak.c): {peak['avx512']:.0f} GFLOP/s with AVX-512, {peak['avx2']:.0f} with "
              f"AVX2; per cpu-s clio-embed reaches {100 * flops / c['cpu'] / 1e9 / best:.0f}% of its kernels' peak, "
              f"sentence-transformers {100 * flops / p['cpu'] / 1e9 / max(peak.values()):.0f}% of the AVX-512 peak")
    busy = []
    if before[0] > args.max_load:
        busy.append(f"1-minute load {before[0]:.2f} before the runs > {args.max_load}")
    for name, r in (("clio-embed", c), ("sentence-transformers", p)):
        share = r["other"] / (cores * r["run_wall"])
        print(f"other processes during {name}: {r['other']:.1f} cpu-s ({100 * share:.1f}% of {cores} cores)")
        if share > args.max_other:
            busy.append(f"other processes took {100 * share:.0f}% of the CPU during {name} > {100 * args.max_other:.0f}%")
    ratio = f"ratio (clio / sentence-transformers): {p['wall'] / c['wall']:.2f}x wall, {p['cpu'] / c['cpu']:.2f}x cpu"
    if busy:
        print(f"{ratio}  [BUSY: {'; '.join(busy)}: not a valid comparison]")
        return 3
    print(ratio)
    return 0


def peer(texts_path, model_path, threads):
    import sentence_transformers
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(threads)
    texts = [json.loads(line)["text"] for line in open(texts_path, encoding="utf-8") if line.strip()]
    t0, c0 = time.perf_counter(), time.process_time()
    model = SentenceTransformer(model_path, device="cpu")
    t1, c1 = time.perf_counter(), time.process_time()
    model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
    t2, c2 = time.perf_counter(), time.process_time()
    lengths = [int(n) for n in model.tokenize(texts)["attention_mask"].sum(dim=1)]
    config = torch.__config__.show()
    mkl = re.search(r"Math Kernel Library Version ([^\n]*?)(?: for|\n)", config)
    dnnl = re.search(r"MKL-DNN (v[\d.]+)", config)
    kernels = ", ".join(filter(None, [
        f"linear layers by MKL {mkl.group(1)}" if mkl and torch.backends.mkl.is_available() else "no MKL",
        f"oneDNN {dnnl.group(1)}" if dnnl and torch.backends.mkldnn.is_available() else None]))
    print(json.dumps({
        "texts": len(texts), "lengths": lengths, "max_seq_length": model.max_seq_length,
        "load_s": t1 - t0, "encode_s": t2 - t1, "load_cpu_s": c1 - c0, "encode_cpu_s": c2 - c1,
        "torch_version": torch.__version__, "st_version": sentence_transformers.__version__,
        "threads": torch.get_num_threads(), "interop_threads": torch.get_num_interop_threads(),
        "capability": torch.backends.cpu.get_cpu_capability(), "kernels": kernels, "batch": 32}))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "peer":
        peer(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["compare"])
    parser.add_argument("--clio", required=True, help="the clio-embed executable")
    parser.add_argument("--texts", required=True, help='JSONL with {"text": ...} per line')
    parser.add_argument("--model-path", required=True, help="all-MiniLM-L6-v2 for sentence-transformers")
    parser.add_argument("--threads", type=int, default=2, help="torch threads (default 2)")
    parser.add_argument("--rounds", type=int, default=1, help="run both sides this many times, keep the fastest")
    parser.add_argument("--max-load", type=float, default=0.6, help="1-minute load above which the machine is busy")
    parser.add_argument("--max-other", type=float, default=0.05, help="share of CPU others may use during a run")
    parser.add_argument("--quiet-wait", type=int, default=120, help="seconds to wait for the load to drop first")
    parser.add_argument("--peak", help="the built scripts/fma-peak.c, to compare with one core's peak")
    return compare(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
