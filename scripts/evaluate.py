#!/usr/bin/env python3
"""Scores a clio run against the ground truth written by scripts/make-eval-data.py (stdlib only).

Measures
  structure  adjusted Rand index and normalised mutual information (arithmetic mean) of the base
             clusters against the true subtopics; top-level accuracy with the top level fixed to the
             true categories (each base cluster's centroid goes to the nearest category vector by
             cosine; the share of conversations that land in their true category); purity of the
             unsupervised top level (majority-category share) from clio-label's assignments.
  privacy    share of summaries (all facet text) and of cluster names/descriptions that still
             contain a planted detail, per kind, exactly or in part (case-insensitive; a surname
             alone, a phone or account number's digits with other separators, an email's local part,
             an address's street and number).
  cost       wall time per stage and the calls/tokens a stage reports on its last stderr lines.

Prints one markdown table. --check exits 1 when a threshold fails (2 on bad input).
--sabotage shuffle-clusters gives every conversation a random base cluster, to show --check fails.
--self-test checks the metric code against hand-computed cases.
"""

import argparse
import base64
import collections
import itertools
import json
import math
import random
import re
import struct
import sys

KINDS = ["name", "email", "phone", "address", "id"]
# Details whose leak fails --check outright; names and addresses get a small tolerance
# (--max-name-leak, --max-address-leak: shares of the planted ones).
STRICT_KINDS = ["email", "phone", "id"]
PLURAL = {"name": "names", "address": "addresses"}


# ---------------------------------------------------------------- clustering metrics

def contingency(labels_a, labels_b):
    table = collections.Counter(zip(labels_a, labels_b))
    rows = collections.Counter(labels_a)
    cols = collections.Counter(labels_b)
    return table, rows, cols


def comb2(n):
    return n * (n - 1) / 2


def adjusted_rand_index(labels_true, labels_pred):
    """Hubert and Arabie's ARI from the contingency table (as scikit-learn computes it)."""
    n = len(labels_true)
    table, rows, cols = contingency(labels_true, labels_pred)
    sum_cells = sum(comb2(v) for v in table.values())
    sum_rows = sum(comb2(v) for v in rows.values())
    sum_cols = sum(comb2(v) for v in cols.values())
    expected = sum_rows * sum_cols / comb2(n) if n > 1 else 0.0
    maximum = (sum_rows + sum_cols) / 2
    if maximum == expected:  # both partitions trivial (one cluster, or all singletons)
        return 1.0
    return (sum_cells - expected) / (maximum - expected)


def entropy(counts, n):
    return -sum(c / n * math.log(c / n) for c in counts if c)


def normalized_mutual_info(labels_true, labels_pred):
    """MI / arithmetic mean of the two entropies (scikit-learn's default normalisation)."""
    n = len(labels_true)
    table, rows, cols = contingency(labels_true, labels_pred)
    h_true, h_pred = entropy(rows.values(), n), entropy(cols.values(), n)
    if h_true == 0 and h_pred == 0:
        return 1.0
    mi = sum(c / n * math.log(c * n / (rows[a] * cols[b])) for (a, b), c in table.items())
    denominator = (h_true + h_pred) / 2
    return max(0.0, min(1.0, mi / denominator)) if denominator > 0 else 0.0


def purity(groups, labels):
    """Per group the share of its majority label; returns (weighted purity, [(group, size, share)])."""
    members = collections.defaultdict(list)
    for g, l in zip(groups, labels):
        members[g].append(l)
    rows, majority_total = [], 0
    for g, ls in members.items():
        label, count = collections.Counter(ls).most_common(1)[0]
        majority_total += count
        rows.append((g, len(ls), count / len(ls), label))
    rows.sort(key=lambda r: -r[1])
    return (majority_total / len(groups) if groups else float("nan")), rows


def grouping_bound(groups, labels, parts, max_subsets=500_000):
    """The highest weighted purity any partition of `groups` into `parts` parts can have.

    A part is as pure as its majority label, and two parts with the same majority label lose
    nothing by being merged, so the best partition picks `parts` distinct labels and sends each
    group to the chosen label it holds most of: the answer is the best choice of labels, tried
    exhaustively (at most `max_subsets` choices; past that a swap search from the largest labels,
    which may fall short). Returns (purity, exact).
    """
    counts = collections.defaultdict(collections.Counter)
    for g, l in zip(groups, labels):
        counts[g][l] += 1
    names = sorted({l for l in labels}, key=str)
    if not groups:
        return float("nan"), True
    if parts >= len(names):
        return sum(max(c.values()) for c in counts.values()) / len(groups), True
    orders = [sorted(c.items(), key=lambda kv: -kv[1]) for c in counts.values()]

    def covered(chosen):
        total = 0
        for order in orders:
            for label, n in order:
                if label in chosen:
                    total += n
                    break
        return total

    if math.comb(len(names), parts) <= max_subsets:
        best = max(covered(set(choice)) for choice in itertools.combinations(names, parts))
        return best / len(groups), True
    sizes = collections.Counter(labels)
    chosen = set(sorted(names, key=lambda l: (-sizes[l], str(l)))[:parts])
    best, improved = covered(chosen), True
    while improved:
        improved = False
        for out in sorted(chosen, key=str):
            for into in names:
                if into in chosen:
                    continue
                trial = (chosen - {out}) | {into}
                value = covered(trial)
                if value > best:
                    best, chosen, improved = value, trial, True
                    break
            if improved:
                break
    return best / len(groups), False


# ---------------------------------------------------------------- vectors

def decode_vector(value):
    if isinstance(value, list):
        return [float(x) for x in value]
    if isinstance(value, str) and value.startswith("f32le:"):
        raw = base64.b64decode(value[len("f32le:"):])
        return list(struct.unpack("<%df" % (len(raw) // 4), raw))
    raise ValueError("not a vector")


def cosine(a, b):
    dot = sum(x * y for x, y in zip(a, b))
    na, nb = math.sqrt(sum(x * x for x in a)), math.sqrt(sum(y * y for y in b))
    return dot / (na * nb) if na and nb else -1.0


# ---------------------------------------------------------------- privacy matching

DIGIT_RUN = re.compile(r"[0-9](?:[0-9 \-./()+\u00a0]*[0-9])?")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def digit_runs(text):
    """Digit sequences with separators removed, so '415.555.0132' matches '(415) 555-0132'."""
    return [re.sub(r"[^0-9]", "", m.group(0)) for m in DIGIT_RUN.finditer(text)]


def word_pattern(s):
    return re.compile(r"(?<![\w.])" + re.escape(s.casefold()) + r"(?![\w])")


class Planted:
    """One planted detail with the forms that count as a leak of it."""

    def __init__(self, kind, value, core=None):
        self.kind, self.value = kind, value
        self.exact = value.casefold()
        self.partial_patterns, self.partial_digits = [], None
        if kind == "name" and not CJK.search(value):
            surname = value.split()[-1]
            self.partial_patterns.append(word_pattern(surname))
        elif kind == "email":
            self.partial_patterns.append(word_pattern(value.split("@")[0]))
        elif kind == "phone":
            d = re.sub(r"[^0-9]", "", value)
            self.partial_digits = d[-7:]  # the subscriber part, whatever the country-code form
        elif kind == "id":
            d = re.sub(r"[^0-9]", "", value)
            self.partial_digits = d if len(d) >= 6 else None
        elif kind == "address" and core:
            # The generator names the identifying parts (street and number, a full UK postcode).
            for part in core:
                self.partial_patterns.append(re.compile(re.escape(part.casefold())))
        elif kind == "address":
            head = value.split(",")[0].strip()
            if CJK.search(value):
                head = re.sub(r"^.*?[区市]", "", value)  # street and number without the city
            if head and head.casefold() != self.exact:
                self.partial_patterns.append(re.compile(re.escape(head.casefold())))

    def leak(self, folded, runs):
        """'exact', 'partial' or None for a case-folded text and its digit runs."""
        if self.exact in folded:
            return "exact"
        if any(p.search(folded) for p in self.partial_patterns):
            return "partial"
        if self.partial_digits and any(self.partial_digits in r for r in runs):
            return "partial"
        return None


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)


# ---------------------------------------------------------------- input

def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as error:
                raise SystemExit(f"evaluate.py: error: {path}:{number}: not JSON ({error.msg})")


def key(value):
    return json.dumps(value) if not isinstance(value, str) else value


COUNT = re.compile(r"([0-9][0-9,]*)\s+(?:[a-z]+\s+)?(calls?|requests?|tokens?)\b", re.I)
# ClioLLM's summary form: "12 calls, 3 cached, tokens 1,204 in / 311 out".
TOKENS_IN_OUT = re.compile(r"tokens\s+([0-9][0-9,]*)\s+in\s*/\s*([0-9][0-9,]*)\s+out", re.I)


def stderr_costs(path):
    """Calls and tokens from the last stderr lines that mention them (tools print a summary last).

    A line such as "120 calls, 45,000 input tokens, 9,000 output tokens" or "120 calls, 0 cached,
    tokens 45,000 in / 9,000 out" gives 120 calls and 54,000 tokens; only the last line mentioning
    each is read.
    """
    try:
        lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    except OSError:
        return None, None
    return costs_in(lines)


def costs_in(lines):
    calls = tokens = None
    number = lambda n: int(n.replace(",", ""))
    for line in reversed(lines[-20:]):
        found = COUNT.findall(line)
        line_calls = [number(n) for n, w in found if w.lower().startswith(("call", "request"))]
        line_tokens = [number(n) for n, w in found if w.lower().startswith("token")]
        line_tokens += [number(a) + number(b) for a, b in TOKENS_IN_OUT.findall(line)]
        if calls is None and line_calls:
            calls = line_calls[0]
        if tokens is None and line_tokens:
            tokens = sum(line_tokens)
    return calls, tokens


# ---------------------------------------------------------------- evaluation

def evaluate(args):
    truth = {key(t["id"]): t for t in read_jsonl(args.truth)}
    metrics, notes = collections.OrderedDict(), []
    subtopic = {i: t["category"] + "/" + t["subtopic"] for i, t in truth.items()}
    category = {i: t["category"] for i, t in truth.items()}

    # Base clusters per conversation: clio-cluster's `cluster`, else the assignments' base id.
    base, vectors = {}, {}
    if args.clustered:
        for r in read_jsonl(args.clustered):
            base[key(r["id"])] = r["cluster"]
            if not args.centroids and "embedding" in r:
                vectors[key(r["id"])] = decode_vector(r["embedding"])
    assignment_path = {}
    if args.assignments:
        for r in read_jsonl(args.assignments):
            path = r.get("path") or [r["cluster"]]
            assignment_path[key(r["id"])] = path
            if not args.clustered:
                base[key(r["id"])] = r["cluster"]
    if args.labels and not assignment_path:
        assignment_path = paths_from_labels(args.labels)

    ids = [i for i in truth if i in base]
    if base:
        missing = len(truth) - len(ids)
        if missing:
            notes.append(f"{missing} conversations of the truth have no base cluster")
    # The sabotage replaces the clustering with random ids over the same set of clusters.
    if args.sabotage == "shuffle-clusters" and ids:
        rng = random.Random(args.seed)
        cluster_ids = sorted(set(base[i] for i in ids), key=str)
        base = {i: rng.choice(cluster_ids) for i in ids}

    if ids:
        truth_labels = [subtopic[i] for i in ids]
        pred = [base[i] for i in ids]
        metrics["conversations"] = len(ids)
        metrics["base_clusters"] = len(set(pred))
        metrics["true_subtopics"] = len(set(truth_labels))
        metrics["ari"] = adjusted_rand_index(truth_labels, pred)
        metrics["nmi"] = normalized_mutual_info(truth_labels, pred)
        metrics["nmi_category"] = normalized_mutual_info([category[i] for i in ids], pred)

    # Fixed top level: nearest category vector for each base cluster's centroid.
    if ids and args.categories:
        categories = []
        for r in read_jsonl(args.categories):
            categories.append((r["category"], decode_vector(r["embedding"])))
        centroids = {}
        if args.centroids:
            reference = None
            for r in read_jsonl(args.centroids):
                if "cluster" not in r and "language" in r:
                    # clio-cluster centred each language at its mean (LanguageCentring): the
                    # centres live in that space, so the category texts (English) are centred
                    # at the reference language's mean too.
                    if r["language"] == "English" or (r.get("reference") and reference is None):
                        reference = decode_vector(r["mean"])
                    continue
                centroids[r["cluster"]] = decode_vector(r["centroid"])
            if reference is not None:
                categories = [(name, [x - m for x, m in zip(v, reference)]) for name, v in categories]
        elif vectors:
            sums = {}
            for i, v in vectors.items():
                c = base.get(i)
                if c is None:
                    continue
                acc = sums.setdefault(c, [0.0] * len(v))
                for j, x in enumerate(v):
                    acc[j] += x
            centroids = sums
        if centroids:
            placed = {}
            for c, centroid in centroids.items():
                placed[c] = max(categories, key=lambda cat: cosine(centroid, cat[1]))[0]
            hits = sum(1 for i in ids if placed.get(base[i]) == category[i])
            metrics["top_level_accuracy"] = hits / len(ids)
            english = [i for i in ids if truth[i].get("language") == "English"]
            other = [i for i in ids if truth[i].get("language") != "English"]
            for name, group in (("english", english), ("other", other)):
                if group:
                    metrics[f"top_level_accuracy_{name}"] = (
                        sum(1 for i in group if placed.get(base[i]) == category[i]) / len(group))
            metrics["categories_used"] = len(set(placed.values()))
            metrics["true_categories"] = len(categories)
        else:
            notes.append("no centroids: top-level accuracy not measured")

    # Unsupervised hierarchy: purity of each top-level cluster.
    if assignment_path and ids:
        top_of_base = {}
        for i, path in assignment_path.items():
            top_of_base[path[-1]] = path[0]
        if args.clustered:
            top_of_base = {int(str(b).rsplit("-", 1)[-1]) if str(b).startswith("L0-") else b: t
                           for b, t in top_of_base.items()}
        groups = []
        for i in ids:
            b = base[i]
            groups.append(top_of_base.get(b, assignment_path.get(i, ["?"])[0])
                          if args.sabotage else assignment_path.get(i, ["?"])[0])
        p, rows = purity(groups, [category[i] for i in ids])
        metrics["top_clusters"] = len(rows)
        metrics["top_purity"] = p
        metrics["top_purity_min"] = min(r[2] for r in rows)
        metrics["top_largest_share"] = rows[0][1] / len(groups)
        metrics["top_largest_purity"] = rows[0][2]
        # No top level built from these base clusters can be purer than the base clusters are.
        metrics["base_category_purity"] = purity([base[i] for i in ids], [category[i] for i in ids])[0]
        # Nor purer than the best grouping of them into as many top-level clusters as there are.
        bound, exact = grouping_bound([base[i] for i in ids], [category[i] for i in ids], len(rows))
        metrics["top_purity_bound"] = bound
        metrics["top_purity_bound_exact"] = exact

    # Names: does a cluster's name say what most of its conversations are about?
    if args.labels and ids:
        try:
            subtopic_words, category_words = taxonomy_vocabulary()
        except (OSError, AttributeError, ValueError) as error:
            notes.append(f"names not scored: {error}")
        else:
            records = [r for r in read_jsonl(args.labels) if r.get("kind") == "cluster" and not r.get("withheld")]
            base_records = [r for r in records if r.get("level") == 0]
            metrics["name_hits_base"] = name_hits(
                base_records, lambda r: [key(m) for m in r.get("members") or []], subtopic, subtopic_words)
            if assignment_path:
                under = collections.defaultdict(list)
                for i, path in assignment_path.items():
                    under[path[0]].append(i)
                roots = [r for r in records if r.get("parent") is None]
                metrics["name_hits_top"] = name_hits(roots, lambda r: under.get(r["id"], []), category, category_words)

    # Privacy: summaries against their own conversation's details; cluster text against all.
    planted = {i: [Planted(p["kind"], p["value"], p.get("core")) for p in t.get("planted", [])]
               for i, t in truth.items()}
    planted_kinds = collections.Counter(p.kind for ps in planted.values() for p in ps)
    if args.summaries:
        summaries = 0
        leaked = {k: {"exact": 0, "any": 0} for k in KINDS}
        leaked_details = collections.Counter()  # planted details (not summaries) that survive
        examples = []
        for r in read_jsonl(args.summaries):
            summaries += 1
            i = key(r.get("id"))
            text = "\n".join(strings_in(r.get("facets", {})))
            folded, runs = text.casefold(), digit_runs(text)
            hit_kinds = {}
            for p in planted.get(i, []):
                how = p.leak(folded, runs)
                leaked_details[p.kind] += how is not None
                if how and (p.kind not in hit_kinds or how == "exact"):
                    hit_kinds[p.kind] = how
                    if len(examples) < 5:
                        examples.append(f"{i}: {p.kind} {how} `{p.value}`")
            for kind, how in hit_kinds.items():
                leaked[kind]["any"] += 1
                leaked[kind]["exact"] += how == "exact"
        metrics["summaries"] = summaries
        for kind in KINDS:
            metrics[f"summary_leak_{kind}"] = leaked[kind]["any"] / summaries if summaries else 0.0
            metrics[f"summary_leak_{kind}_count"] = leaked[kind]["any"]
            metrics[f"summary_leak_{kind}_exact"] = leaked[kind]["exact"]
            metrics[f"planted_{kind}"] = planted_kinds[kind]
            metrics[f"planted_{kind}_leaked"] = leaked_details[kind]
            metrics[f"planted_{kind}_leak"] = leaked_details[kind] / planted_kinds[kind] if planted_kinds[kind] else 0.0
        if examples:
            notes.append("summary leaks, e.g.: " + "; ".join(examples))
    if args.labels:
        all_planted = [p for ps in planted.values() for p in ps]
        clusters = 0
        any_leak = 0
        guarded = 0
        guard_k = None
        guard = {"reasked": 0, "words_removed": 0, "phrases_left_out": 0}
        leaked = collections.Counter()
        examples = []
        for r in read_jsonl(args.labels):
            if r.get("kind") != "cluster":
                continue
            clusters += 1
            text = "\n".join(s for s in (r.get("name"), r.get("description")) if isinstance(s, str))
            folded, runs = text.casefold(), digit_runs(text)
            hit = set()
            for p in all_planted:
                if p.kind not in hit and p.leak(folded, runs):
                    hit.add(p.kind)
                    if len(examples) < 5:
                        examples.append(f"{r.get('id')}: {p.kind} `{p.value}`")
            leaked.update(hit)
            any_leak += bool(hit)
            note = (r.get("stats") or {}).get("text_guard")
            if isinstance(note, dict):
                guarded += 1
                for field in ("reasked", "words_removed", "phrases_left_out"):
                    guard[field] += int(note.get(field) or 0)
                guard_k = note.get("min_users", guard_k)
        metrics["cluster_records"] = clusters
        # Every record at every level, buckets included: names and descriptions with any planted detail.
        metrics["cluster_records_leaking"] = any_leak
        metrics["cluster_text_leak"] = any_leak / clusters if clusters else 0.0
        metrics["text_guard_records"] = guarded
        metrics["text_guard_min_users"] = guard_k
        for field, value in guard.items():
            metrics[f"text_guard_{field}"] = value
        for kind in KINDS:
            metrics[f"cluster_leak_{kind}_count"] = leaked[kind]
        if examples:
            notes.append("cluster text leaks, e.g.: " + "; ".join(examples))

    costs = []
    if args.timings:
        for r in read_jsonl(args.timings):
            if r.get("stage") == "label" and r.get("stderr"):
                try:
                    with open(r["stderr"], encoding="utf-8") as f:
                        guard_lines = [l.strip() for l in f if "text guard" in l]
                except OSError:
                    guard_lines = []
                if guard_lines:
                    metrics["text_guard_stderr"] = guard_lines[-1].removeprefix("clio-label: ")
            calls, tokens = stderr_costs(r["stderr"]) if r.get("stderr") else (None, None)
            costs.append((r["stage"], r["seconds"], calls, tokens))
    return metrics, notes, costs


def taxonomy_vocabulary():
    """Per category and per "category/subtopic", the word stems of the generator's own texts.

    Words of the subtopic's name, English requests and details, and translations; a stem that
    three or more categories use ("help", "write", "plan") is left out, so a hit means the name
    says something about that topic in particular.
    """
    import importlib.util
    import os
    spec = importlib.util.spec_from_file_location(
        "make_eval_data", os.path.join(os.path.dirname(os.path.abspath(__file__)), "make-eval-data.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    subtopics, categories = {}, {}
    for category, description, entries in module.TAXONOMY:
        category_stems = stems(category + " " + description)
        for subtopic, requests, details, translations in entries:
            words = stems(" ".join([subtopic] + requests + details + list(translations.values())))
            subtopics[category + "/" + subtopic] = words
            category_stems |= words
        categories[category] = category_stems
    spread = collections.Counter(w for ws in categories.values() for w in ws)
    common = {w for w, n in spread.items() if n >= 3}
    return ({k: v - common for k, v in subtopics.items()}, {k: v - common for k, v in categories.items()})


def stems(text):
    """Lowercase words of three or more letters, cut to five letters ("cooked" and "cooking" meet)."""
    return {w[:5] for w in re.findall(r"\w+", text.casefold()) if len(w) >= 3 and not w.isdigit()}


def name_hits(clusters, members_of, truth_of, vocabulary):
    """Size-weighted share of `clusters` whose name shares a stem with its majority label's vocabulary."""
    hits = total = 0
    for c in clusters:
        labels = [truth_of[m] for m in members_of(c) if m in truth_of]
        if not labels:
            continue
        majority = collections.Counter(labels).most_common(1)[0][0]
        total += len(labels)
        if stems(c.get("name") or "") & vocabulary.get(majority, set()):
            hits += len(labels)
    return hits / total if total else None


def paths_from_labels(path):
    """Conversation id → [top, …, base] from cluster records, when no --assignments file is given."""
    parent, members = {}, {}
    for r in read_jsonl(path):
        if r.get("kind") != "cluster":
            continue
        parent[r["id"]] = r.get("parent")
        for m in r.get("members") or []:
            members[key(m)] = r["id"]
    paths = {}
    for i, b in members.items():
        chain, node, seen = [], b, set()
        while node is not None and node not in seen:
            seen.add(node)
            chain.append(node)
            node = parent.get(node)
        paths[i] = list(reversed(chain))
    return paths


# ---------------------------------------------------------------- thresholds and table

def checks(metrics, args):
    """(label, value text, threshold text, passed) rows; a metric that was not measured fails."""
    rows = []

    def need(name):
        return metrics.get(name)

    def add(label, value, threshold, ok):
        rows.append((label, value, threshold, ok))

    ari = need("ari")
    add("ARI vs true subtopics", fmt(ari), f"≥ {args.min_ari:.2f}", ari is not None and ari >= args.min_ari)
    acc = need("top_level_accuracy")
    add("top-level accuracy (fixed categories)", pct(acc), f"≥ {args.min_accuracy:.0%}",
        acc is not None and acc >= args.min_accuracy)
    for kind in STRICT_KINDS:
        s, c = need(f"summary_leak_{kind}_count"), need(f"cluster_leak_{kind}_count")
        add(f"{kind} leaks (summaries / cluster texts)",
            "—" if s is None and c is None else f"{'—' if s is None else s} / {'—' if c is None else c}",
            "0 / 0", s == 0 and c == 0)
    for kind, ceiling in (("name", args.max_name_leak), ("address", args.max_address_leak)):
        share = need(f"planted_{kind}_leak")
        add(f"{kind} leak share of planted {PLURAL[kind]}", pct(share, 2), f"≤ {ceiling:.1%}",
            share is not None and share <= ceiling)
    return rows


def fmt(x, digits=3):
    return "—" if x is None else f"{x:.{digits}f}"


def pct(x, digits=1):
    return "—" if x is None else f"{x * 100:.{digits}f}%"


def table(metrics, notes, costs, check_rows, args):
    m = metrics.get
    lines = ["| section | measure | value | threshold | ok |", "|---|---|---|---|---|"]

    def row(section, measure, value, threshold="", ok=""):
        lines.append(f"| {section} | {measure} | {value} | {threshold} | {ok} |")

    if args.run_command:
        row("run", "command", f"`{args.run_command}`")
    row("run", "summarizer / embedder", f"{args.model or 'offline (extractive)'} / {args.embedder or 'default'}")
    if args.date:
        row("run", "date", args.date)
    if args.sabotage:
        row("run", "sabotage", args.sabotage)
    threshold = {label: (t, "yes" if ok else "**NO**") for label, _, t, ok in check_rows}

    def checked(label, value):
        t, ok = threshold.get(label, ("", ""))
        row("structure" if "leak" not in label else "privacy", label, value, t, ok)

    if m("conversations") is not None:
        row("structure", "conversations / base clusters / true subtopics",
            f"{m('conversations')} / {m('base_clusters')} / {m('true_subtopics')}")
    checked("ARI vs true subtopics", fmt(m("ari")))
    row("structure", "NMI vs true subtopics", fmt(m("nmi")))
    row("structure", "NMI vs true categories", fmt(m("nmi_category")))
    checked("top-level accuracy (fixed categories)", pct(m("top_level_accuracy")))
    if m("top_level_accuracy_english") is not None or m("top_level_accuracy_other") is not None:
        row("structure", "top-level accuracy, English / other languages",
            f"{pct(m('top_level_accuracy_english'))} / {pct(m('top_level_accuracy_other'))}")
    if m("categories_used") is not None:
        row("structure", "categories receiving a base cluster", f"{m('categories_used')} of {m('true_categories')}")
    if m("top_purity") is not None:
        row("structure", "unsupervised top level: clusters / weighted purity / lowest purity",
            f"{m('top_clusters')} / {pct(m('top_purity'))} / {pct(m('top_purity_min'))}")
    if m("base_category_purity") is not None:
        row("structure", "category purity of the base clusters (the most any top level over them can reach)",
            pct(m("base_category_purity")))
    if m("top_purity_bound") is not None:
        row("structure", f"the most a top level of {m('top_clusters')} clusters over these base clusters can reach"
            + ("" if m("top_purity_bound_exact") else " (swap search: at least)"), pct(m("top_purity_bound")))
    if m("top_largest_share") is not None:
        row("structure", "unsupervised top level: largest cluster's share / its purity",
            f"{pct(m('top_largest_share'))} / {pct(m('top_largest_purity'))}")
    if m("name_hits_base") is not None:
        row("names", "names sharing a word with the majority subtopic (base) / category (top), by size",
            f"{pct(m('name_hits_base'))} / {pct(m('name_hits_top'))}")
    if m("summaries") is not None:
        for kind in KINDS:
            value = (f"{pct(m(f'summary_leak_{kind}'), 2)} ({m(f'summary_leak_{kind}_count')} of {m('summaries')}; "
                     f"{m(f'summary_leak_{kind}_exact')} exact; {m(f'planted_{kind}')} planted)")
            row("privacy", f"{kind} leak share of summaries", value)
        for kind in ("name", "address"):
            checked(f"{kind} leak share of planted {PLURAL[kind]}",
                    f"{pct(m(f'planted_{kind}_leak'), 2)} ({m(f'planted_{kind}_leaked')} of {m(f'planted_{kind}')})")
    if m("cluster_records") is not None:
        row("privacy", "cluster records with a leak, per kind (name, email, phone, address, id)",
            ", ".join(str(m(f"cluster_leak_{k}_count")) for k in KINDS) + f" of {m('cluster_records')}")
        row("privacy", "cluster-text leak rate: records (every level) whose name or description has a planted detail",
            f"{pct(m('cluster_text_leak'), 2)} ({m('cluster_records_leaking')} of {m('cluster_records')})")
        if m("text_guard_records"):
            row("privacy", f"text guard (K = {m('text_guard_min_users')}): records checked, re-asks, words removed, key phrases left out",
                f"{m('text_guard_records')}, {m('text_guard_reasked')}, {m('text_guard_words_removed')}, {m('text_guard_phrases_left_out')}")
    if m("text_guard_stderr"):
        row("privacy", "text guard, clio-label's stderr", m("text_guard_stderr"))
    for kind in STRICT_KINDS:
        label = f"{kind} leaks (summaries / cluster texts)"
        value = next(v for l, v, _, _ in check_rows if l == label)
        t, ok = threshold[label]
        row("privacy", label, value, t, ok)
    total = 0.0
    for stage, seconds, calls, tokens in costs:
        total += seconds
        extra = "".join([f", {calls} calls" if calls is not None else "", f", {tokens} tokens" if tokens is not None else ""])
        row("cost", stage, f"{seconds:.2f} s{extra}")
    if costs:
        row("cost", "total wall time", f"{total:.2f} s")
    verdict = all(ok for _, _, _, ok in check_rows)
    row("result", "all thresholds", "pass" if verdict else "FAIL")
    out = "\n".join(lines)
    if notes:
        out += "\n\n" + "\n".join(f"- {n}" for n in notes)
    return out


# ---------------------------------------------------------------- self-test

def self_test():
    """Metric code against cases worked out by hand (and matching scikit-learn's documented values)."""
    close = lambda a, b: abs(a - b) < 1e-9
    cases = [
        # identical partitions, relabelled
        (adjusted_rand_index([0, 0, 1, 1], [1, 1, 0, 0]), 1.0),
        # worked: sum C(n_ij,2)=1, rows 2, cols 1, C(4,2)=6 → (1 − 1/3)/(1.5 − 1/3) = 4/7
        (adjusted_rand_index([0, 0, 1, 1], [0, 0, 1, 2]), 4 / 7),
        # crossed 2×2: (0 − 2/3)/(2 − 2/3) = −1/2
        (adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]), -0.5),
        # worked: MI = ln 2, H = ln 2 and 1.5 ln 2 → ln 2 / 1.25 ln 2 = 0.8
        (normalized_mutual_info([0, 0, 1, 1], [0, 0, 1, 2]), 0.8),
        (normalized_mutual_info([0, 0, 1, 1], [0, 1, 0, 1]), 0.0),
        (normalized_mutual_info(["a", "a", "b"], [5, 5, 7]), 1.0),
        # 3×3 worked case: table [[2,1,0],[0,2,1],[1,0,2]], sum C=3, rows=cols=9, C(9,2)=36
        # → (3 − 81/36)/(9 − 81/36) = 0.75/6.75 = 1/9
        (adjusted_rand_index([0, 0, 0, 1, 1, 1, 2, 2, 2], [0, 0, 1, 1, 1, 2, 2, 2, 0]), 1 / 9),
        (purity(["x", "x", "x", "y"], ["a", "a", "b", "c"])[0], 0.75),
        # three groups into two parts: {g1: a a b, g2: b b, g3: c c c c}; the best picks c and
        # one of a/b: c covers 4, b covers 1 + 2 = 3 (a would cover 2) → 7 of 9
        (grouping_bound(["g1"] * 3 + ["g2"] * 2 + ["g3"] * 4, list("aab") + list("bb") + list("cccc"), 2)[0], 7 / 9),
        # the swap search finds the same on this case
        (grouping_bound(["g1"] * 3 + ["g2"] * 2 + ["g3"] * 4, list("aab") + list("bb") + list("cccc"), 2,
                        max_subsets=1)[0], 7 / 9),
        # as many parts as labels: the groups' own purity
        (grouping_bound(["g1", "g1", "g2"], ["a", "b", "b"], 5)[0], 2 / 3),
    ]
    failures = [i for i, (got, want) in enumerate(cases) if not close(got, want)]
    phone = Planted("phone", "+1 (415) 555-0132")
    surname = Planted("name", "Olivia Whitfield")
    email = Planted("email", "olivia.whitfield@gmail.com")
    account = Planted("id", "4821-9930-1174")
    address = Planted("address", "42 Maple Street, Springfield")
    unit_first = Planted("address", "Apt 4B, 42 Maple Street, Leeds LS6 2QT", ["42 Maple Street", "LS6 2QT"])
    text_checks = [
        (phone.leak("call 415.555.0132", digit_runs("call 415.555.0132")), "partial"),
        (phone.leak("call +1 (415) 555-0132", digit_runs("call +1 (415) 555-0132")), "exact"),
        (phone.leak("bake at 415 degrees", digit_runs("bake at 415 degrees")), None),
        (surname.leak("ask ms. whitfield", []), "partial"),
        (surname.leak("a whitfieldish thing", []), None),
        (email.leak("write to olivia.whitfield at work", []), "partial"),
        (account.leak("account 482199301174", digit_runs("account 482199301174")), "partial"),
        (address.leak("sent to 42 maple street.", []), "partial"),
        (unit_first.leak("to [address], leeds ls6 2qt", []), "partial"),
        (unit_first.leak("to apt 4b, [address]", []), None),
        (costs_in(["clio-summarize: done", "3,000 records; 3,012 calls, 0 cached, tokens 1,204,000 in / 311 out"]),
         (3012, 1204311)),
        (costs_in(["120 calls, 45,000 input tokens, 9,000 output tokens"]), (120, 54000)),
        (decode_vector("f32le:" + base64.b64encode(struct.pack("<2f", 1.5, -2.0)).decode()), [1.5, -2.0]),
    ]
    failures += [f"text {i}" for i, (got, want) in enumerate(text_checks) if got != want]
    if failures:
        print(f"self-test failed: cases {failures}", file=sys.stderr)
        return 1
    print(f"self-test: {len(cases) + len(text_checks)} passed, 0 failed")
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--truth", help="truth.jsonl from make-eval-data.py")
    p.add_argument("--summaries", help="clio-summarize output")
    p.add_argument("--clustered", help="clio-cluster output (field `cluster`)")
    p.add_argument("--centroids", help="clio-cluster --centroids file")
    p.add_argument("--categories", help="categories.jsonl embedded by clio-embed (fields category, embedding)")
    p.add_argument("--labels", help="clio-label output (cluster records)")
    p.add_argument("--assignments", help="clio-label --assignments file")
    p.add_argument("--timings", help="JSONL of {stage, seconds, stderr} written by eval.sh")
    p.add_argument("--run-command", help="command line shown in the table")
    p.add_argument("--model", help="summarizer model shown in the table (default: offline)")
    p.add_argument("--embedder", help="embedder shown in the table")
    p.add_argument("--date", help="date shown in the table")
    p.add_argument("--sabotage", choices=["shuffle-clusters"], help="replace base clusters with random ids")
    p.add_argument("--seed", type=int, default=1, help="seed for --sabotage (default 1)")
    p.add_argument("--check", action="store_true", help="exit 1 when a threshold fails")
    p.add_argument("--min-accuracy", type=float, default=0.30, help="top-level accuracy floor (default 0.30)")
    p.add_argument("--min-ari", type=float, default=0.12, help="ARI floor (default 0.12)")
    p.add_argument("--max-name-leak", type=float, default=0.015,
                   help="ceiling on the share of planted names found in their summary (default 0.015)")
    p.add_argument("--max-address-leak", type=float, default=0.015,
                   help="ceiling on the share of planted addresses found in their summary (default 0.015)")
    p.add_argument("--json", help="also write the metrics as JSON to this file")
    p.add_argument("--self-test", action="store_true", help="check the metric code and exit")
    args = p.parse_args()
    if args.self_test:
        return self_test()
    if not args.truth:
        p.error("--truth is required")
    metrics, notes, costs = evaluate(args)
    check_rows = checks(metrics, args)
    print(table(metrics, notes, costs, check_rows, args))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"metrics": metrics, "checks": [{"check": l, "value": v, "threshold": t, "ok": ok}
                                                      for l, v, t, ok in check_rows]}, f, indent=2)
    if args.check and not all(ok for _, _, _, ok in check_rows):
        failed = [l for l, _, _, ok in check_rows if not ok]
        print(f"\nevaluate.py: check failed: {'; '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
