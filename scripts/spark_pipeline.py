#!/usr/bin/env python3
"""The clio pipeline on Apache Spark: every per-record stage on the executors, the fit and the labels on the driver.

  1. conversations (JSONL, any Spark path: file://, s3a://, hdfs://, gs://, a glob or a folder)
     are piped through clio-summarize and clio-embed on the executors, one process per
     partition and stage; the embedded records are kept (on the executors' disks) for two more passes;
  2. the driver counts them and picks the fit sample: the --fit-sample positions with the
     smallest seeded keys, exactly as `clio-cluster --fit-sample` picks them in one process
     (keys computed on the executors, the few chosen collected), then fits k-means on it with
     clio-cluster, which writes the centres;
  3. the executors assign every record to its nearest centre (`clio-cluster --assign`);
  4. the clustered records stream to clio-label on the driver (one partition at a time, so the
     driver never holds them), which writes the clusters and the per-conversation assignments;
     clio-tree renders the HTML report.

The tools are shipped to the executors with the job (SparkContext.addFile), so nothing has to be
installed on the workers: build them self-contained with
`swift build -c release --static-swift-stdlib` (scripts/spark-demo.sh does). With the same
sample size and seed the outputs are byte-identical to the one-process pipeline

    clio-summarize | clio-embed | clio-cluster --fit-sample N --seed S | clio-label | clio-tree

Writes to --out (on the driver): centres.jsonl, clusters.jsonl, assignments.jsonl, report.html,
tree.txt; with --clustered PATH also the clustered records (a Spark path, part files in order).
API keys for --model stages are named with --secret-env and travel inside the job, never on a
command line or in the Spark configuration (docs/scale.md).

Usage:
  .venv-spark/bin/python scripts/spark_pipeline.py INPUT --out DIR [--master local[2]]
      [--partitions 8] [--bin DIR] [--fit-sample 200000] [--seed 0] [--embed-args "--model hash"]
      [--cluster-args ""] [--label-args ""] [--secret-env OPENAI_API_KEY] [--model-dir DIR]
"""

import argparse
import heapq
import os
import shlex
import subprocess
import sys
import threading
import time

STAGE_TOOLS = ("clio-summarize", "clio-embed", "clio-cluster")

# The fit sample's keys: SplitMix64 over record positions, as clio-cluster's SampleKey
# (Sources/ClioCluster/Reservoir.swift). Change both or neither.
MASK = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15
SALT = 0x636C696F2D73616D


def _mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133011EB) & MASK
    return z ^ (z >> 31)


def sample_base(seed):
    """The start of the key stream for a seed."""
    return _mix(((seed ^ SALT) + GAMMA) & MASK)


def sample_key(base, position):
    """The key of the record at `position` (0-based, in input order)."""
    return _mix((base + (position + 1) * GAMMA) & MASK)


def sample_positions(n, size, seed):
    """The positions clio-cluster --fit-sample SIZE --seed SEED keeps out of n records, sorted
    (in one process; the Spark driver computes the same with takeOrdered on the executors)."""
    base = sample_base(seed)
    return sorted(heapq.nsmallest(size, range(n), key=lambda i: sample_key(base, i)))


def tool_command(name, args, bin_dir):
    return [os.path.join(bin_dir, name), "--quiet"] + shlex.split(args)


def pipe_stage(rdd, name, args, ship, bin_dir, env, job_file=None):
    """Pipes every partition through one clio tool (one process per partition), in order.

    The executable comes from the job's files when shipped (SparkFiles), else from bin_dir on
    the worker. `job_file` is (option, name): the option is given the local path of that job
    file. A tool that exits non-zero fails the task, so Spark retries it and a failing stage
    fails the job instead of losing records.
    """
    def run(records):
        from pyspark import SparkFiles
        executable = SparkFiles.get(name) if ship else os.path.join(bin_dir, name)
        if not os.access(executable, os.X_OK):
            os.chmod(executable, 0o755)
        argv = [executable, "--quiet"] + shlex.split(args)
        if job_file:
            argv += [job_file[0], SparkFiles.get(job_file[1])]
        child_env = dict(os.environ, **env)
        if "CLIO_MODEL_DIR" in env and ship:
            child_env["CLIO_MODEL_DIR"] = SparkFiles.get(os.path.basename(env["CLIO_MODEL_DIR"]))
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=child_env)
        failure = []

        def feed():
            try:
                for line in records:
                    proc.stdin.write(line.encode("utf-8") + b"\n")
            except BrokenPipeError:
                pass  # the tool stopped early; its exit status says why
            except BaseException as e:  # an upstream failure must fail this task too
                failure.append(e)
            finally:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        for line in proc.stdout:
            yield line.rstrip(b"\n").decode("utf-8")
        feeder.join()
        status = proc.wait()
        if failure:
            raise failure[0]
        if status != 0:
            raise RuntimeError(f"{name} exited with status {status} (its message is in this executor's stderr)")

    return rdd.mapPartitions(run)


def run_local(argv, stdin=None, stdout=None):
    """Runs a tool on the driver; a failure stops the pipeline with the tool's status."""
    done = subprocess.run(argv, stdin=stdin, stdout=stdout)
    if done.returncode != 0:
        sys.exit(f"spark_pipeline: {os.path.basename(argv[0])} failed (status {done.returncode})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="conversations: any path Spark reads (file://, s3a://, hdfs://, gs://, globs)")
    ap.add_argument("--out", required=True, help="folder on the driver for centres, clusters, assignments and report")
    ap.add_argument("--clustered", help="also save the clustered records here (any Spark path)")
    ap.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[*])")
    ap.add_argument("--driver-memory", default=None,
                    help="the driver JVM's heap when not run by spark-submit (in local mode it is the executors' too)")
    ap.add_argument("--partitions", type=int, default=8,
                    help="at least this many input partitions (default 8); the driver holds about two partitions of "
                         "clustered records at a time, so aim for about 10,000 records each")
    ap.add_argument("--bin", default=os.environ.get("CLIO_BIN_DIR"), help="folder of the clio executables")
    ap.add_argument("--no-ship", action="store_true",
                    help="do not ship the tools; they must be installed at --bin on every worker")
    ap.add_argument("--fit-sample", type=int, default=200_000, help="records k-means is fitted on (default 200000)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the sample and of k-means (default 0)")
    ap.add_argument("--summarize-args", default="")
    ap.add_argument("--embed-args", default="--model hash")
    ap.add_argument("--cluster-args", default="", help="fit options for clio-cluster (-k, --cosine, ...)")
    ap.add_argument("--label-args", default="")
    ap.add_argument("--tree-args", default="")
    ap.add_argument("--secret-env", action="append", default=[], metavar="NAME",
                    help="pass this environment variable (an API key) to the tools on the executors and the driver")
    ap.add_argument("--model-dir", help="ship this MiniLM folder to the executors (CLIO_MODEL_DIR there)")
    cfg = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    bin_dir = os.path.abspath(cfg.bin or os.path.join(root, ".build/release"))
    ship = not cfg.no_ship
    os.makedirs(cfg.out, exist_ok=True)
    out = {name: os.path.join(os.path.abspath(cfg.out), name) for name in
           ("sample.jsonl", "centres.jsonl", "clusters.jsonl", "assignments.jsonl", "report.html", "tree.txt")}
    env = {}
    for name in cfg.secret_env:
        if name not in os.environ:
            sys.exit(f"spark_pipeline: --secret-env {name}: the variable is not set")
        # Taken out of this process's environment, so the JVM started below (and, in local
        # mode, its Python workers) never has it: the tools get it from the task alone.
        env[name] = os.environ.pop(name)
    if cfg.model_dir:
        env["CLIO_MODEL_DIR"] = os.path.abspath(cfg.model_dir)
    cosine = "--cosine" in shlex.split(cfg.cluster_args)

    from pyspark import StorageLevel
    from pyspark.sql import SparkSession  # imported late so --help works without pyspark

    builder = SparkSession.builder.appName("clio")
    if cfg.master:
        builder = builder.master(cfg.master)
    if cfg.driver_memory:
        builder = builder.config("spark.driver.memory", cfg.driver_memory)
    spark = (builder.config("spark.ui.showConsoleProgress", "false")
             # Redact API keys too, should one reach the configuration another way.
             .config("spark.redaction.regex", "(?i)secret|password|token|access[.]?key|api[_.]?key")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    if ship:
        for name in STAGE_TOOLS:
            sc.addFile(os.path.join(bin_dir, name))
        if cfg.model_dir:
            sc.addFile(os.path.abspath(cfg.model_dir), recursive=True)
    stage = lambda rdd, name, args, job_file=None: pipe_stage(rdd, name, args, ship, bin_dir, env, job_file)
    timings = {}
    start = time.monotonic()

    # 1. Summaries and embeddings, kept for the sample and the assignment passes.
    conversations = sc.textFile(cfg.input, minPartitions=cfg.partitions)
    embedded = stage(stage(conversations, "clio-summarize", cfg.summarize_args), "clio-embed", cfg.embed_args)
    # On disk: the records are pickled bytes either way, and held in the JVM heap they compete
    # with the task results (in local mode the driver's heap is the executors').
    embedded.persist(StorageLevel.DISK_ONLY)
    counts = embedded.mapPartitions(lambda records: [sum(1 for _ in records)]).collect()
    n = sum(counts)
    timings["summarize+embed"] = time.monotonic() - start
    if n == 0:
        sys.exit("spark_pipeline: no records after clio-embed; nothing to cluster")

    # 2. The fit sample: the positions with the smallest keys, then those records in input order.
    t = time.monotonic()
    base = sample_base(cfg.seed)
    chosen = sc.range(n, numSlices=max(1, len(counts))).map(lambda i: (sample_key(base, i), i)).takeOrdered(cfg.fit_sample)
    wanted = sc.broadcast(frozenset(i for _, i in chosen))
    starts = [sum(counts[:p]) for p in range(len(counts))]
    picked = embedded.mapPartitionsWithIndex(
        lambda p, records: (r for j, r in enumerate(records) if starts[p] + j in wanted.value))
    with open(out["sample.jsonl"], "w", encoding="utf-8") as f:
        for record in picked.toLocalIterator(prefetchPartitions=True):
            f.write(record + "\n")
    fit = tool_command("clio-cluster", cfg.cluster_args, bin_dir) + [
        "--population", str(n), "--seed", str(cfg.seed), "--centroids", out["centres.jsonl"], out["sample.jsonl"]]
    with open(os.devnull, "wb") as devnull:
        run_local(fit, stdout=devnull)
    timings["sample+fit"] = time.monotonic() - t

    # 3. Every record to its nearest centre, on the executors, all partitions at once.
    t = time.monotonic()
    sc.addFile(out["centres.jsonl"])
    assign = "--cosine" if cosine else ""
    if ship:
        clustered = stage(embedded, "clio-cluster", assign, job_file=("--assign", "centres.jsonl"))
    else:
        clustered = stage(embedded, "clio-cluster", f"{assign} --assign {shlex.quote(out['centres.jsonl'])}")
    # Kept, so that the one-partition-at-a-time stream to clio-label below reads finished
    # partitions instead of computing each in turn.
    clustered.persist(StorageLevel.DISK_ONLY)
    if cfg.clustered:
        clustered.saveAsTextFile(cfg.clustered)
    else:
        clustered.count()
    embedded.unpersist()
    timings["assign"] = time.monotonic() - t

    # 4. Labels on the driver, the records streamed one partition at a time.
    t = time.monotonic()
    with open(out["clusters.jsonl"], "wb") as clusters:
        label = subprocess.Popen(tool_command("clio-label", cfg.label_args, bin_dir) + ["--assignments", out["assignments.jsonl"]],
                                 stdin=subprocess.PIPE, stdout=clusters, env=dict(os.environ, **env))
        try:
            for record in clustered.toLocalIterator(prefetchPartitions=True):
                label.stdin.write(record.encode("utf-8") + b"\n")
        except BrokenPipeError:
            pass  # clio-label stopped; its status says why
        label.stdin.close()
        if label.wait() != 0:
            sys.exit(f"spark_pipeline: clio-label failed (status {label.returncode})")
    timings["label"] = time.monotonic() - t
    partitions = len(counts)
    spark.stop()

    tree = tool_command("clio-tree", cfg.tree_args, bin_dir)
    with open(out["clusters.jsonl"], "rb") as clusters, open(out["report.html"], "wb") as html:
        run_local(tree + ["--format", "html"], stdin=clusters, stdout=html)
    with open(out["clusters.jsonl"], "rb") as clusters, open(out["tree.txt"], "wb") as text:
        run_local(tree + ["--color", "never"], stdin=clusters, stdout=text)
    print(f"spark_pipeline: {n} records in {partitions} partitions, sample {len(chosen)}; "
          + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items())
          + f", total {time.monotonic() - start:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
