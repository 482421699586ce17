#!/usr/bin/env python3
"""The sentence-transformers side of scripts/bench-embed.sh: embeds the texts of a JSONL file
({"text": ...} per line) with all-MiniLM-L6-v2 on the CPU with 2 threads and prints timings as
JSON. Model load is timed separately from encoding; imports are not timed."""
import json
import sys
import time

import torch
from sentence_transformers import SentenceTransformer


def main():
    path, model_path = sys.argv[1], sys.argv[2]
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    torch.set_num_threads(threads)
    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8") if line.strip()]
    t0 = time.perf_counter()
    c0 = time.process_time()
    model = SentenceTransformer(model_path, device="cpu")
    t1 = time.perf_counter()
    c1 = time.process_time()
    model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
    t2 = time.perf_counter()
    c2 = time.process_time()
    print(json.dumps({"texts": len(texts), "load_s": t1 - t0, "encode_s": t2 - t1,
                      "load_cpu_s": c1 - c0, "encode_cpu_s": c2 - c1}))


if __name__ == "__main__":
    main()
