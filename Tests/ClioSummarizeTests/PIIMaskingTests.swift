import ClioTestSupport
import Foundation
import Testing
@testable import ClioSummarize

private let masker = PIIMasker()

@Test(arguments: [
    ("Write to anna.berg+news@mail.example.org today", "Write to [EMAIL] today"),
    ("see https://example.com/path?q=1. Thanks", "see [URL]. Thanks"),
    ("open www.shop.example.net/cart now", "open [URL] now"),
    ("my site example.com/about is down", "my site [URL] is down"),
    ("server 192.168.10.254 is down", "server [IP] is down"),
    ("ping 2001:db8:85a3::8a2e:370:7334 please", "ping [IP] please"),
    ("loopback ::1 works", "loopback [IP] works"),
    ("call +1 415 555 0134 now", "call [PHONE] now"),
    ("call (212) 555-0187 now", "call [PHONE] now"),
    ("ring 020 7946 0958 today", "ring [PHONE] today"),
    ("mobile 06 12 34 56 78 ok", "mobile [PHONE] ok"),
    ("Tel: +49 30 1234567.", "Tel: [PHONE]."),
    ("desk 555-0199 ext", "desk [PHONE] ext"),
    ("card 4111 1111 1111 1111 expired", "card [NUMBER] expired"),
    ("card 4111-1111-1111-1111 expired", "card [NUMBER] expired"),
    ("account 12345678901 closed", "account [NUMBER] closed"),
    ("follow @data_nerd on social", "follow [HANDLE] on social"),
])
func eachKindOfDetailIsMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: [
    "Beat 3 eggs with 200 grams of flour for 45 minutes at 180 degrees.",
    "In 2024 I ran 5 km; in 2019 2020 2021 I ran less.",
    "The meeting is on 2024-03-02 at 10:30:45, not 02.03.2024.",
    "Pi is 3.14159265 and the budget is $3,000 or 1,800 euros.",
    "Version 1.2.3 of the app needs Python 3.12.",
    "Use the 50/30/20 budget rule and sets of 3 x 10.",
    "My file is main.py and the config is settings.json.",
    "Email me the details@ later.",
])
func ordinaryNumbersAndWordsAreNotMasked(input: String) {
    #expect(masker.mask(input) == input)
}

@Test(arguments: [
    ("Hi, my name is Thandiwe Okonkwo and I need help.", "Hi, my name is [NAME] and I need help."),
    ("Hello, I'm Siobhan Quigley. What's up?", "Hello, I'm [NAME]. What's up?"),
    ("Dear Bartholomew, thanks for the CV.", "Dear [NAME], thanks for the CV."),
    ("Thanks,\nEzekiel", "Thanks,\n[NAME]"),
    ("Regards, Colette Delacroix", "Regards, [NAME]"),
    ("Ask Dr. Pemberton about it.", "Ask Dr. [NAME] about it."),
    ("My colleague Kwame Oyelaran asked me this.", "My colleague [NAME] asked me this."),
    ("Linnea Haugland here. Quick question.", "[NAME] here. Quick question."),
    ("Hola, me llamo Oluwaseun Castellanos.", "Hola, me llamo [NAME]."),
    ("Bonjour, je m'appelle Anneliese Brennan.", "Bonjour, je m'appelle [NAME]."),
    ("Hallo, ich heiße Margarethe Whitfield.", "Hallo, ich heiße [NAME]."),
    ("我叫王小明，请帮我。", "我叫[NAME]，请帮我。"),
    ("你好，我是Chiara Brennan。", "你好，我是[NAME]。"),
    ("田中と申します。", "[NAME]と申します。"),
    ("Can Maria Lopez join the call?", "Can [NAME] join the call?"),
    ("I sent it to Garcia yesterday.", "I sent it to [NAME] yesterday."),
    ("It is for Maria's wedding.", "It is for [NAME]'s wedding."),
])
func namesAreMaskedAfterCuesAndFromTheList(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: [
    "How do I fix a KeyError in Python on Windows?",
    "I'm looking for a recipe for Spanish tortilla.",
    "Hello World is the first program.",
    "Plan a trip to Japan in April, then Paris.",
    "My Honda Civic has worn brake pads.",
    "Will the May frost hurt my Rose bushes?",
    "Flights to San Francisco and St Louis, then Sofia.",
    "I need a Phillips screwdriver and an Allen key for the brake caliper.",
    "Store the jam in a Mason jar; is Julia faster than Python?",
])
func capitalisedNonNamesAreKept(input: String) {
    #expect(masker.mask(input) == input)
}

// MARK: gaps the evaluation found (account numbers with letters, digits against CJK text,
// street addresses, further name cues). Expected strings are written by hand from the shapes
// scripts/make-eval-data.py plants.

@Test(arguments: [
    ("My account number is ACC991580955.", "My account number is [NUMBER]."),
    ("The customer ID on my file is ID-4417-2291.", "The customer ID on my file is [NUMBER]."),
    ("IBAN DE89370400440532013000 please", "IBAN [NUMBER] please"),
    ("passport X1234567 expires", "passport [NUMBER] expires"),
    ("DNI 12345678Z, gracias", "DNI [NUMBER], gracias"),
    ("ref AB-12-34-56 attached", "ref [NUMBER] attached"),
])
func accountAndIDTokensWithLettersAreMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// Full-width letters and digits are read as ASCII (a text with nothing masked comes back as written); short codes of capitals and
/// digits after a cue, the last four digits of a card, and German "Nr." abbreviations.
@Test(arguments: [
    ("口座番号は１２３４５６７です。", "口座番号は[NUMBER]です。"),
    ("会員番号は ＡＢ－１２３４５ です。", "会員番号は [NUMBER] です。"),
    ("メールはｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍです。", "メールは[EMAIL]です。"),
    ("ＰＣが２台あります。", "ＰＣが２台あります。"),
    ("Booking reference QX7P2M is wrong.", "Booking reference [NUMBER] is wrong."),
    ("The card ending in 4242 was declined.", "The card ending in [NUMBER] was declined."),
    ("Mi tarjeta termina en 1234 y la rechazan.", "Mi tarjeta termina en [NUMBER] y la rechazan."),
    ("Meine Kd.-Nr. 123456 steht oben.", "Meine Kd.-Nr. [NUMBER] steht oben."),
    ("The fiscal year ending in 2024 was good.", "The fiscal year ending in 2024 was good."),
    ("Reference ABC for the chapter.", "Reference ABC for the chapter."),
    ("My NI number is QQ 12 34 56 C, do I need it?", "My NI number is [NUMBER], do I need it?"),
    ("número de socio 004512, ¿cómo me doy de baja?", "número de socio [NUMBER], ¿cómo me doy de baja?"),
    ("会員IDは abc12345 です。", "会員IDは [NUMBER] です。"),
    ("My employee number is 004521 and HR lost my file.", "My employee number is [NUMBER] and HR lost my file."),
    ("my PIN is 4821, is it safe?", "my PIN is [NUMBER], is it safe?"),
    ("暗証番号は1234です。", "暗証番号は[NUMBER]です。"),
    ("Use pin 13 for the LED.", "Use pin 13 for the LED."),
    ("The student 5 of 30 passed.", "The student 5 of 30 passed."),
    ("Mon numéro de compte 30002 00550 0000157841Z 25 est bloqué.", "Mon numéro de compte [NUMBER] est bloqué."),
    ("Mein Konto 4711 ist gesperrt.", "Mein Konto [NUMBER] ist gesperrt."),
    ("The account 2023 report is due.", "The account 2023 report is due."),
])
func fullWidthFormsShortCodesAndLastDigits(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// "Policy no. [NUMBER]" is one sentence; "I said no. Then" is two.
@Test func anAbbreviationOfNumberBeforeANumberDoesNotEndTheSentence() {
    #expect(ExtractiveSummarizer.sentences("Policy no. [NUMBER] should cover it. Kd.-Nr. 42 steht oben.") == ["Policy no. [NUMBER] should cover it.", "Kd.-Nr. 42 steht oben."])
    #expect(ExtractiveSummarizer.sentences("I said no. Then I left.") == ["I said no.", "Then I left."])
}

@Test(arguments: [
    "Set the screen to 1920x1080 or 3840x2160.",
    "My car has 150000km and a 20000mAh power bank.",
    "Use gpt-4o-2024-08-06 or claude-3-5-sonnet-20240620 with Python 3.11.7 on x86-64.",
    "The RTX4090 beats the RTX3080 by 40%.",
    "Order SKU A123 and 2 cups of sugar at 10:30 for $12.99.",
    "Meet at 2024-03-02T10:30:00 in room B12.",
    "It was the 1000000th visitor in 2023.",
])
func lettersWithFewDigitsOrOrdinaryShapesAreNotMaskedAsIDs(input: String) {
    #expect(masker.mask(input) == input)
}

@Test(arguments: [
    ("我的账号是2813073855。", "我的账号是[NUMBER]。"),
    ("我的电话是138 1234 5678。", "我的电话是[PHONE]。"),
    ("電話は090-1234-5678です。", "電話は[PHONE]です。"),
    ("我的账号是ACC991580955。", "我的账号是[NUMBER]。"),
])
func digitsDirectlyAgainstCJKTextAreMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: [
    "我有3个苹果，2024年3月2日买的。",
    "价格是12.50元，版本3.11.7。",
])
func ordinaryNumbersInCJKTextAreKept(input: String) {
    #expect(masker.mask(input) == input)
}

@Test(arguments: [
    ("I live at 221B Baker Street, London.", "I live at [ADDRESS]."),
    ("Ship it to 164 Oakwood Avenue, Portland please.", "Ship it to [ADDRESS] please."),
    ("i live at 164 oakwood avenue, portland", "i live at [ADDRESS], portland"),
    ("Vivo en Calle Mayor 12, Sevilla.", "Vivo en [ADDRESS]."),
    ("Vivo en Calle de Alcalá 123.", "Vivo en [ADDRESS]."),
    ("J'habite au 12 rue de la Paix, Lyon.", "J'habite au [ADDRESS]."),
    ("J'habite au 7 avenue Jean Jaurès.", "J'habite au [ADDRESS]."),
    ("Ich wohne in der Hauptstraße 5, Köln.", "Ich wohne in der [ADDRESS]."),
    ("Moro na Rua das Flores, 150, Porto Alegre.", "Moro na [ADDRESS]."),
    ("Moro na Avenida Paulista, 1500.", "Moro na [ADDRESS]."),
    ("我住在北京市朝阳区人民路256号。", "我住在[ADDRESS]。"),
    ("请寄到中山路18号，谢谢。", "请寄到[ADDRESS]，谢谢。"),
])
func streetAddressesAreMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: [
    "It is a 20 minute drive from the station.",
    "Repeat it 3 times close to the wall.",
    "I walked 5 miles down the road.",
    "Bake 2 cups of flour in a 3 lane oven.",
    "In Spring 2024 I moved to Hamburg.",
    "Send it via email 5 times.",
    "我的地址在北京。",
])
func proseWithStreetWordsIsNotAnAddress(input: String) {
    #expect(masker.mask(input) == input)
}

@Test(arguments: [
    ("This is Olivia Whitfield writing.", "This is [NAME] writing."),
    ("this is olivia whitfield writing", "this is [NAME] writing"),
    ("Hola. Soy Lucía Castellanos.", "Hola. Soy [NAME]."),
    ("Me llamo Mateo Villanueva.", "Me llamo [NAME]."),
    ("Je m'appelle Chloé Girardot.", "Je m'appelle [NAME]."),
    ("Bonjour, je suis Hugo Vasseur.", "Bonjour, je suis [NAME]."),
    ("Ich heiße Greta Falkenstein.", "Ich heiße [NAME]."),
    ("Ich bin Jonas Oberhauser.", "Ich bin [NAME]."),
    ("Meu nome é Larissa Siqueira.", "Meu nome é [NAME]."),
    ("Sou o Thiago Cavalcanti.", "Sou o [NAME]."),
    ("Sou Fernanda Brandão.", "Sou [NAME]."),
    ("我是王伟。", "我是[NAME]。"),
    ("我叫李娜。", "我叫[NAME]。"),
    ("我的名字是陈静。", "我的名字是[NAME]。"),
    ("私は佐藤です。", "私は[NAME]です。"),
    ("私はマリアです。", "私は[NAME]です。"),
    ("my name is olivia whitfield and i need help", "my name is [NAME] and i need help"),
    ("i'm olivia whitfield, by the way", "i'm [NAME], by the way"),
    ("Thanks!\nFernanda Brandão", "Thanks!\n[NAME]"),
    ("Help me please. Thanks! Thandiwe Okonkwo", "Help me please. Thanks! [NAME]"),
])
func namesAfterFurtherCuesAreMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: [
    "This is Python code, not a name.",
    "我是学生。",
    "我是一个程序员。",
    "私は学生です。",
    "Soy de México y soy estudiante.",
    "Je suis très content.",
    "Ich bin müde.",
    "i'm tired and i'm trying again",
    "Add soy sauce to the stir fry.",
    "Danke! Kannst du ein Beispiel geben?",
    "Obrigado! Pode dar um exemplo?",
    "Thanks! It's for a tabletop campaign.",
])
func cuesFollowedByOrdinaryWordsAreKept(input: String) {
    #expect(masker.mask(input) == input)
}

// MARK: masking that generalises (issue 19): address forms of each language the summarizer
// reads, with the number before or after the street, units and postcodes, and names after the
// usual cues. The names, streets and cities here are not the evaluation generator's.

@Test func theIssuesExampleLosesBothTheNameAndTheAddress() {
    #expect(masker.mask("this is Kwame Okafor from 62 Calle Mayor. How do they make a healthy breakfast with spinach.")
        == "this is [NAME] from [ADDRESS]. How do they make a healthy breakfast with spinach.")
}

@Test(arguments: [
    ("Deliver to 1600 Pennsylvania Ave NW, Washington, DC 20500.", "Deliver to [ADDRESS]."),
    ("We live at 742 Evergreen Terrace, Springfield.", "We live at [ADDRESS]."),
    ("Envíalo al 15 Avenida de Mayo, por favor.", "Envíalo al [ADDRESS], por favor."),
    ("I stayed at 9 Plaza de Armas in Cusco.", "I stayed at [ADDRESS] in Cusco."),
    ("J'habite 8, boulevard Haussmann, 75009 Paris.", "J'habite [ADDRESS]."),
    ("Mon adresse est 3 place Bellecour, 69002 Lyon.", "Mon adresse est [ADDRESS]."),
    ("Wir sind in 5 Hauptstraße gezogen.", "Wir sind in [ADDRESS] gezogen."),
    ("We rent 4 Rua Direita in Braga.", "We rent [ADDRESS] in Braga."),
])
func addressesWithTheNumberBeforeTheStreetAreMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: [
    ("Vivo en Calle Sierpes 48, 41004 Sevilla.", "Vivo en [ADDRESS]."),
    ("Mi casa está en Av. de la Constitución 18, 3º izq., 41004 Sevilla.", "Mi casa está en [ADDRESS]."),
    ("Vivo en C/ Gran Vía 28, 5ºA, 28013 Madrid.", "Vivo en [ADDRESS]."),
    ("La oficina está en Carrera 7 # 45-12, Bogotá.", "La oficina está en [ADDRESS]."),
    ("Moro na Rua Direita, 45, Braga.", "Moro na [ADDRESS]."),
    ("Moro na Rua Oscar Freire, 379 - apto 81, São Paulo.", "Moro na [ADDRESS]."),
    ("Rua Augusta 274, 1100-053 Lisboa", "[ADDRESS]"),
    ("Abito in Via Nazionale 194, 00184 Roma.", "Abito in [ADDRESS]."),
    ("abito in via Roma 12, Milano.", "abito in [ADDRESS]."),
    ("vivo en la calle Mayor 62, Madrid.", "vivo en la [ADDRESS]."),
    ("Il mio indirizzo è Piazza del Duomo 1, 20122 Milano.", "Il mio indirizzo è [ADDRESS]."),
    ("Abito in Corso Vittorio Emanuele II 21, 10121 Torino.", "Abito in [ADDRESS]."),
    ("Wir wohnen in der Karl-Marx-Allee 90, 10243 Berlin.", "Wir wohnen in der [ADDRESS]."),
    ("Ich wohne Kastanienweg 14b, 80331 München.", "Ich wohne [ADDRESS]."),
    ("Adresse: Bahnhofstr. 12, 04109 Leipzig", "Adresse: [ADDRESS]"),
    ("Schick es an Kölner Straße 3, Bonn.", "Schick es an [ADDRESS]."),
    ("Meine Adresse lautet Auf dem Hügel 7, 53121 Bonn.", "Meine Adresse lautet [ADDRESS]."),
    ("Mijn adres is Keizersgracht 123-II, 1015 CJ Amsterdam.", "Mijn adres is [ADDRESS]."),
    ("ул. Тверская, д. 7, кв. 15, Москва", "[ADDRESS]"),
])
func addressesWithTheNumberAfterTheStreetAreMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: [
    ("我家在广东省深圳市福田区深南大道6008号。", "我家在[ADDRESS]。"),
    ("寄到杭州市西湖区文三路478号3栋502室，谢谢。", "寄到[ADDRESS]，谢谢。"),
    ("我住在阳光小区5栋302室。", "我住在[ADDRESS]。"),
    ("住所は東京都千代田区丸の内1丁目9番1号です。", "住所は[ADDRESS]です。"),
    ("〒150-0041 東京都渋谷区神南1-2-3に住んでいます。", "[ADDRESS]に住んでいます。"),
    ("大阪府大阪市中央区難波５丁目１－６０", "[ADDRESS]"),
    ("서울특별시 강남구 테헤란로 152", "[ADDRESS]"),
    ("서울시 강남구 역삼동 123-45", "[ADDRESS]"),
])
func chineseJapaneseAndKoreanAddressesAreMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: [
    ("Ship to Apt 4B, 221B Baker Street, London SW1A 1AA please.", "Ship to [ADDRESS] please."),
    ("Flat 2, 10 Elm Grove, Leeds LS6 2QT", "[ADDRESS]"),
    ("Send it to Unit 12, 45 Harbour Road, Auckland 1010.", "Send it to [ADDRESS]."),
    ("42 Wallaby Way, Sydney NSW 2000", "[ADDRESS]"),
    ("My office: 350 Fifth Avenue, Suite 300, New York, NY 10118", "My office: [ADDRESS]"),
    ("123 Main St #4, Springfield", "[ADDRESS]"),
    ("Rua Augusta, 100, 2º Esq., Lisboa", "[ADDRESS]"),
    ("I'm in Apt 12 on the top floor.", "I'm in [ADDRESS] on the top floor."),
    ("Vivo en el piso 3 del edificio.", "Vivo en el [ADDRESS] del edificio."),
    ("Le colis va au 75011 Paris.", "Le colis va au [ADDRESS]."),
    ("Wir ziehen nach 10115 Berlin.", "Wir ziehen nach [ADDRESS]."),
    ("Postcode SW1A 1AA, please.", "Postcode [ADDRESS], please."),
    ("Springfield, IL 62704", "Springfield, [ADDRESS]"),
    ("CEP 01310-100", "[ADDRESS]"),
    ("Write to PO Box 4471, Nairobi.", "Write to [ADDRESS]."),
])
func unitsAndPostcodesAreMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: [
    "Add 3 cups of flour, then install Python 3.12.",
    "I bought 2 via PayPal and 3 via Stripe.",
    "Send it via email and wait 5 days.",
    "Im Jahr 2020 habe ich angefangen.",
    "Am Montag 3 Stunden gelernt.",
    "Mein Heimweg 20 Minuten lang.",
    "I paid 50000 Euros for the car.",
    "In 2024 Paris hosted the Olympics.",
    "The year 1066 AD Rome was a battle.",
    "Mean : 26332 Mean : 44.03",
    "Corso Python 3 per principianti.",
    "Route 66 crosses eight states.",
    "It is the 2nd Street Fighter game.",
    "Le 2º lugar fue para ellos.",
    "私は30歳です。",
    "亚太地区1-2月的销售额。",
    "Take 2 place cards and 4 cups.",
    "We met via Teams 3 times.",
    "Ho comprato via Amazon 3 libri.",
])
func numbersThatAreNotAddressesAreKept(input: String) {
    #expect(masker.mask(input) == input)
}

@Test(arguments: [
    ("Hey, this is Obiageli Nwachukwu, I need help with my taxes.", "Hey, this is [NAME], I need help with my taxes."),
    ("Hello there, this is Dr. Farouk Haddad from Cairo.", "Hello there, this is Dr. [NAME] from Cairo."),
    ("Hi! I'm Sunniva Fjeldstad and I'm learning Norwegian.", "Hi! I'm [NAME] and I'm learning Norwegian."),
    ("I am Rahul Venkataraman, a data scientist.", "I am [NAME], a data scientist."),
    ("My name's Tomasz Wróblewski.", "My name's [NAME]."),
    ("Name: Ayodele Balogun", "Name: [NAME]"),
    ("Hello Damilola, this is about \"The Code Concierge\" and \"The Plan\".", "Hello [NAME], this is about \"The Code Concierge\" and \"The Plan\"."),
    ("Sent from my phone. Ngozi here.", "Sent from my phone. [NAME] here."),
    ("Obiageli speaking, I have a question.", "[NAME] speaking, I have a question."),
    ("Hi, it's Kwesi here.", "Hi, it's [NAME] here."),
    ("The name's Adebayo.", "The name's [NAME]."),
])
func englishSelfIntroductionsAreMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: [
    ("Hola, soy Itzel Cuauhtémoc. ¿Me ayudas?", "Hola, soy [NAME]. ¿Me ayudas?"),
    ("me llamo Anahí Quispe Mamani", "me llamo [NAME]"),
    ("Soy Lucía Castellanos Quintero y vivo en Lima.", "Soy [NAME] y vivo en Lima."),
])
func spanishSelfIntroductionsAreMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: [
    ("Je m'appelle Maëlys Kerbrat et j'habite à Brest.", "Je m'appelle [NAME] et j'habite à Brest."),
    ("Bonjour, je suis Yannick Le Goff.", "Bonjour, je suis [NAME]."),
    ("Moi, c'est Soline Abadie.", "Moi, c'est [NAME]."),
])
func frenchSelfIntroductionsAreMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: [
    ("Ich heiße Dörte Ostermann-Kühl.", "Ich heiße [NAME]."),
    ("Hallo, ich bin Friedrich von Hohenberg.", "Hallo, ich bin [NAME]."),
    ("Ich bin die Ottilie und brauche Hilfe.", "Ich bin die [NAME] und brauche Hilfe."),
])
func germanSelfIntroductionsAreMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: [
    ("Mi chiamo Ludovica Santangelo.", "Mi chiamo [NAME]."),
    ("Ciao! Sono Pietro Lo Russo.", "Ciao! Sono [NAME]."),
])
func italianSelfIntroductionsAreMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: [
    ("Meu nome é Joaquim Figueira da Costa.", "Meu nome é [NAME]."),
    ("Olá, eu sou Thaís Bezerra.", "Olá, eu sou [NAME]."),
    ("Oi, me chamo Raimundo Nonato.", "Oi, me chamo [NAME]."),
])
func portugueseSelfIntroductionsAreMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: [
    ("Ik ben Joris van der Berg.", "Ik ben [NAME]."),
    ("Mijn naam is Sietske Hoekstra.", "Mijn naam is [NAME]."),
])
func dutchSelfIntroductionsWithParticlesAreMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: [
    ("你好，我是慕容雪，想请教一个问题。", "你好，我是[NAME]，想请教一个问题。"),
    ("本人欧阳明，请帮我看看。", "本人[NAME]，请帮我看看。"),
    ("私は佐々木小次郎です。", "私は[NAME]です。"),
    ("私は高村です。よろしく。", "私は[NAME]です。よろしく。"),
    ("はじめまして、藤井と申します。", "はじめまして、[NAME]と申します。"),
    ("はじめまして、高村です。よろしくお願いします。", "はじめまして、[NAME]です。よろしくお願いします。"),
    ("叫我小欧就好。", "叫我[NAME]就好。"),
    ("저는 김민수입니다.", "저는 [NAME]입니다."),
])
func chineseJapaneseAndKoreanSelfIntroductionsAreMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: [
    ("Help me.\nThanks in advance,\nGwendolyn Achterberg", "Help me.\nThanks in advance,\n[NAME]"),
    ("Can you check it?\n\nBest,\nIfeoma", "Can you check it?\n\nBest,\n[NAME]"),
    ("Can you check it? Cheers, Taavi", "Can you check it? Cheers, [NAME]"),
    ("ok thanks, Kwame", "ok thanks, [NAME]"),
    ("Un saludo,\nXiomara", "Un saludo,\n[NAME]"),
    ("Bien à vous,\nAurélien Desjardins", "Bien à vous,\n[NAME]"),
    ("Liebe Grüße,\nHedwig", "Liebe Grüße,\n[NAME]"),
    ("Cordiali saluti,\nOttavio Benedetti", "Cordiali saluti,\n[NAME]"),
    ("Abraço,\nCaetano", "Abraço,\n[NAME]"),
    ("Ciao,\nGiuliana", "Ciao,\n[NAME]"),
    ("Met vriendelijke groet,\nWillemijn de Boer", "Met vriendelijke groet,\n[NAME]"),
    ("Is this right?\n\n— Babajide", "Is this right?\n\n— [NAME]"),
    ("Thanks! - Priyanka", "Thanks! - [NAME]"),
    ("请帮我看看。\n谢谢！\n欧阳明", "请帮我看看。\n谢谢！\n[NAME]"),
    ("よろしくお願いします。\n高村健一", "よろしくお願いします。\n[NAME]"),
])
func signOffsInEachLanguageAreMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test func aNameFoundAfterACueIsMaskedWhereverElseItStands() {
    #expect(masker.mask("My name is Ngozi Adichie. Adichie is my family name and Ngozi my own.")
        == "My name is [NAME]. [NAME] is my family name and [NAME] my own.")
}

@Test(arguments: [
    "I'm Happy to help with that.",
    "I'm Excited about the trip and I'm Building a shed.",
    "soy estudiante y vivo en Madrid",
    "Soy de México.",
    "Je suis fatigué.",
    "Ich bin Student und brauche Hilfe.",
    "Ich bin Ende 30.",
    "Sono stanco oggi.",
    "Eu sou professora.",
    "This is Chapter 3 of my book.",
    "This is Google Sheets, not Excel.",
    "Thanks, Everyone for the help",
    "To revisit the Path of Universal Love, Compassion, and Self-Discovery",
    "Beste Grüße\nund bis bald",
    "Hi Team, quick question",
    "How I Am Building A Startup",
    "I Do - Therefore I Am Vs. I Am Therefore I Do",
    "Dear God, help me pass.",
    "Politically speaking, no.",
    "It's Christmas and I need gift ideas.",
    "It is Me again.",
    "元気です。",
    "- Flour\n- Sugar\n- Eggs",
    "Country – Ireland\nNext line",
    "name: Tipo\nvalue: Líder",
    "Customs UCC\nPortal here.",
    "私はエンジニアです。",
    "私は東京出身です。",
    "我是高中生。",
    "我是白领。",
    "저는 학생입니다.",
    "the passing of Lord Death Sr. Despite not being there",
])
func cuesBeforeOrdinaryWordsAreKept(input: String) {
    #expect(masker.mask(input) == input)
}

// MARK: the evaluation generator's planted details, masked in the whole user text

private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Runs `python3 arguments…` in the package root and returns its exit status and messages.
private func python(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    process.currentDirectoryURL = packageRoot
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, message)
}

/// The masker alone, on every user message of the evaluation set (not only what the extract
/// keeps), judged by scripts/evaluate.py's leak rules: issue 19's targets hold on every form
/// scripts/make-eval-data.py plants. Prints the leak counts per kind.
@Test func maskedUserTextsOfTheEvaluationSetMeetTheLeakTargets() throws {
    let dir = URL(fileURLWithPath: temporaryPath("mask-eval"))
    let generated = try python(["scripts/make-eval-data.py", "--count", "3000", "--seed", "8", "--out", dir.path])
    try #require(generated.status == 0, "\(generated.stderr)")
    var lines: [String] = []
    for conversation in try Fixture.conversations([dir.appendingPathComponent("conversations.jsonl").path]) {
        let masked = conversation.messages.filter { $0.role == "user" }.map { masker.mask($0.content) }
        let record: [String: Any] = ["id": conversation.id.stringValue ?? "", "facets": ["request": masked.joined(separator: "\n")]]
        lines.append(String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self))
    }
    try (lines.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("masked.jsonl"), atomically: true, encoding: .utf8)
    let evaluated = try python([
        "scripts/evaluate.py", "--truth", dir.appendingPathComponent("truth.jsonl").path,
        "--summaries", dir.appendingPathComponent("masked.jsonl").path, "--json", dir.appendingPathComponent("metrics.json").path,
    ])
    try #require(evaluated.status == 0, "\(evaluated.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("metrics.json"))) as? [String: Any]
    let metrics = try #require(json?["metrics"] as? [String: Any])
    func count(_ key: String) -> Int { (metrics[key] as? NSNumber)?.intValue ?? -1 }
    for kind in ["name", "email", "phone", "address", "id"] {
        print("masked user texts: \(kind) \(count("planted_\(kind)_leaked")) of \(count("planted_\(kind)")) planted survive")
    }
    for kind in ["email", "phone", "id"] {
        #expect(count("planted_\(kind)_leaked") == 0, "\(kind)")
    }
    for kind in ["name", "address"] {
        #expect(count("planted_\(kind)") > 200, "\(kind)")
        #expect(Double(count("planted_\(kind)_leaked")) <= 0.015 * Double(count("planted_\(kind)")), "\(kind)")
    }
}

/// Names of many cultures from the generated gazetteer are masked without a cue, mid-sentence.
@Test(arguments: [
    ("Please write a toast for Oluwaseun's retirement party", "Please write a toast for [NAME]'s retirement party"),
    ("Can you help Thandiwe and Priyanka plan a picnic?", "Can you help [NAME] and [NAME] plan a picnic?"),
    ("Draft a thank-you card to Nkechi from the whole office", "Draft a thank-you card to [NAME] from the whole office"),
    ("Remind Siddharth that the report is late", "Remind [NAME] that the report is late"),
    ("Is Tesfaye coming to dinner on Friday?", "Is [NAME] coming to dinner on Friday?"),
    ("write a birthday poem for Bongani", "write a birthday poem for [NAME]"),
])
func multiculturalNamesAreMaskedWithoutACue(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// Capitalised everyday and topical words that are also names somewhere stay.
@Test(arguments: [
    "Fix my Python script that reads an Excel file",
    "Will it work on Linux?",
    "May I ask about the Rose garden?",
    "Write a Grant proposal for the Summer school",
    "Compare Amazon and Oracle cloud prices",
    "Help me learn Ruby and Swift and Go",
    "Plan a trip to Jordan and Victoria in August",
])
func everydayAndTopicalWordsStay(input: String) {
    #expect(masker.mask(input) == input)
}

/// Addresses written so machines cannot read them, and one without its domain's end; the sites
/// and code that share their words stay.
@Test(arguments: [
    ("email me at kwame dot okafor at gmail dot com", "email me at [EMAIL]"),
    ("kwame at gmail dot com", "[EMAIL]"),
    ("kwame[at]example.com", "[EMAIL]"),
    ("write to kwame (at) gmail (dot) com", "write to [EMAIL]"),
    ("my email is kwame.okafor@gmail", "my email is [EMAIL]"),
    ("look at google dot com", "look at google dot com"),
    ("I work at Acme dot com startup", "I work at Acme dot com startup"),
])
func spelledOutEmailAddresses(input: String, expected: String) {
    #expect(PIIMasker().mask(input) == expected)
}
