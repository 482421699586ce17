#!/usr/bin/env python3
"""Throughput, cache and kill-midway check of clio-summarize's LLM path.

A local OpenAI-compatible server answers every chat completion after a fixed delay with valid
facet JSON. clio-summarize summarizes N conversations at -j J; the wall time is compared with
the ideal N * delay / J. A second run on the same cache must make zero calls. Then a run is
killed with SIGKILL after a few seconds and rerun; its output must equal the uninterrupted one.

usage: scripts/bench-llm.py --binary .build/release/clio-summarize [-n 1000] [-j 50] [--delay 0.2]
"""
import argparse
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Counter:
    def __init__(self):
        self.lock = threading.Lock()
        self.calls = 0

    def add(self):
        with self.lock:
            self.calls += 1

    def take(self):
        with self.lock:
            n, self.calls = self.calls, 0
            return n


def make_handler(delay, counter):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body leave in separate writes; with Nagle on, the client's delayed ACK
        # would add ~40 ms to every answer and measure TCP, not clio.
        disable_nagle_algorithm = True

        def log_message(self, *args):
            pass

        def handle(self):
            try:
                super().handle()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the killed run's connections

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length))
            counter.add()
            time.sleep(delay)
            prompt = body["messages"][-1]["content"]
            topic = hashlib.sha256(prompt.encode()).hexdigest()[:8]
            answer = {
                "request": f"The user's overall request for the assistant is to discuss topic {topic}.",
                "task": f"The task is to discuss topic {topic}.",
                "language": "English",
                "concerning": 1 + int(topic, 16) % 2,
            }
            reply = json.dumps({
                "id": "bench", "object": "chat.completion",
                "choices": [{"index": 0, "message": {"role": "assistant", "content": json.dumps(answer)}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 100, "completion_tokens": 40, "total_tokens": 140},
            }).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

    return Handler


def write_input(path, n):
    with open(path, "w") as f:
        for i in range(n):
            record = {
                "id": f"b{i:05d}",
                "messages": [
                    {"role": "user", "content": f"Question number {i}: how do I sort {i} items in Python?"},
                    {"role": "assistant", "content": "Use sorted() or list.sort()."},
                ],
            }
            f.write(json.dumps(record) + "\n")


def python_peer(base, n, j):
    """The same load from a plain Python client (j threads, keep-alive): what this machine and
    server allow, to read clio's ratio against."""
    import http.client
    from urllib.parse import urlparse
    url = urlparse(base)
    lock = threading.Lock()
    items = iter(range(n))

    def worker():
        conn = http.client.HTTPConnection(url.hostname, url.port)
        while True:
            with lock:
                i = next(items, None)
            if i is None:
                return
            body = json.dumps({"model": "peer", "messages": [{"role": "user", "content": f"peer question {i}"}]})
            conn.request("POST", url.path + "/chat/completions", body, {"Content-Type": "application/json"})
            conn.getresponse().read()

    start = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(j)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.monotonic() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("-j", type=int, default=50)
    parser.add_argument("--delay", type=float, default=0.2)
    parser.add_argument("--kill-after", type=float, default=2.0)
    args = parser.parse_args()

    counter = Counter()
    ThreadingHTTPServer.request_queue_size = 256
    ThreadingHTTPServer.daemon_threads = True
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(args.delay, counter))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/v1"

    work = tempfile.mkdtemp(prefix="clio-bench-llm-")
    input_path = os.path.join(work, "input.jsonl")
    write_input(input_path, args.n)
    env = dict(os.environ)
    for key in ("OPENAI_API_KEY", "CLIO_MODEL", "CLIO_BASE_URL"):
        env.pop(key, None)

    def command(cache):
        return [args.binary, "--model", "openai:bench", "--base-url", base, "-j", str(args.j), "--cache", cache, "-q", input_path]

    def run(cache, out):
        start = time.monotonic()
        with open(out, "wb") as f:
            proc = subprocess.run(command(cache), stdout=f, stderr=subprocess.PIPE, env=env)
        elapsed = time.monotonic() - start
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr.decode())
            sys.exit(f"clio-summarize exited {proc.returncode}")
        return elapsed

    failures = 0
    cache = os.path.join(work, "cache")
    ideal = args.n * args.delay / args.j
    first = run(cache, os.path.join(work, "out1.jsonl"))
    calls1 = counter.take()
    lines = sum(1 for _ in open(os.path.join(work, "out1.jsonl")))
    ratio = first / ideal
    print(f"uncached: {args.n} conversations, -j {args.j}, {args.delay * 1000:.0f} ms per call: "
          f"{first:.2f} s, ideal {ideal:.2f} s, ratio {ratio:.2f} (target <= 1.2); {calls1} calls, {lines} records")
    peer = python_peer(base, args.n, args.j)
    counter.take()
    print(f"python peer client, same load: {peer:.2f} s, ratio {peer / ideal:.2f}; clio / peer {first / peer:.2f}")
    if lines != args.n or calls1 != args.n:
        print("FAIL: expected one record and one call per conversation")
        failures += 1

    second = run(cache, os.path.join(work, "out2.jsonl"))
    calls2 = counter.take()
    same = open(os.path.join(work, "out1.jsonl"), "rb").read() == open(os.path.join(work, "out2.jsonl"), "rb").read()
    print(f"cached rerun: {second:.2f} s, {calls2} calls, output {'identical' if same else 'DIFFERENT'}")
    if calls2 != 0 or not same:
        failures += 1

    killed_cache = os.path.join(work, "cache-killed")
    with open(os.path.join(work, "out-killed.jsonl"), "wb") as f:
        proc = subprocess.Popen(command(killed_cache), stdout=f, stderr=subprocess.DEVNULL, env=env)
        time.sleep(args.kill_after)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    calls_before = counter.take()
    rerun = run(killed_cache, os.path.join(work, "out3.jsonl"))
    calls_after = counter.take()
    same = open(os.path.join(work, "out1.jsonl"), "rb").read() == open(os.path.join(work, "out3.jsonl"), "rb").read()
    print(f"killed after {args.kill_after:.1f} s ({calls_before} calls made); rerun made {calls_after} calls in {rerun:.2f} s; "
          f"output {'identical to' if same else 'DIFFERENT from'} the uninterrupted run")
    if not same or calls_after >= args.n:
        failures += 1

    server.shutdown()
    shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
