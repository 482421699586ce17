#!/usr/bin/env python3
"""Kills the cache-backed stages with SIGKILL at random moments, reruns them, and checks the result.

For each stage (clio-embed with MiniLM and a cache; clio-summarize with the LLM path against a
local fake OpenAI-compatible server, when that path is built):

  1. an uninterrupted run with a fresh cache gives the reference output;
  2. with a second fresh cache, --kills runs are started and killed with SIGKILL after a random
     delay; the complete lines each killed run wrote must be the reference's first lines (no
     garbage, no reordering), and every cache entry must be whole (magic and length);
  3. a last run to completion must write exactly the reference output (no duplicate or missing
     record), take from the cache every entry the killed runs left, and compute only the rest.

Usage: scripts/crash-resume.py [--stage embed|summarize|all] [--records N] [--kills K] [--seed S] [--bin DIR]
Exit status 0 when every check passed, 1 when one failed, 2 when a stage could not be run.
"""

import argparse
import hashlib
import http.server
import json
import os
import random
import re
import shutil
import signal
import socketserver
import subprocess
import sys
import tempfile
import threading
import time

MAGIC = b"CLIO1\n"
WORDS = ("python list reverse error debug recipe bread travel visa essay poem rust lifetime sql join index tax "
         "form cover letter resume pasta garden soil spanish verb guitar chord budget cat dog train station "
         "mortgage rate vaccine history rome empire sonnet haiku kubernetes pod deploy yaml regex email").split()


def summaries(n, rng):
    """Summary records with mostly distinct requests and a few repeats (a repeat is one cache entry)."""
    out = []
    for i in range(n):
        j = i if rng.random() > 0.05 or i == 0 else rng.randrange(i)
        r = random.Random(j)
        text = "The user's overall request for the assistant is to " + " ".join(r.choice(WORDS) for _ in range(r.randint(5, 25))) + "."
        out.append({"id": f"c-{i}", "facets": {"request": text, "language": "English", "concerning": 1, "turns": 1}})
    return out


def conversations(n, rng):
    out = []
    for i in range(n):
        r = random.Random(i)
        q = "How do I " + " ".join(r.choice(WORDS) for _ in range(r.randint(4, 14))) + "?"
        out.append({"id": f"c-{i}", "messages": [{"role": "user", "content": q}, {"role": "assistant", "content": "Like this."}]})
    return out


def cache_entries(directory):
    """(whole entries, damaged entries, leftover temporary files) in a ContentCache folder."""
    whole, damaged, temps = 0, [], 0
    for root, _, files in os.walk(directory):
        for name in files:
            path = os.path.join(root, name)
            if name.startswith(".tmp-"):
                temps += 1
                continue
            with open(path, "rb") as f:
                data = f.read()
            ok = data.startswith(MAGIC) and len(data) >= len(MAGIC) + 8 and \
                int.from_bytes(data[len(MAGIC):len(MAGIC) + 8], "little") == len(data) - len(MAGIC) - 8
            if ok:
                whole += 1
            else:
                damaged.append(path)
    return whole, damaged, temps


class FakeOpenAI(http.server.BaseHTTPRequestHandler):
    """Answers /v1/chat/completions with valid facet JSON after a delay; the answer depends on the prompt only."""
    delay = 0.05
    calls = 0
    lock = threading.Lock()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with FakeOpenAI.lock:
            FakeOpenAI.calls += 1
        time.sleep(self.delay)
        digest = hashlib.sha256(body).hexdigest()[:8]
        facets = {"request": f"The user's overall request for the assistant is to do task {digest}.",
                  "task": f"The task is to do task {digest}.", "language": "English", "concerning": 1}
        answer = {"id": "x", "object": "chat.completion", "model": "fake",
                  "choices": [{"index": 0, "finish_reason": "stop",
                               "message": {"role": "assistant", "content": json.dumps(facets)}}],
                  "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}}
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        try:
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client was killed while we answered: that is the point of the exercise

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def run(cmd, stdin_path, stdout_path, env):
    with open(stdin_path, "rb") as fin, open(stdout_path, "wb") as fout:
        return subprocess.run(cmd, stdin=fin, stdout=fout, stderr=subprocess.PIPE, env=env)


def crash_resume(name, cmd_for_cache, input_path, workdir, kills, rng, env, count_calls=None):
    """Runs the three phases for one stage; returns a list of problems (empty when it passed)."""
    problems = []
    ref_cache = os.path.join(workdir, f"{name}-ref-cache")
    ref_out = os.path.join(workdir, f"{name}-ref.jsonl")
    start = time.monotonic()
    done = run(cmd_for_cache(ref_cache), input_path, ref_out, env)
    full_seconds = time.monotonic() - start
    if done.returncode != 0:
        return [f"reference run failed ({done.returncode}): {done.stderr.decode()[-300:]}"]
    reference = open(ref_out, "rb").read().split(b"\n")[:-1]
    total_entries = cache_entries(ref_cache)[0]
    print(f"{name}: reference run {len(reference)} records, {total_entries} cache entries, {full_seconds:.1f} s")

    cache = os.path.join(workdir, f"{name}-cache")
    killed_at = []
    for k in range(kills):
        out = os.path.join(workdir, f"{name}-killed-{k}.jsonl")
        delay = rng.uniform(0.1, max(0.2, full_seconds * 0.8 / max(1, kills - k)))
        with open(input_path, "rb") as fin, open(out, "wb") as fout:
            proc = subprocess.Popen(cmd_for_cache(cache), stdin=fin, stdout=fout, stderr=subprocess.DEVNULL, env=env)
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        lines = open(out, "rb").read().split(b"\n")
        complete = lines[:-1]
        if complete != reference[:len(complete)]:
            problems.append(f"killed run {k}: its complete lines are not the reference's first {len(complete)}")
        whole, damaged, temps = cache_entries(cache)
        if damaged:
            problems.append(f"killed run {k}: damaged cache entries: {damaged[:3]}")
        killed_at.append((delay, proc.returncode, len(complete), whole, temps))
        print(f"{name}: kill {k + 1} after {delay:.2f} s (status {proc.returncode}): {len(complete)} lines written, "
              f"{whole} cache entries, {temps} temporary files left")
    before, _, _ = cache_entries(cache)
    calls_before = count_calls() if count_calls else None
    final_out = os.path.join(workdir, f"{name}-final.jsonl")
    done = run(cmd_for_cache(cache), input_path, final_out, env)
    if done.returncode != 0:
        return problems + [f"final run failed ({done.returncode}): {done.stderr.decode()[-300:]}"]
    final = open(final_out, "rb").read().split(b"\n")[:-1]
    if final != reference:
        ids = [json.loads(l).get("id") for l in final]
        problems.append(f"final output differs from the reference ({len(final)} vs {len(reference)} lines, "
                        f"{len(ids) - len(set(ids))} duplicate ids)")
    after, damaged, _ = cache_entries(cache)
    if damaged:
        problems.append(f"damaged cache entries after the final run: {damaged[:3]}")
    if after != total_entries:
        problems.append(f"cache holds {after} entries after the final run, the reference run made {total_entries}")
    stderr = done.stderr.decode()
    m = re.search(r"\((\d+) from cache\)", stderr) or re.search(r"(\d+) (?:cached|from cache|cache hits?)", stderr)
    redone = after - before
    summary = f"{name}: final run took {before} entries from the cache and computed {redone}"
    if m:
        hits = int(m.group(1))
        summary += f"; the tool reports {hits} records from cache"
        # Repeated texts are hits too, so hits can exceed the entries the killed runs left.
        if hits < before:
            problems.append(f"final run reports {hits} cache hits but {before} entries were cached")
    if count_calls:
        calls = count_calls() - calls_before
        summary += f"; {calls} requests reached the server"
        if calls != redone:
            problems.append(f"final run sent {calls} requests for {redone} missing entries")
    print(summary)
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stage", choices=["embed", "summarize", "all"], default="all")
    ap.add_argument("--records", type=int, default=3000)
    ap.add_argument("--kills", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bin", default=os.environ.get("CLIO_BIN_DIR"))
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    cfg = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    cfg.bin = cfg.bin or os.path.join(root, ".build/release")
    rng = random.Random(cfg.seed)
    workdir = tempfile.mkdtemp(prefix="clio-crash-")
    env = dict(os.environ)
    failed = unavailable = False

    if cfg.stage in ("embed", "all"):
        path = os.path.join(workdir, "summaries.jsonl")
        with open(path, "w") as f:
            for r in summaries(cfg.records, rng):
                f.write(json.dumps(r) + "\n")
        embed = os.path.join(cfg.bin, "clio-embed")
        status = subprocess.run([embed, "--model", "minilm", "--no-cache"], input=b"", capture_output=True)
        if status.returncode != 0:
            print(f"embed: MiniLM is not available: {status.stderr.decode().strip()[-200:]}")
            unavailable = True
        else:
            problems = crash_resume("embed", lambda c: [embed, "--model", "minilm", "--cache", c, "--batch", "16"],
                                    path, workdir, cfg.kills, rng, env)
            for p in problems:
                print(f"FAIL embed: {p}")
            failed |= bool(problems)

    if cfg.stage in ("summarize", "all"):
        summarize = os.path.join(cfg.bin, "clio-summarize")
        server = Server(("127.0.0.1", 0), FakeOpenAI)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/v1"
        path = os.path.join(workdir, "conversations.jsonl")
        n = max(50, cfg.records // 10)
        with open(path, "w") as f:
            for r in conversations(n, rng):
                f.write(json.dumps(r) + "\n")
        base = [summarize, "--model", "openai:fake", "--base-url", url, "-j", "4"]
        env_llm = dict(env, OPENAI_API_KEY="none")
        probe = subprocess.run(base + ["--no-cache"], input=b"", capture_output=True, env=env_llm)
        if probe.returncode != 0:
            print(f"summarize: the LLM path is not available: {probe.stderr.decode().strip()[-200:]}")
            unavailable = True
        else:
            problems = crash_resume("summarize", lambda c: base + ["--cache", c], path, workdir, cfg.kills, rng,
                                    env_llm, count_calls=lambda: FakeOpenAI.calls)
            for p in problems:
                print(f"FAIL summarize: {p}")
            failed |= bool(problems)
        server.shutdown()

    if not cfg.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    else:
        print(f"work folder: {workdir}")
    print("crash-resume: " + ("FAILED" if failed else "some stages could not run" if unavailable else "passed"))
    return 1 if failed else 2 if unavailable else 0


if __name__ == "__main__":
    sys.exit(main())
