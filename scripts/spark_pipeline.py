#!/usr/bin/env python3
"""The clio pipeline on Apache Spark: the streaming stages per partition, the global ones once.

Reads conversations (JSONL) into an RDD, pipes every partition through clio-summarize and then
clio-embed (`rdd.pipe`, one process per partition and stage), collects the embedded records in
order and feeds them to clio-cluster | clio-label | clio-tree on the driver. The streaming stages
are record-by-record, so partitioning does not change a record; Spark keeps the partitions in file
order, so the collected stream is the single-process stream.

Usage:
  .venv-spark/bin/python scripts/spark_pipeline.py conversations.jsonl --out DIR \\
      [--master local[2]] [--partitions 8] [--bin DIR] [--embed-args "--model hash"] \\
      [--cluster-args "-k 50"] [--label-args ""] [--tree-args "--depth 2"]

Writes DIR/summaries.jsonl, embedded.jsonl, clustered.jsonl, clusters.jsonl and tree.txt.
On a cluster, the clio executables must be installed at the same path on every worker (--bin);
the input path must be readable by every worker (HDFS, S3 or a shared file system).
"""

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input")
    ap.add_argument("--out", required=True)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--bin", default=os.environ.get("CLIO_BIN_DIR"))
    ap.add_argument("--summarize-args", default="")
    ap.add_argument("--embed-args", default="--model hash")
    ap.add_argument("--cluster-args", default="")
    ap.add_argument("--label-args", default="")
    ap.add_argument("--tree-args", default="--color never")
    cfg = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    bin_dir = os.path.abspath(cfg.bin or os.path.join(root, ".build/release"))
    tool = lambda name, extra: " ".join([shlex.quote(os.path.join(bin_dir, name)), "--quiet"] + shlex.split(extra))
    os.makedirs(cfg.out, exist_ok=True)

    from pyspark.sql import SparkSession  # imported late so --help works without pyspark

    spark = (SparkSession.builder.master(cfg.master).appName("clio")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").config("spark.driver.memory", "2g").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    start = time.monotonic()
    conversations = sc.textFile(os.path.abspath(cfg.input), minPartitions=cfg.partitions)
    # checkCode: a stage that exits non-zero fails the task (and the job) instead of losing records.
    summaries = conversations.pipe(tool("clio-summarize", cfg.summarize_args), checkCode=True)
    summaries.cache()
    embedded = summaries.pipe(tool("clio-embed", cfg.embed_args), checkCode=True)

    paths = {name: os.path.join(cfg.out, name) for name in
             ("summaries.jsonl", "embedded.jsonl", "clustered.jsonl", "clusters.jsonl", "tree.txt")}
    # saveAsTextFile runs every partition at once (toLocalIterator would run them one by one);
    # the part files are then joined in partition order, which is the input's order.
    for rdd, name in ((summaries, "summaries.jsonl"), (embedded, "embedded.jsonl")):
        parts = paths[name] + ".parts"
        shutil.rmtree(parts, ignore_errors=True)
        rdd.saveAsTextFile("file://" + os.path.abspath(parts))
        with open(paths[name], "wb") as f:
            for part in sorted(p for p in os.listdir(parts) if p.startswith("part-")):
                with open(os.path.join(parts, part), "rb") as g:
                    shutil.copyfileobj(g, f)
        shutil.rmtree(parts)
    partitions = conversations.getNumPartitions()
    spark.stop()
    streaming = time.monotonic() - start

    # The global stages see the whole collection once, on the driver.
    script = (f"{tool('clio-cluster', cfg.cluster_args)} {shlex.quote(paths['embedded.jsonl'])} > {shlex.quote(paths['clustered.jsonl'])}"
              f" && {tool('clio-label', cfg.label_args)} {shlex.quote(paths['clustered.jsonl'])} > {shlex.quote(paths['clusters.jsonl'])}"
              f" && {tool('clio-tree', cfg.tree_args)} {shlex.quote(paths['clusters.jsonl'])} > {shlex.quote(paths['tree.txt'])}")
    done = subprocess.run(["bash", "-o", "pipefail", "-c", script])
    print(f"spark_pipeline: {partitions} partitions; summarize+embed on Spark {streaming:.1f} s, "
          f"cluster+label+tree {time.monotonic() - start - streaming:.1f} s", file=sys.stderr)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
