#!/usr/bin/env python3
"""Writes realistic clio cluster records (docs/FORMAT.md "cluster") as JSON Lines on stdout.

Three levels (base clusters, their parents, the top level), sizes, distinct users, members,
stats (languages, concerning histogram, mean turns, ISO weeks) and centroids of dimension 16
that are close within a topic and far between topics. One base cluster has a hostile name and
another a hostile description, and one is a withheld privacy bucket, so the HTML report's
escaping can be checked. Standard library only; the same arguments give the same bytes.

    scripts/make-cluster-fixture.py > clusters.jsonl                # ~60 base clusters
    scripts/make-cluster-fixture.py --count 10000 > big.jsonl       # scale check
    scripts/make-cluster-fixture.py --no-centroids > flat.jsonl     # map without centroids
"""
import argparse
import json
import math
import random
import sys

TOPICS = {
    "Software development": {
        "Debug and fix code": ["Fix Python exceptions", "Resolve JavaScript type errors", "Debug SQL queries",
                               "Trace memory leaks in C++", "Fix failing unit tests"],
        "Build web applications": ["Style pages with CSS", "Build React components", "Design REST APIs",
                                   "Set up authentication", "Deploy apps to the cloud"],
        "Data analysis code": ["Clean data with pandas", "Plot charts in matplotlib", "Write Excel formulas",
                               "Query data warehouses", "Tune machine learning models"],
        "Tooling and infrastructure": ["Write shell scripts", "Configure Docker containers", "Set up CI pipelines",
                                       "Resolve git conflicts"],
    },
    "Writing and communication": {
        "Professional writing": ["Draft cover letters", "Polish business emails", "Write product descriptions",
                                 "Summarize meeting notes"],
        "Creative writing": ["Write short stories", "Develop fantasy worlds", "Compose song lyrics", "Write poems"],
        "Editing and translation": ["Proofread essays", "Translate Spanish documents", "Rewrite text for clarity"],
    },
    "Learning and education": {
        "Mathematics help": ["Solve calculus problems", "Explain statistics concepts", "Prove algebra results"],
        "Science explanations": ["Explain physics homework", "Explain chemistry reactions", "Discuss biology topics"],
        "Language learning": ["Practice English conversation", "Learn Japanese grammar", "Study French vocabulary"],
    },
    "Business and daily life": {
        "Finance and planning": ["Plan personal budgets", "Explain tax questions", "Build startup financial models"],
        "Health and wellbeing": ["Plan workout routines", "Ask about medication side effects", "Plan healthy meals"],
        "Travel and events": ["Plan travel itineraries", "Organize wedding details", "Plan birthday parties"],
    },
    "Games and entertainment": {
        "Role-play and games": ["Run tabletop role-play", "Solve puzzle games", "Write game dialogue"],
        "Media recommendations": ["Recommend books", "Discuss film plots", "Suggest music playlists"],
    },
}

LANGUAGES = [("English", 0.62), ("Spanish", 0.1), ("Portuguese", 0.06), ("French", 0.05), ("German", 0.05),
             ("Japanese", 0.04), ("Chinese", 0.04), ("Korean", 0.02), ("Russian", 0.02)]
WEEKS = ["2024-W%02d" % w for w in range(1, 17)]
DIM = 16
HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_DESCRIPTION = "</script><script>alert(1)</script> Users asked about & < > \u2028 in names."


def gauss_vector(rng, scale):
    return [rng.gauss(0, scale) for _ in range(DIM)]


def sample_counts(rng, n, weights):
    """n draws over the weights, as counts, by splitting n with binomials (fast for large n)."""
    counts, remaining, mass = [], n, 1.0
    for w in weights[:-1]:
        p = min(1.0, w / mass) if mass > 0 else 0
        # Normal approximation of a binomial draw, clipped: exact enough for a fixture.
        mean, sd = remaining * p, math.sqrt(max(remaining * p * (1 - p), 0))
        k = min(remaining, max(0, int(round(rng.gauss(mean, sd)))))
        counts.append(k)
        remaining -= k
        mass -= w
    counts.append(remaining)
    return counts


def names_for(count, rng):
    """(top, mid, base) names shaped like Clio's hierarchy: ~count^(1/3) top-level clusters and
    ~(count * top)^(1/2) in the middle. Names repeat only with a number after them."""
    n_top = max(2, round(count ** (1 / 3)))
    n_mid = max(n_top, round((count * n_top) ** 0.5))
    seen = {}

    def unique(name):
        seen[name] = seen.get(name, 0) + 1
        return name if seen[name] == 1 else "%s %d" % (name, seen[name])

    topic_names = list(TOPICS)
    tops = [unique(topic_names[t % len(topic_names)]) for t in range(n_top)]
    mids = []
    for m in range(n_mid):
        t = m % n_top
        subtopics = list(TOPICS[topic_names[t % len(topic_names)]])
        sub = subtopics[(m // n_top) % len(subtopics)]
        mids.append((t, sub, unique(sub)))
    bases, used = [], [0] * n_mid
    for b in range(count):
        m = b if b < n_mid else rng.randrange(n_mid)
        t, sub, _ = mids[m]
        tasks = TOPICS[topic_names[t % len(topic_names)]][sub]
        bases.append((m, unique(tasks[used[m] % len(tasks)])))
        used[m] += 1
    return tops, [(t, name) for t, _, name in mids], bases


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=60, help="base clusters (default 60)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--no-centroids", action="store_true", help="leave out the centroid fields")
    args = parser.parse_args()
    if args.count < 3:
        parser.error("--count must be at least 3")
    rng = random.Random(args.seed)
    tops, mids, bases = names_for(args.count, rng)

    top_centres = [gauss_vector(rng, 3.0) for _ in tops]
    mid_centres = [[c + d for c, d in zip(top_centres[t], gauss_vector(rng, 1.0))] for t, _ in mids]

    records_by_level = [[], [], []]
    next_conversation = 1
    base_records = []
    for b, (m, name) in enumerate(bases):
        t = mids[m][0]
        size = int(math.exp(rng.gauss(3.6, 0.8))) + 4
        withheld = b == len(bases) - 1
        if withheld:
            name = "Other (below privacy threshold)"
        if b == 1:
            name = HOSTILE_NAME
        description = ("Users asked the assistant to %s. Requests ranged from quick questions to longer "
                       "multi-step sessions." % (name[0].lower() + name[1:])) if not withheld else \
            "Conversations in clusters too small to show on their own; counts only."
        if b == 1:
            description = "Users asked for help with HTML image tags and event handlers. Some pasted raw markup."
        if b == 2:
            description = HOSTILE_DESCRIPTION
        total_weight = sum(w * (3.0 if i == (t % 4) + 1 else 1.0) for i, (_, w) in enumerate(LANGUAGES))
        language_counts = sample_counts(rng, size, [w * (3.0 if i == (t % 4) + 1 else 1.0) / total_weight
                                                    for i, (_, w) in enumerate(LANGUAGES)])
        risk = 0.02 + (0.25 if "medication" in name.lower() or b % 17 == 5 else 0.0)
        concerning = sample_counts(rng, size, [1 - risk, risk * 0.6, risk * 0.25, risk * 0.1, risk * 0.05])
        trend = rng.uniform(-0.08, 0.12)
        week_weights = [math.exp(trend * w) for w in range(len(WEEKS))]
        s = sum(week_weights)
        week_counts = sample_counts(rng, size, [w / s for w in week_weights])
        record = {
            "kind": "cluster", "id": "L0-%d" % b, "level": 0, "parent": None, "name": name,
            "description": description, "size": size, "users": max(1, int(size * rng.uniform(0.55, 0.95))),
        }
        if withheld:
            record["withheld"] = True
        else:
            record["members"] = ["c-%06d" % (next_conversation + k) for k in range(size)]
        next_conversation += size
        record["stats"] = {
            "languages": {LANGUAGES[i][0]: n for i, n in enumerate(language_counts) if n > 0},
            "concerning": concerning,
            "mean_turns": round(rng.uniform(1.1, 4.8), 2),
            "weeks": {WEEKS[i]: n for i, n in enumerate(week_counts) if n > 0},
        }
        centroid = [c + d for c, d in zip(mid_centres[m], gauss_vector(rng, 0.35))]
        base_records.append((m, record, centroid))

    def aggregate(children):
        languages, concerning, weeks = {}, [0] * 5, {}
        size = sum(c["size"] for c in children)
        turns = sum(c["stats"]["mean_turns"] * c["size"] for c in children) / max(size, 1)
        for c in children:
            for k, v in c["stats"]["languages"].items():
                languages[k] = languages.get(k, 0) + v
            for k in range(5):
                concerning[k] += c["stats"]["concerning"][k]
            for k, v in c["stats"]["weeks"].items():
                weeks[k] = weeks.get(k, 0) + v
        languages = dict(sorted(languages.items(), key=lambda kv: (-kv[1], kv[0])))
        return size, {"languages": languages, "concerning": concerning, "mean_turns": round(turns, 2),
                      "weeks": dict(sorted(weeks.items()))}

    def mean_centroid(items):
        total = sum(r["size"] for r, _ in items)
        return [sum(r["size"] * c[j] for r, c in items) / total for j in range(DIM)]

    mid_records = []
    for m, (t, name) in enumerate(mids):
        children = [(r, c) for mm, r, c in base_records if mm == m]
        if not children:
            continue
        size, stats = aggregate([r for r, _ in children])
        record = {"kind": "cluster", "id": "L1-%d" % m, "level": 1, "parent": None, "name": name,
                  "description": "Conversations about %s. They group %d related kinds of request." %
                                 (name[0].lower() + name[1:], len(children)),
                  "size": size, "users": min(size, sum(r["users"] for r, _ in children)),
                  "children": [r["id"] for r, _ in children], "stats": stats}
        for r, _ in children:
            r["parent"] = record["id"]
        mid_records.append((t, record, mean_centroid(children)))

    top_records = []
    for t, name in enumerate(tops):
        children = [(r, c) for tt, r, c in mid_records if tt == t]
        if not children:
            continue
        size, stats = aggregate([r for r, _ in children])
        record = {"kind": "cluster", "id": "L2-%d" % t, "level": 2, "parent": None, "name": name,
                  "description": "The broad area of %s. It covers %d groups of requests." %
                                 (name[0].lower() + name[1:], len(children)),
                  "size": size, "users": min(size, sum(r["users"] for r, _ in children)),
                  "children": [r["id"] for r, _ in children], "stats": stats}
        for r, _ in children:
            r["parent"] = record["id"]
        top_records.append((t, record, mean_centroid(children)))

    out = sys.stdout
    for _, record, centroid in base_records + mid_records + top_records:
        if not args.no_centroids:
            record["centroid"] = [round(x, 4) for x in centroid]
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
