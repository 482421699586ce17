#!/usr/bin/env python3
"""Builds the small stand-in for sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2 that
clio-embed's multilingual tests run against, and the reference answers of the Python stack.

The real model's weights cannot be fetched here, so this makes a model of the same kind: a
SentencePiece Unigram model trained with `sentencepiece` on text in 16 languages and 10 scripts,
converted by `transformers` into an XLM-R tokenizer.json (Precompiled normalizer with the
nmt_nfkc charsmap, Metaspace pre-tokenizer, Unigram model, <s> … </s> post-processor), a tiny
BertModel initialised at random (3 layers, hidden 32, 4 heads), saved as safetensors, and
sentence-transformers' module files (mean pooling, max_seq_length 128, no Normalize module — like
the real model).

    scripts/make-multilingual-fixture.py            # makes .venv-multilingual on first use
    python3 scripts/make-multilingual-fixture.py --weights-only   # the model only (scripts/test.sh)

writes Tests/ClioEmbedTests/Fixtures/multilingual/ (the model) and
Tests/ClioEmbedTests/Fixtures/multilingual-reference.jsonl, one line per text:
    {"text", "ids", "normalized", "variants": {NAME: ids}, "embedding"}
with `ids` from the SentenceTransformer's tokenizer (truncated to 128), `normalized` from the
tokenizer's normalizer alone, `variants` the ids of the same tokenizer.json with the pipeline
parts of Fixtures/multilingual/tokenizer-variants.json swapped in (older serialisations of the
XLM-R tokenizer), and `embedding` from model.encode(normalize_embeddings=True).
Everything is seeded: rerunning gives the same files.
"""
import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-multilingual"
FIXTURES = ROOT / "Tests/ClioEmbedTests/Fixtures"
PACKAGES = ["sentencepiece", "transformers", "tokenizers", "sentence-transformers", "protobuf"]


def ensure_venv():
    """Re-executes this script inside .venv-multilingual, creating it when missing."""
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    python = VENV / "bin/python"
    if not python.exists():
        subprocess.check_call([sys.executable, "-m", "venv", str(VENV)])
        pip = [str(python), "-m", "pip", "install", "--quiet"]
        # A CPU-only torch where one is provided locally; PyPI's default build otherwise (large).
        cpu_torch = sorted(Path("/opt/wheels").glob("torch-*+cpu-*.whl")) if Path("/opt/wheels").is_dir() else []
        subprocess.check_call(pip + [str(cpu_torch[-1]) if cpu_torch else "torch"])
        subprocess.check_call(pip + PACKAGES)
    os.execv(str(python), [str(python)] + sys.argv)


# Training text: a few sentences in each language, so every script gets pieces of its own.
CORPUS = {
    "en": ["How do I reverse a list in Python?", "Write a short poem about the sea and the wind.",
           "Can you help me plan a trip to Japan in spring?", "What is the difference between TCP and UDP?",
           "Please summarize this article in three sentences.", "My code crashes when I open the file.",
           "Explain how a transformer network uses attention.", "Give me a recipe for a quick vegetable soup."],
    "fr": ["Comment puis-je apprendre le français rapidement ?", "Écris un poème sur la mer et le vent.",
           "Peux-tu m'aider à préparer un voyage en Italie ?", "Quelle est la différence entre un café et un thé ?",
           "Résume cet article en trois phrases, s'il te plaît.", "Mon ordinateur est très lent depuis hier."],
    "es": ["¿Cómo puedo aprender español en poco tiempo?", "Escribe un poema sobre el mar y las montañas.",
           "¿Me ayudas a planear un viaje a México?", "Quiero una receta de tortilla de patatas.",
           "Mi código falla cuando abro el archivo.", "Explícame la diferencia entre un virus y una bacteria."],
    "de": ["Wie kann ich schnell Deutsch lernen?", "Schreib ein Gedicht über das Meer und den Wind.",
           "Kannst du mir bei der Planung einer Reise nach Österreich helfen?", "Mein Programm stürzt beim Öffnen der Datei ab.",
           "Was ist der Unterschied zwischen Straße und Weg?", "Bitte fasse diesen Artikel in drei Sätzen zusammen."],
    "ru": ["Как быстро выучить русский язык?", "Напиши стихотворение о море и ветре.",
           "Помоги мне спланировать поездку в Москву.", "В чём разница между TCP и UDP?",
           "Мой код падает, когда я открываю файл.", "Объясни, как работает нейронная сеть.",
           "Дай мне рецепт борща на четыре человека."],
    "el": ["Πώς μπορώ να μάθω ελληνικά γρήγορα;", "Γράψε ένα ποίημα για τη θάλασσα και τον άνεμο.",
           "Βοήθησέ με να οργανώσω ένα ταξίδι στην Αθήνα.", "Ποια είναι η διαφορά μεταξύ καφέ και τσαγιού;",
           "Ο κώδικάς μου σταματά όταν ανοίγω το αρχείο."],
    "ar": ["كيف يمكنني تعلم اللغة العربية بسرعة؟", "اكتب قصيدة عن البحر والرياح.",
           "ساعدني في التخطيط لرحلة إلى القاهرة.", "ما الفرق بين القهوة والشاي؟",
           "برنامجي يتوقف عندما أفتح الملف.", "اشرح لي كيف تعمل الشبكة العصبية."],
    "he": ["איך אפשר ללמוד עברית מהר?", "כתוב שיר על הים והרוח.", "עזור לי לתכנן טיול לירושלים.",
           "מה ההבדל בין קפה לתה?", "הקוד שלי קורס כשאני פותח את הקובץ."],
    "hi": ["मैं जल्दी हिंदी कैसे सीख सकता हूँ?", "समुद्र और हवा के बारे में एक कविता लिखो।",
           "दिल्ली की यात्रा की योजना बनाने में मेरी मदद करो।", "चाय और कॉफ़ी में क्या अंतर है?",
           "फ़ाइल खोलते ही मेरा प्रोग्राम बंद हो जाता है।"],
    "th": ["ฉันจะเรียนภาษาไทยให้เร็วได้อย่างไร", "เขียนกลอนเกี่ยวกับทะเลและสายลม",
           "ช่วยวางแผนการเดินทางไปเชียงใหม่หน่อย", "กาแฟกับชาต่างกันอย่างไร", "โปรแกรมของฉันหยุดทำงานเมื่อเปิดไฟล์"],
    "zh": ["我怎样才能快速学习中文？", "写一首关于大海和风的诗。", "请帮我计划一次去北京的旅行。",
           "咖啡和茶有什么区别？", "我打开文件时程序就崩溃了。", "请用三句话总结这篇文章。",
           "我想做一个每月的家庭预算表。"],
    "ja": ["日本語を早く勉強するにはどうすればいいですか？", "海と風についての詩を書いてください。",
           "京都への旅行の計画を手伝ってください。", "コーヒーとお茶の違いは何ですか？",
           "ファイルを開くとプログラムがクラッシュします。", "この記事を三つの文で要約してください。"],
    "ko": ["한국어를 빨리 배우려면 어떻게 해야 하나요?", "바다와 바람에 관한 시를 써 주세요.",
           "부산 여행 계획을 도와주세요.", "커피와 차의 차이점은 무엇인가요?",
           "파일을 열면 프로그램이 멈춰요.", "이 기사를 세 문장으로 요약해 주세요."],
    "vi": ["Làm thế nào để học tiếng Việt nhanh?", "Viết một bài thơ về biển và gió.",
           "Giúp tôi lên kế hoạch du lịch Hà Nội.", "Cà phê và trà khác nhau như thế nào?"],
    "tr": ["Türkçeyi nasıl hızlı öğrenebilirim?", "Deniz ve rüzgâr hakkında bir şiir yaz.",
           "İstanbul gezisi planlamama yardım eder misin?", "Kahve ile çay arasındaki fark nedir?"],
    "pl": ["Jak mogę szybko nauczyć się polskiego?", "Napisz wiersz o morzu i wietrze.",
           "Pomóż mi zaplanować wycieczkę do Krakowa.", "Zażółć gęślą jaźń, proszę."],
}
EXTRA = ["Prices: $19.99, €15,50, £12 and ¥1500.", "Emoji 😀 👍🏽 ❤️ ✨ 🇯🇵 🍕", "Ｆｕｌｌｗｉｄｔｈ ＡＢＣ１２３ and ﬁ ligatures",
         "def f(x):\n    return x * 2", "https://example.com/path?q=1", "e-mail: jane.doe@example.com",
         "Café naïve résumé façade Ångström", "① ② ③ ½ ¼ ² ³ ™ ©"]


# Letters of each script, for made-up words: the sentences above alone give too few pieces.
ALPHABETS = {
    "latin": "abcdefghijklmnopqrstuvwxyzéèàçñöüß", "cyrillic": "абвгдежзийклмнопрстуфхцчшщыьэюя",
    "greek": "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ", "arabic": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "hebrew": "אבגדהוזחטיכלמנסעפצקרשת", "devanagari": "कखगघचछजझटठडढणतथदधनपफबभमयरलवशसह",
    "thai": "กขคงจฉชซญดตถทนบปผพฟภมยรลวศสหอฮ", "han": "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长",
    "kana": "あいうえおかきくけこさしすせそたちつてとなにぬねのアイウエオカキクケコサシスセソ",
    "hangul": "가나다라마바사아자차카타파하고노도로모보소오조호구누두루무부수우주후기니디리미비시이지히",
}


def training_lines(rng):
    """Each sentence several times, alone and paired with sentences of other languages, then
    sentences of made-up words in every script (a lexicon per script, words drawn unevenly)."""
    sentences = [s for group in CORPUS.values() for s in group] + EXTRA
    lines = sentences * 3
    for _ in range(600):
        lines.append(" ".join(rng.sample(sentences, 2)))
    for letters in ALPHABETS.values():
        lexicon = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 7))) for _ in range(700)]
        for _ in range(700):
            words = [lexicon[min(int(rng.paretovariate(0.8)) - 1, len(lexicon) - 1)] for _ in range(rng.randint(3, 9))]
            lines.append(" ".join(words))
    rng.shuffle(lines)
    return lines


def reference_texts():
    """The MiniLM fixture's 260 texts, plus texts aimed at this tokenizer."""
    spec = importlib.util.spec_from_file_location("embed_fixture", ROOT / "scripts/make-embed-fixture.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    texts = module.texts()
    texts += [s for group in CORPUS.values() for s in group[:2]]
    texts += [
        "<s> literal special tokens </s> and <mask> and <pad> and <unk> in text",
        "x<mask>y", "  <mask>  ", "</s></s>", "<s>", "a <s>b</s> c",
        "double  space, triple   space, tab\tand\nnewline",
        "\u3000ideographic\u3000space and no\u00a0break and\u2009thin",
        "ｅ\u0301 ｅ́ fullwidth e with a combining accent", "ﾊﾝｶｸ ｶﾀｶﾅ half-width katakana",
        "가\u0301 Hangul with a mark", "\u1100\u1161\u11a8 conjoining jamo", "한국어 ㄱㄴㄷ ㅏㅑ",
        "क्षत्रिय ज्ञान श्री", "ไม่ได้ ก็ได้ น้ำ", "עִבְרִית with points", "اَلْعَرَبِيَّة with harakat",
        "unseen scripts: ᚠᚢᚦᚨᚱᚲ ⴰⵣⵓⵍ ꦲꦏ꧀ꦱꦫ", "mixed 東京 Москва Αθήνα القاهرة ירושלים दिल्ली กรุงเทพ 서울",
        "zzzzqqqqxxxx jjjj", "Ωmega ωmega ΣΊΣΥΦΟΣ", "ǅungla ǈ ǋ Ǳ", "İ ı i̇ I",
        "\u200b\u200c\u200d\ufeff zero widths", "a\u0000b\u0001c\u007fd", "e\u0301\u0327\u0308 stacked",
        "🇺🇸🇯🇵🏳️‍🌈👨‍👩‍👧‍👦", "……。。，，！！？？", "½⅓¼⅕ ⁰¹²³ ₀₁₂₃ ㎞ ㏄ ㈱",
        " ", "", "▁", "▁▁ already ▁ metaspace", "end with space ", " start with space",
        "word " * 126 + "end", "word " * 127 + "end", "你好" * 100, "안녕하세요 " * 60,
    ]
    return texts


# Older serialisations of the same tokenizer, each a set of pipeline parts that replace the
# main file's; "$PRECOMPILED" stands for the main file's Precompiled normalizer.
VARIANTS = {
    # As the hub's XLM-R tokenizer.json files of 2020–2021 were written.
    "legacy": {
        "normalizer": "$PRECOMPILED",
        "pre_tokenizer": {"type": "Metaspace", "replacement": "\u2581", "add_prefix_space": True},
        "post_processor": {"type": "RobertaProcessing", "sep": ["</s>", 2], "cls": ["<s>", 0],
                           "trim_offsets": True, "add_prefix_space": True},
    },
    # As transformers 4.x converted it: spaces squeezed after the charsmap, Metaspace splitting.
    "squeezed": {
        "normalizer": {"type": "Sequence", "normalizers": [
            "$PRECOMPILED", {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "}]},
        "pre_tokenizer": {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": True},
        "post_processor": {"type": "BertProcessing", "sep": ["</s>", 2], "cls": ["<s>", 0]},
    },
}


def variant_json(main, parts):
    def resolve(value):
        if value == "$PRECOMPILED":
            return precompiled(main["normalizer"])
        if isinstance(value, dict):
            return {k: resolve(v) for k, v in value.items()}
        if isinstance(value, list):
            return [resolve(v) for v in value]
        return value
    out = dict(main)
    for key, value in parts.items():
        out[key] = resolve(value)
    return out


def precompiled(normalizer):
    if normalizer["type"] == "Precompiled":
        return normalizer
    return next(n for n in normalizer["normalizers"] if n["type"] == "Precompiled")


def write_json(path, value):
    path.write_text(json.dumps(value, indent=2) + "\n", encoding="utf-8")


def main():
    ensure_venv()
    import sentencepiece as spm
    import torch
    from sentence_transformers import SentenceTransformer, models
    from tokenizers import Tokenizer
    from transformers import BertConfig, BertModel, XLMRobertaTokenizer

    rng = random.Random(20240613)
    out_dir = FIXTURES / "multilingual"
    work = Path(tempfile.mkdtemp(prefix="clio-multilingual-"))
    try:
        corpus = work / "corpus.txt"
        corpus.write_text("\n".join(training_lines(rng)) + "\n", encoding="utf-8")
        # XLM-R's layout: <unk> 0, <s> 1, </s> 2, no <pad>; the converter renumbers them.
        spm.SentencePieceTrainer.train(
            input=str(corpus), model_prefix=str(work / "spm"), model_type="unigram", vocab_size=3000,
            hard_vocab_limit=False, character_coverage=0.9995, normalization_rule_name="nmt_nfkc",
            unk_id=0, bos_id=1, eos_id=2, pad_id=-1, seed_sentencepiece_size=100000,
            num_threads=1, minloglevel=2)
        spm_dir = work / "spm-model"
        spm_dir.mkdir()
        shutil.copy(work / "spm.model", spm_dir / "sentencepiece.bpe.model")
        tokenizer = XLMRobertaTokenizer.from_pretrained(str(spm_dir))
        tokenizer.model_max_length = 512
        hf_dir = work / "hf"
        tokenizer.save_pretrained(str(hf_dir))

        torch.manual_seed(20240613)
        config = BertConfig(vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=3, num_attention_heads=4,
                            intermediate_size=64, max_position_embeddings=160, hidden_act="gelu",
                            layer_norm_eps=1e-12, initializer_range=0.2, pad_token_id=1)
        bert = BertModel(config, add_pooling_layer=False)
        # Random LayerNorm scales and biases too, so every parameter matters to the vectors.
        with torch.no_grad():
            for name, p in bert.named_parameters():
                if name.endswith("LayerNorm.weight"):
                    p.copy_(1 + 0.3 * torch.randn_like(p))
                elif name.endswith("bias"):
                    p.copy_(0.2 * torch.randn_like(p))
        bert.save_pretrained(str(hf_dir), safe_serialization=True)

        transformer = models.Transformer(str(hf_dir), max_seq_length=128)
        pooling = models.Pooling(transformer.get_word_embedding_dimension(), pooling_mode="mean")
        model = SentenceTransformer(modules=[transformer, pooling], device="cpu")
        st_dir = work / "st"
        model.save(str(st_dir), safe_serialization=True)

        if out_dir.exists():
            shutil.rmtree(out_dir)
        (out_dir / "1_Pooling").mkdir(parents=True)
        for name in ["config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json"]:
            shutil.copy(st_dir / name, out_dir / name)
        # The module files as the hub's copy of the real model has them (sentence-transformers 2.x
        # wrote them; today's version reads them and writes another layout).
        write_json(out_dir / "modules.json", [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}])
        write_json(out_dir / "sentence_bert_config.json", {"max_seq_length": 128, "do_lower_case": False})
        write_json(out_dir / "1_Pooling/config.json", {
            "word_embedding_dimension": 32, "pooling_mode_cls_token": False, "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False, "pooling_mode_mean_sqrt_len_tokens": False})
        (out_dir / "tokenizer-variants.json").write_text(json.dumps(VARIANTS, indent=1, ensure_ascii=False) + "\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    # The weights are not checked in; everything seeded, they come out the same each time. The
    # reference answers are checked in and stay as they are (another torch may round the last
    # digit of a vector differently).
    if "--weights-only" in sys.argv[1:]:
        print(f"wrote {out_dir / 'model.safetensors'}")
        return

    # The reference: the checked-in files as the Python stack reads them.
    model = SentenceTransformer(str(out_dir), device="cpu")
    assert model.max_seq_length == 128, model.max_seq_length
    assert len(model) == 2 and model[1].get_config_dict()["pooling_mode"] == "mean", model
    main_json = json.loads((out_dir / "tokenizer.json").read_text(encoding="utf-8"))
    plain = Tokenizer.from_file(str(out_dir / "tokenizer.json"))
    plain.enable_truncation(128)
    variants = {}
    for name, parts in VARIANTS.items():
        t = Tokenizer.from_str(json.dumps(variant_json(main_json, parts)))
        t.enable_truncation(128)
        variants[name] = t
    normalizer = model.tokenizer.backend_tokenizer.normalizer

    texts = reference_texts()
    ids = [model.tokenizer(t, truncation=True, max_length=128)["input_ids"] for t in texts]
    vectors = model.encode(texts, normalize_embeddings=True, batch_size=32, convert_to_numpy=True)
    with open(FIXTURES / "multilingual-reference.jsonl", "w", encoding="utf-8") as f:
        for text, tokens, vector in zip(texts, ids, vectors):
            # The tokenizer.json alone must give what sentence-transformers gives.
            assert plain.encode(text).ids == tokens, text
            record = {"text": text, "ids": tokens, "normalized": normalizer.normalize_str(text),
                      "variants": {name: t.encode(text).ids for name, t in variants.items()},
                      "embedding": [round(float(x), 7) for x in vector]}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    size = sum(p.stat().st_size for p in out_dir.rglob("*") if p.is_file())
    print(f"wrote {out_dir} ({size} bytes, vocabulary {len(model.tokenizer)}) and {len(texts)} reference texts")


if __name__ == "__main__":
    main()
