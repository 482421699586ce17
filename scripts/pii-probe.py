#!/usr/bin/env python3
"""A third generator of planted personal details, for developing the masker.

scripts/make-eval-data.py plants details in the forms the project wrote first; the held-out
generator (scripts/heldout-pii.py) is run once at the end and never read. This one sits between:
its names, addresses, phone numbers and account numbers come from Faker's locale data (PyPI
`faker`, pinned below), written into requests in twelve languages, and it prints every leak, so
it is the set the masker is developed against. Its figures are reported as such, never as the
held-out result.

    python3 scripts/pii-probe.py --bin .build/debug [--count 2000] [--seed 7] [--show 40]
    python3 scripts/pii-probe.py --bin .build/debug --file scripts/pii-written/cjk.jsonl

scripts/pii-written/ holds requests written by hand (by a session that had not read the masker),
in Chinese, Japanese and Korean (cjk.jsonl, 220) and in six European languages (eu.jsonl, 280),
each with its planted details, and 359 requests on account/ID, phone, address and name forms of
many countries (world.jsonl, by another such session); turns.jsonl (240 conversations of two or
three user turns) and pasted.jsonl (240 requests with pasted emails, forms, tables, transcripts and
letters), both in English, Spanish, French, German, Italian, Portuguese, Chinese and Japanese,
written by two more such sessions on 7 Dec, and people.jsonl (320 requests naming people in every
position) and places.jsonl (240 requests with addresses written as people write them), by two more,
intros.jsonl (320 self-introductions and sign-offs in those eight languages) and contacts.jsonl
(320 requests giving a name with a street address, often a phone, email or account number), by two more,
and mentions.jsonl (320 requests naming other people: cards, emails to colleagues, seating plans,
rotas, class lists), by one more; cultures.jsonl (320 requests naming people of many naming cultures,
a fifth of them in several turns) and numbers.jsonl (320 requests full of account, card and ID numbers
and street addresses), by two more on 7 Dec; streets.jsonl (street addresses in each language's own forms),
signed.jsonl (the writer's own name, given in every way) and messy.jsonl (text typed in a hurry), by
three more later that day; work.jsonl (colleagues and clients at work), life.jsonl (private life)
and support.jsonl (customers writing to a support bot), 240 each, by three more that night;
--file scores them the same way (an address leaks here when any of its distinctive words survives,
its town included, which is stricter than the held-out check of a street beside its number). They
are development data too. A line is {"lang", "text" | "turns": [user messages], "pii": [{"type",
"value"}]}; each value must occur in the text or in one of the turns.

Installs Faker into .venv-probe on first use. Prints planted and leaked counts per category and
per locale, then up to --show leaking summaries; exits 0 (it measures, it does not judge).
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

FAKER = "faker==40.63.0"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".venv-probe")


def ensure_faker():
    try:
        import faker  # noqa: F401
        return
    except ImportError:
        pass
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", FAKER], check=True)
    os.execv(python, [python] + sys.argv)


# Locale → the language its requests are written in. English requests also carry names of
# locales whose language the summarizer reads only as script (Greek, Hindi, Thai, Turkish…).
LOCALES = {
    "en_US": "en", "en_GB": "en", "en_IN": "en", "en_AU": "en", "en_CA": "en", "en_IE": "en", "en_NZ": "en",
    "es_ES": "es", "es_MX": "es", "es_CO": "es", "es_AR": "es", "fr_FR": "fr", "fr_CA": "fr", "fr_CH": "fr",
    "de_DE": "de", "de_AT": "de", "de_CH": "de", "it_IT": "it", "pt_BR": "pt", "pt_PT": "pt", "nl_NL": "nl",
    "nl_BE": "nl", "pl_PL": "pl", "ru_RU": "ru", "ja_JP": "ja", "zh_CN": "zh", "zh_TW": "zh", "ko_KR": "ko",
    "tr_TR": "en", "el_GR": "en", "hi_IN": "en", "th_TH": "en", "vi_VN": "en", "id_ID": "en", "sv_SE": "en",
    "da_DK": "en", "fi_FI": "en", "cs_CZ": "en", "hu_HU": "en", "ro_RO": "en", "uk_UA": "en", "he_IL": "en",
    "fa_IR": "en", "bn_BD": "en", "ne_NP": "en", "yo_NG": "en", "zu_ZA": "en", "sw": "en",
}

# Each template is one request; the details stand in the sentence that carries it, so a
# summarizer that keeps the request keeps them unless it masks them.
TEMPLATES = {
    "en": [
        "Can you write a short email to {name} asking whether the invoice was paid?",
        "Please help me write a thank-you note to {first} for hosting us last weekend.",
        "I need to send a parcel to {name}, {address}. What is the cheapest courier?",
        "How should I tell {first} {last} that I can't come to the wedding?",
        "Draft a formal complaint: my flat at {address} has had no heating for two weeks.",
        "My new address is {address}; can you help me update it with my bank?",
        "Write a reference letter for {name}, who worked in our bakery for three years.",
        "Can you format my contact details for a CV: {name}, {phone}, {email}?",
        "Why was my card {card} declined when I tried to pay for groceries?",
        "Help me dispute a charge on account {account} from last month.",
        "What should I write in a birthday card for my aunt {first}?",
        "{name} and I want to plan a week in Lisbon; can you suggest an itinerary?",
        "Can you help me reply to {first}, who asked me to call back on {phone}?",
        "Please translate this into Spanish: Deliver to {name}, {address}.",
        "Write a polite reminder to {name} that the rent of 900 euros is due on Friday.",
        "My IBAN is {iban} — how do I give it to my employer safely?",
        "I am {name}, living at {address}. How do I register to vote?",
        "Summarize this message from {first} {last}: the meeting moves to Tuesday.",
        "Give me ideas for a farewell speech for our colleague {first} {last}.",
        "How do I ask {first} for a raise without sounding rude?",
        "Text {name} on {phone} to say the car is ready — can you write it?",
        "Could you make a packing list for my trip with {first}?",
        "My social security number {ssn} was on a letter I lost; what should I do?",
        "Please check the grammar: Dear {name}, thank you for your order.",
    ],
    "es": [
        "¿Puedes escribir un correo a {name} para preguntar si pagó la factura?",
        "Necesito enviar un paquete a {name}, {address}. ¿Qué mensajería es más barata?",
        "Mi nueva dirección es {address}; ¿cómo la cambio en el banco?",
        "Ayúdame a escribir una carta de recomendación para {name}.",
        "¿Cómo le digo a {first} que no puedo ir a la boda?",
        "Mi teléfono es {phone}, ¿puedes ponerlo en mi currículum con mi correo {email}?",
        "¿Por qué rechazaron mi tarjeta {card} en el supermercado?",
        "Soy {name} y vivo en {address}. ¿Cómo me empadrono?",
        "Escribe una felicitación de cumpleaños para mi tía {first}.",
        "Mi IBAN es {iban}; ¿es seguro dárselo a mi empresa?",
    ],
    "fr": [
        "Peux-tu écrire un e-mail à {name} pour demander si la facture est payée ?",
        "Je dois envoyer un colis à {name}, {address}. Quel transporteur est le moins cher ?",
        "Ma nouvelle adresse est {address} ; comment la changer à la banque ?",
        "Aide-moi à rédiger une lettre de recommandation pour {name}.",
        "Comment dire à {first} que je ne peux pas venir au mariage ?",
        "Mon numéro est le {phone}, peux-tu le mettre dans mon CV avec {email} ?",
        "Pourquoi ma carte {card} a-t-elle été refusée au supermarché ?",
        "Je suis {name} et j'habite {address}. Comment m'inscrire sur les listes électorales ?",
        "Écris un message d'anniversaire pour ma tante {first}.",
        "Mon IBAN est {iban} ; puis-je le donner à mon employeur ?",
    ],
    "de": [
        "Kannst du eine kurze E-Mail an {name} schreiben, ob die Rechnung bezahlt ist?",
        "Ich muss ein Paket an {name}, {address} schicken. Welcher Versand ist am günstigsten?",
        "Meine neue Adresse ist {address}; wie ändere ich sie bei der Bank?",
        "Hilf mir, ein Arbeitszeugnis für {name} zu schreiben.",
        "Wie sage ich {first}, dass ich nicht zur Hochzeit kommen kann?",
        "Meine Nummer ist {phone}, kannst du sie mit {email} in meinen Lebenslauf schreiben?",
        "Warum wurde meine Karte {card} im Supermarkt abgelehnt?",
        "Ich bin {name} und wohne in der {address}. Wie melde ich mich um?",
        "Schreib einen Geburtstagsgruß für meine Tante {first}.",
        "Meine IBAN ist {iban}; darf ich sie meinem Arbeitgeber geben?",
    ],
    "it": [
        "Puoi scrivere una email a {name} per chiedere se la fattura è stata pagata?",
        "Devo spedire un pacco a {name}, {address}. Qual è il corriere più economico?",
        "Il mio nuovo indirizzo è {address}; come lo cambio in banca?",
        "Aiutami a scrivere una lettera di referenze per {name}.",
        "Come dico a {first} che non posso venire al matrimonio?",
        "Il mio numero è {phone}, puoi metterlo nel curriculum con {email}?",
        "Perché la mia carta {card} è stata rifiutata al supermercato?",
        "Sono {name} e abito in {address}. Come cambio la residenza?",
        "Scrivi un biglietto di compleanno per mia zia {first}.",
        "Il mio IBAN è {iban}; posso darlo al mio datore di lavoro?",
    ],
    "pt": [
        "Você pode escrever um e-mail para {name} perguntando se a fatura foi paga?",
        "Preciso enviar um pacote para {name}, {address}. Qual transportadora é mais barata?",
        "Meu novo endereço é {address}; como atualizo no banco?",
        "Me ajude a escrever uma carta de recomendação para {name}.",
        "Como digo para {first} que não posso ir ao casamento?",
        "Meu telefone é {phone}, pode colocar no currículo com {email}?",
        "Por que meu cartão {card} foi recusado no mercado?",
        "Sou {name} e moro na {address}. Como tiro o título de eleitor?",
        "Escreva uma mensagem de aniversário para minha tia {first}.",
        "Meu IBAN é {iban}; posso passar para o meu empregador?",
    ],
    "nl": [
        "Kun je een korte mail aan {name} schrijven of de factuur betaald is?",
        "Ik moet een pakket naar {name}, {address} sturen. Welke vervoerder is het goedkoopst?",
        "Mijn nieuwe adres is {address}; hoe pas ik dat aan bij de bank?",
        "Help me een aanbevelingsbrief voor {name} te schrijven.",
        "Hoe vertel ik {first} dat ik niet naar de bruiloft kan komen?",
        "Mijn nummer is {phone}, kun je het met {email} in mijn cv zetten?",
        "Waarom werd mijn kaart {card} geweigerd in de supermarkt?",
        "Ik ben {name} en woon op {address}. Hoe schrijf ik me in bij de gemeente?",
    ],
    "pl": [
        "Czy możesz napisać e-mail do {name} z pytaniem, czy faktura została opłacona?",
        "Muszę wysłać paczkę do {name}, {address}. Który kurier jest najtańszy?",
        "Mój nowy adres to {address}; jak go zmienić w banku?",
        "Pomóż mi napisać list polecający dla {name}.",
        "Mój numer to {phone}, możesz dodać go do CV razem z {email}?",
        "Dlaczego moja karta {card} została odrzucona w sklepie?",
    ],
    "ru": [
        "Помоги написать письмо {name}, чтобы спросить, оплачен ли счёт.",
        "Мне нужно отправить посылку: {name}, {address}. Какая доставка дешевле?",
        "Мой новый адрес: {address}. Как изменить его в банке?",
        "Меня зовут {name}. Как записаться к врачу?",
        "Мой телефон {phone}, добавь его в резюме вместе с {email}.",
        "Почему моя карта {card} не прошла в магазине?",
    ],
    "ja": [
        "{name}さんに請求書の支払いを確認するメールを書いてください。",
        "{address}の{name}様に荷物を送りたいです。一番安い配送はどれですか？",
        "新しい住所は{address}です。銀行の登録を変更する方法を教えてください。",
        "私は{name}です。履歴書に電話番号{phone}とメール{email}を入れてください。",
        "カード{card}が使えなかった理由は何ですか？",
    ],
    "zh": [
        "请帮我给{name}写一封邮件，问发票是否已付。",
        "我要寄包裹给{name}，地址是{address}，哪家快递最便宜？",
        "我的新地址是{address}，怎么在银行更新？",
        "我是{name}，请把电话{phone}和邮箱{email}写进我的简历。",
        "为什么我的银行卡{card}在超市被拒了？",
    ],
    "ko": [
        "{name}님에게 청구서가 결제되었는지 묻는 이메일을 써 주세요.",
        "{address}에 사는 {name}님에게 택배를 보내려고 해요. 어디가 제일 싸요?",
        "새 주소는 {address}입니다. 은행에서 어떻게 바꾸나요?",
        "제 이름은 {name}입니다. 이력서에 전화번호 {phone}와 이메일 {email}을 넣어 주세요.",
    ],
}

CJK = {"ja", "zh", "ko"}


def person(fake, loc):
    first, last = fake.first_name(), fake.last_name()
    lang = LOCALES[loc]
    if lang in CJK:
        full = last + first if lang != "ko" or random.random() < 0.8 else last + " " + first
        if lang == "ja":
            full = last + " " + first if random.random() < 0.5 else last + first
        return first, last, full
    return first, last, first + " " + last


def address(fake, loc):
    lang = LOCALES[loc]
    if lang in CJK or loc in ("ru_RU",):
        return fake.address().replace("\n", " ")
    street = fake.street_address().replace("\n", ", ").strip()
    roll = random.random()
    if roll < 0.45:
        return street
    if roll < 0.8:
        return street + ", " + fake.postcode() + " " + fake.city()
    return fake.address().replace("\n", ", ").strip()


def account_number(fake):
    roll = random.random()
    if roll < 0.5:
        return fake.bban()
    return str(random.randint(10**7, 10**11))


def make_record(fake, loc, index):
    lang = LOCALES[loc]
    template = random.choice(TEMPLATES[lang])
    first, last, full = person(fake, loc)
    values = {
        "name": full, "first": first, "last": last, "address": address(fake, loc), "phone": fake.phone_number(),
        "email": fake.email(), "card": fake.credit_card_number(), "iban": fake.iban(), "account": account_number(fake),
    }
    try:
        values["ssn"] = fake.ssn()
    except AttributeError:
        values["ssn"] = "%03d-%02d-%04d" % (random.randint(100, 899), random.randint(1, 99), random.randint(1, 9999))
    used = set(re.findall(r"\{(\w+)\}", template))
    text = template.format(**values)
    planted = []
    if used & {"name", "first", "last"}:
        parts = [first, last] if "name" in used else [p for p, key in ((first, "first"), (last, "last")) if key in used]
        if LOCALES[loc] in CJK:
            # A one-character surname alone identifies no one, and a substring test would find it
            # in any word; the full name and a given name of two or more characters do.
            parts = [p for p in ([full.replace(" ", ""), full] if "name" in used else parts) if len(p) >= 2]
        planted.append(("name", parts, full if "name" in used else " ".join(parts)))
    if "address" in used:
        planted.append(("address", address_markers(values["address"], lang), values["address"]))
    if "phone" in used:
        planted.append(("phone", [digits(values["phone"])], values["phone"]))
    if "email" in used:
        planted.append(("email", [values["email"], values["email"].split("@")[0]], values["email"]))
    for key in ("card", "iban", "account", "ssn"):
        if key in used:
            planted.append(("account", [digits(values[key])], values[key]))
    record = {
        "id": "p-%05d" % index, "user": "pu-%05d" % index,
        "messages": [{"role": "user", "content": text}, {"role": "assistant", "content": "Sure, here is a draft."}],
    }
    return record, planted


PARTICLES = {"de", "la", "del", "van", "der", "den", "von", "da", "di", "du", "le", "al", "el", "bin", "dos", "das", "do", "y", "e"}


def read_written(path):
    """Records and planted details of a file of written requests, scored as the generated ones:
    a name by its words (CJK: the whole name), an address by its markers, numbers by their digits."""
    records, plants = [], []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            # "text" is one request; "turns" the user's messages of one conversation, in order.
            lang, turns = row["lang"], row["turns"] if "turns" in row else [row["text"]]
            text = "\n".join(turns)
            planted = []
            for detail in row["pii"]:
                kind, value = detail["type"], detail["value"]
                if not any(value in turn for turn in turns):
                    sys.exit("pii-probe: %s:%d: %r is not in the text" % (path, number, value))
                if kind == "name":
                    parts = [value.replace(" ", ""), value] if lang in CJK else [
                        w for w in re.split(r"[\s\-]+", value) if w.lower() not in PARTICLES]
                    planted.append(("name", [p for p in parts if len(p) >= 2], value))
                elif kind == "address":
                    planted.append(("address", address_markers(value, lang), value))
                else:
                    planted.append((kind, [digits(value)], value))
            records.append({"id": "w-%05d" % number, "user": "wu-%05d" % number,
                            "messages": [m for turn in turns for m in ({"role": "user", "content": turn}, {"role": "assistant", "content": "Sure."})]})
            plants.append((lang, planted))
    return records, plants


STREET_WORDS = set("""street st road rd avenue ave lane ln drive dr court ct place pl suite apt apartment unit
boulevard blvd way close square terrace crescent calle avenida paseo plaza rua rue via viale piazza corso
strasse straße weg allee platz gasse straat laan plein ulica ul aleja plac os osiedle flat studio house
camino carrera cuesta ronda travesía glorieta pasaje edificio piso puerta bajo local km
chemin impasse allée quai route cours rue boulevard avenue place passage
praça travessa largo alameda estrada rodovia conjunto distrito recanto quadra lote vila setor
vicolo strada canale stretto borgo contrada rotonda via appartamento piano scala interno
north south east west new port saint san santa mount box
""".split())


def address_markers(text, lang):
    """What of an address identifies it: its distinctive words (street and place names), its
    postcode, and for CJK the runs of ideographs or syllables before a number."""
    if lang in CJK or re.search(r"[\u0400-\u04FF]", text):
        runs = re.findall(r"[^\d\s,.\-/()№]{2,}", text)
        return [r for r in runs if r not in ("Street", "Apt", "Suite")] + re.findall(r"\d{5,7}", text)
    words = re.findall(r"[^\W\d_][\w'’\-]*", text)
    markers = [w for w in words if len(w) >= 4 and w.lower().strip(".") not in STREET_WORDS]
    markers += re.findall(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|\b\d{4,5}(?:-\d{3,4})?\b", text)
    return markers


def digits(text):
    return re.sub(r"\D", "", text)


def leaked(category, markers, summary, summary_digits):
    if category in ("phone", "account"):
        tail = markers[0][-7:]
        return len(tail) >= 6 and tail in summary_digits
    for marker in markers:
        if not marker:
            continue
        if re.search(r"[\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]", marker):
            if marker in summary:
                return True
        elif re.search(r"(?<![\w])" + re.escape(marker) + r"(?![\w])", summary, re.IGNORECASE):
            return True
    return False


def main():
    ensure_faker()
    from faker import Faker

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=".build/debug")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", type=int, default=40, help="leaking summaries to print")
    parser.add_argument("--category", help="print leaks of this category only")
    parser.add_argument("--file", help="score written requests instead (JSON Lines of lang, text, pii: [{type, value}])")
    args = parser.parse_args()

    random.seed(args.seed)
    fakers = {}
    records, plants = [], []
    locales = sorted(LOCALES)
    if args.file:
        records, plants = read_written(args.file)
    for i in range(0 if args.file else args.count):
        loc = locales[i % len(locales)]
        if loc not in fakers:
            fakers[loc] = Faker(loc)
            fakers[loc].seed_instance(args.seed)
        record, planted = make_record(fakers[loc], loc, i)
        records.append(record)
        plants.append((loc, planted))

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "probe.jsonl")
        with open(path, "w") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        result = subprocess.run([os.path.join(args.bin, "clio-summarize"), path], capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit("clio-summarize failed: " + result.stderr[-2000:])
    summaries = {}
    for line in result.stdout.splitlines():
        row = json.loads(line)
        facets = row.get("facets", {})
        summaries[row["id"]] = " ".join(str(facets.get(k, "")) for k in ("request", "task"))

    totals, leaks, by_locale, shown = {}, {}, {}, []
    for record, (loc, planted) in zip(records, plants):
        summary = summaries.get(record["id"], "")
        summary_digits = digits(summary)
        for category, markers, value in planted:
            totals[category] = totals.get(category, 0) + 1
            if leaked(category, markers, summary, summary_digits):
                leaks[category] = leaks.get(category, 0) + 1
                by_locale.setdefault(loc, {}).setdefault(category, 0)
                by_locale[loc][category] += 1
                if (args.category is None or args.category == category) and len(shown) < args.show:
                    shown.append((category, loc, value, summary))

    print("pii-probe: %d conversations, %s" % (len(records), args.file or "seed %d, %s" % (args.seed, FAKER)))
    print("%-8s %8s %8s %8s" % ("category", "planted", "leaked", "rate"))
    for category in ("name", "address", "email", "phone", "account"):
        n, k = totals.get(category, 0), leaks.get(category, 0)
        print("%-8s %8d %8d %7.1f%%" % (category, n, k, 100.0 * k / n if n else 0.0))
    print("leaks by locale: " + ", ".join(
        "%s %s" % (loc, "/".join("%s %d" % kv for kv in sorted(c.items()))) for loc, c in sorted(by_locale.items())))
    for category, loc, value, summary in shown:
        print("- [%s %s] %s\n    %s" % (category, loc, value, summary))


if __name__ == "__main__":
    main()
