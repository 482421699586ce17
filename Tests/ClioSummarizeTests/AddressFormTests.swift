import Testing
@testable import ClioSummarize

private let masker = PIIMasker()

/// Street addresses of the forms the masker learned after the held-out run: Catalan, Polish and
/// Malay street words, "número" before the number, Canadian and Polish postcodes, "Level 3",
/// "4/22", "N." and "West" around an English street, "9/B", Spanish floors written out, Chinese
/// building parts. Each sentence keeps its words around the one placeholder.
@Test(arguments: [
    "Please send the package to 1420 Maple Grove Drive, Springfield, IL 62704.",
    "I live at 77 Harrow Lane in Leeds and need a plumber.",
    "Our office is at Suite 300, 2500 Market St, San Francisco.",
    "Deliver it to Flat 2B, 14 Kingsley Road, London SW4 7HX.",
    "Mi dirección es Avenida de la Constitución 45, 3º izquierda, Sevilla.",
    "Vivo en la calle Alcalá número 120, Madrid.",
    "J'habite au 8 boulevard Saint-Michel, 75005 Paris.",
    "Mon adresse : 15, allée des Tilleuls, Lyon.",
    "Ich wohne in der Goethestraße 17, 80336 München.",
    "Meine Adresse ist Kastanienallee 9, Berlin.",
    "Abito in via Garibaldi 23, Torino.",
    "Il mio indirizzo è Corso Vittorio Emanuele II 104, Napoli.",
    "Moro na Rua Augusta, 1500, apto 42, São Paulo.",
    "A morada é Avenida da Liberdade 210, Lisboa.",
    "我住在上海市浦东新区世纪大道88号。",
    "地址是北京市海淀区中关村大街27号。",
    "東京都渋谷区神南1-2-3に住んでいます。",
    "Send it to 4/22 Beach Road, Bondi NSW 2026.",
    "I'm at 9 Rue des Écoles, Apt 5, Montréal QC H2X 1Y4.",
    "The venue is at 350 Fifth Avenue, New York, NY 10118.",
    "Write a letter to my landlord at 12B Orchard Close, Bristol BS8 1TH.",
    "My home is 56 Elm St. Apt 4, Boston MA 02115.",
    "We are located at Unit 7, 88 Queen Street West, Toronto ON M5H 2M9.",
    "Hotel address: Carrer de Mallorca 401, 08013 Barcelona.",
    "Woon op Keizersgracht 123, 1015 CJ Amsterdam.",
    "ul. Marszałkowska 84/92, 00-514 Warszawa is my address.",
    "I moved to 2210 N. Lincoln Ave, Chicago.",
    "Send the invoice to 45 Church Street, Level 3, Auckland 1010.",
    "Lives at 3 Station Approach, Woking GU22 7AP.",
    "Address: 1024 Calle Sol, Apt. 3, San Juan, PR 00907.",
    "My flat is at Praça da Sé 12, 2º andar.",
    "Please visit us at Piazza Navona 45, 00186 Roma.",
    "Our shop: Hauptstr. 45a, 10115 Berlin.",
    "Studio in Via dei Mille 9/B, Milano.",
    "我家在广州市天河区体育西路103号维多利广场B座2201室。",
    "I stay at 18 Jalan Ampang, 50450 Kuala Lumpur.",
    "Deliver to 221 Lakeshore Blvd East, Apt 1203.",
])
func anAddressOfAnyOfTheseFormsBecomesOnePlaceholder(input: String) {
    let masked = masker.mask(input)
    #expect(masked.components(separatedBy: "[ADDRESS]").count == 2, "\(masked)")
    // No digit of the address is left outside the placeholder.
    let digitsLeft = masked.filter { $0.isNumber }
    #expect(digitsLeft.isEmpty, "\(masked)")
}

/// Words that look like the new street words but are prose stay.
@Test(arguments: [
    "the level 3 boss in the game is hard",
    "I bought 2 Jalapeño peppers",
    "we need 3 approaches to solve this",
    "score 4/22 on the test, then 10 Heights of Abraham facts",
    "the plaça is nice in summer",
])
func proseNearTheNewStreetWordsStays(input: String) {
    #expect(!masker.mask(input).contains("[ADDRESS]"), "\(masker.mask(input))")
}

/// Streets without a house number after an address cue, French, Spanish and Portuguese street
/// words, "s/n", German floors, and Chinese, Japanese and Korean parts around a masked address.
@Test(arguments: [
    ("Ma nouvelle adresse est rue Roux ; comment la changer ?", "Ma nouvelle adresse est [ADDRESS] ; comment la changer ?"),
    ("Je dois envoyer un colis à Paul, chemin Coigny. Lequel ?", "Je dois envoyer un colis à [NAME], [ADDRESS]. Lequel ?"),
    ("Mi nueva dirección es Cañada de Hilda Piquer 334, Ourense, 33613; ¿cómo?", "Mi nueva dirección es [ADDRESS]; ¿cómo?"),
    ("J'habite au 237 montée Agnès, Québec.", "J'habite au [ADDRESS]."),
    ("Sou Ana e moro na Avenida de Lima, S/N. Como tiro o título?", "Sou [NAME] e moro na [ADDRESS]. Como tiro o título?"),
    ("I live on Elm Street and my neighbour is loud.", "I live on [ADDRESS] and my neighbour is loud."),
    ("Meine Adresse ist Bahnhofstrasse 45, 2. Stock, 8001 Zürich: stimmt das?", "Meine Adresse ist [ADDRESS]: stimmt das?"),
    ("我要给外婆寄东西，地址是江西省赣州市于都县罗坳镇大坪村三组，收件人是她。", "我要给外婆寄东西，地址是[ADDRESS]，收件人是她。"),
    ("房号 7栋2单元1601，卫生间漏水。", "房号 [ADDRESS]，卫生间漏水。"),
    ("我在北京市朝阳区建国路88号SOHO现代城5号楼2306租了个工位。", "我在[ADDRESS]租了个工位。"),
    ("愛知県名古屋市中村区名駅4丁目7-1 ミッドランドスクエア 35Fで働いています。", "[ADDRESS]で働いています。"),
    ("宛名：京都府京都市左京区北白川追分町 京大前コーポ201 で合ってますか？", "宛名：[ADDRESS] で合ってますか？"),
    ("グランドメゾン浜松508号室の住人です。", "[ADDRESS]の住人です。"),
    ("札幌市中央区南3条西5丁目16のお宅へ伺います。", "[ADDRESS]のお宅へ伺います。"),
    ("旭川市4条通8丁目1703です", "[ADDRESS]です"),
    ("南4条西3丁目16時集合で", "[ADDRESS]16時集合で"),
    ("京都市中京区烏丸通御池上る二条殿町552 アーバン烏丸305", "[ADDRESS]"),
    ("Mon adresse est le 1275, boul. René-Lévesque Ouest, app. 1806, Montréal.", "Mon adresse est le [ADDRESS]."),
    ("경기도 성남시 분당구 정자일로 95 근처에 점심 먹을 곳", "[ADDRESS] 근처에 점심 먹을 곳"),
    ("대구광역시 수성구 동대구로 364 범어타워 1502호로 이사했는데", "[ADDRESS]로 이사했는데"),
    // A four-digit house number that reads like a year, opening the street after a cue.
    ("Draft a complaint: my flat at 2018 Cecil Indawo has no heating.", "Draft a complaint: my flat at [ADDRESS] has no heating."),
    ("Vivo en Avenida carrera 2ª # 7-73 Este, 884020 El Carmen. ¿Cómo?", "Vivo en [ADDRESS]. ¿Cómo?"),
])
func streetsWithoutNumbersAndCJKPartsAreMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// Prose near those words stays.
@Test(arguments: [
    "I moved to Wall Street Journal style writing.",
    "We moved to a new place last year.",
    "Er wohnt in Berlin seit 2010.",
    "Vivo en España desde 2010 y me gusta.",
    "I have lived at home since 2019 with my parents.",
    "会议在3楼的会议室。",
    "我家在5号楼，你来吧。",
    "第3章第2节讲的是什么？",
    "我在广东省工作了5年。",
    "東京都千代田区の会社に勤めています。",
    "서울에서 2호선을 타요.",
    "この会議室は3階にあります。",
])
func proseNearStreetsWithoutNumbersStays(input: String) {
    #expect(!masker.mask(input).contains("[ADDRESS]"), "\(masker.mask(input))")
}

/// Addresses written all in lower case after a cue, as casual text does; a unit's dot and a
/// town's lower-case words before its state and postcode.
@Test(arguments: [
    ("my address is 14 rue des lilas, paris", "my address is [ADDRESS]"),
    ("i live at 42 wallaby way sydney", "i live at [ADDRESS]"),
    ("mi dirección es calle luna 7, málaga", "mi dirección es [ADDRESS]"),
    ("abito in via roma 15", "abito in [ADDRESS]"),
    ("ich wohne in der hauptstraße 5", "ich wohne in [ADDRESS]"),
    ("moro na rua das flores 123", "moro na [ADDRESS]"),
    ("i live at 42 wallaby way and i love it", "i live at [ADDRESS] and i love it"),
    ("My new address is 35420 Fuller Walks Apt. 537, Smithbury, FM 52404; help me.", "My new address is [ADDRESS]; help me."),
    ("Mi nueva dirección es Avenida Bulgaria 734 Interior 207, San Carlos los altos, SIN 92396; ¿cómo la cambio?", "Mi nueva dirección es [ADDRESS]; ¿cómo la cambio?"),
    ("Abito in Via Roma 15 da 3 anni, cerco palestra", "Abito in [ADDRESS] da 3 anni, cerco palestra"),
    ("Die Miete für die Wohnung in der Hauptstraße 12, 3. OG links, 10827 Berlin ist fällig.", "Die Miete für die Wohnung in der [ADDRESS] ist fällig."),
    ("A festa é na Quinta do Vale, Lugar de Paredes, 4940-027 Paredes de Coura.", "A festa é na [ADDRESS]."),
    ("Dirección de envío: Urbanización Los Olivos, Manzana 5, Lote 12, Lima 15023.", "Dirección de envío: [ADDRESS]."),
    ("Mi piso está en Gran Vía 28, 5ºD, Madrid; busco compañero.", "Mi piso está en [ADDRESS]; busco compañero."),
    ("地址：广东省深圳市南山区科技园科兴科学园A栋3单元1201", "地址：[ADDRESS]"),
    ("收货地址：浙江省杭州市余杭区五常街道文一西路969号", "收货地址：[ADDRESS]"),
    ("Meu novo endereço é Campo Lara Vieira, 8; como atualizo no banco?", "Meu novo endereço é [ADDRESS]; como atualizo no banco?"),
    ("I live in apartment 5C at 410 East 50th Street.", "I live in [ADDRESS] at [ADDRESS]."),
    ("The eircode for my house is D02 X285.", "The eircode for my house is [ADDRESS]."),
    ("House number 14, Lane 3, Sector 15, Noida 201301.", "House number [ADDRESS]."),
    ("Pls send to 500 w madison st ste 1000 chicago il 60661", "Pls send to [ADDRESS]"),
    ("Meu novo endereço é R. de Rocha, 217, 5818-009 Santa Cruz; como atualizo?", "Meu novo endereço é [ADDRESS]; como atualizo?"),
])
func addressesInLowerCaseAndTheirTails(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// What a lower-case address after a cue must leave: homes, spans of time, floors of an office.
@Test(arguments: [
    "i live at home with 2 cats",
    "vivo en la calle hace 3 años",
    "ship to the office on floor 3 please",
    "ich wohne in der nähe von 5 seen",
    "live at least 3 days",
    "La clave está en Python 3.",
    "send to the team 3 files",
    "send to my boss 2 reports by friday",
    "The F16 TUNE was good.",
    "El problema está en la línea 5 del código.",
    "地址：请问怎么写",
])
func proseAfterAnAddressCueInLowerCaseStays(input: String) {
    #expect(!masker.mask(input).contains("[ADDRESS]"), "\(masker.mask(input))")
}

/// Addresses in scripts without capitals after a cue, and Dutch compound streets in -pad,
/// -boulevard and -dreef.
@Test(arguments: [
    ("I live at 53/7 ถนนศิวะวรเวท, 59850 นครสวรรค์ now.", "I live at [ADDRESS] now."),
    ("Deliver to Anwar Hossain, ষ্টুডিও ৪, বিল্ডিং নং ৮৯, কবিররাস্তা, ৩৫৩০ টাঙ্গাইল.", "Deliver to [NAME], [ADDRESS]."),
    ("Ik moet een pakket naar Marc Peeters, Marcboulevard 47 sturen.", "Ik moet een pakket naar [NAME], [ADDRESS] sturen."),
    ("Ik woon op de Kerkpad 4 in Gouda.", "Ik woon op de [ADDRESS] in Gouda."),
])
func uncasedScriptsAndDutchCompoundStreetsAreAddresses(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// Devices whose names end in "pad", with a number after them, are no streets.
@Test(arguments: ["Open Notepad 2 and type.", "Use the Keypad 5 key.", "Buy an iPad 2 today.", "The Touchpad 3 driver fails."])
func padDevicesStay(input: String) {
    #expect(masker.mask(input) == input)
}

/// Russian settlements and lanes before the street, streets written apart in Finnish and
/// Swedish, Hungarian names with a lower-case word, Czech postcodes and towns with a particle,
/// Korean numbered 거리, an abbreviated word inside a street's name.
@Test(arguments: [
    ("Как изменить адрес п. Лодейное Поле, алл. Республиканская, д. 9, 220979 в банке?", "Как изменить адрес [ADDRESS] в банке?"),
    ("Пришлите на с. Лагань, пр-д Уральский, д. 887 стр. 81, 812521.", "Пришлите на [ADDRESS]."),
    ("my flat at Ylä-Fallin kuja 955, 44868 Eura has had no heating", "my flat at [ADDRESS] has had no heating"),
    ("Skicka till Drottning Kristinas väg 5, 114 28 Stockholm tack.", "Skicka till [ADDRESS] tack."),
    ("the new address is Dózsa györgy utca 72., H-2128 Magyarmellékhalas; help", "the new address is [ADDRESS]; help"),
    ("send it to Mistřínská 6, 250 34 Jablonné v Podještědí please", "send it to [ADDRESS] please"),
    ("세종특별자치시 금천구 학동1거리 777에 사는 친구", "[ADDRESS]에 사는 친구"),
    ("my flat at Jalan Moch. Toha No. 18, Pekalongan has mould", "my flat at [ADDRESS] has mould"),
])
func settlementsSeparateStreetWordsAndParticleTowns(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// What those forms must leave: counts after a word, sentences that end in an abbreviation.
@Test(arguments: [
    "I have 100 20 minute videos to edit.",
    "The Finnish word kuja 3 times in the text.",
    "Мы встретились в 2010 году.",
    "The deadline is Sept. 15 for the report.",
])
func wordsBesideTheSettlementFormsStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Streets of Central and Northern Europe, the Baltics and the Balkans before a postcode and town,
/// with or without a street word; Turkish, Indonesian, Philippine, Indian, Korean (in Latin
/// letters), Hebrew, Arabic and Thai forms; British and American addresses in lower case; a
/// landmark given with the address (the forms of scripts/pii-written/world.jsonl).
@Test(arguments: [
    ("zboží mi má přijít na adresu Vinohradská 1520/48, 120 00 Praha 2.", "zboží mi má přijít na adresu [ADDRESS]."),
    ("vi bor nu på Götgatan 78, 1 tr, 118 30 Stockholm.", "vi bor nu på [ADDRESS]."),
    ("festen er bag Nørrebrogade 56, 2. tv., 2200 København N.", "festen er bag [ADDRESS]"),
    ("adresa: Bulevar kralja Aleksandra 73/II, 11000 Beograd.", "adresa: [ADDRESS]."),
    ("dzīvoju Brīvības iela 88-12, Rīga, LV-1001.", "dzīvoju [ADDRESS]."),
    ("aadressil Kotzebue tn 9-3, Tallinn.", "aadressil [ADDRESS]."),
    ("yeni adresim Alsancak Mah. 1453 Sk. No:7 D:3 Konak/İzmir", "yeni adresim [ADDRESS]"),
    ("Напиши: Санкт-Петербург, пр-т Просвещения, 87к1, кв. 56.", "Напиши: [ADDRESS]."),
    ("di rumah saya, Jl. Kemang Raya No. 18, RT 05/RW 02, Kel. Bangka, Kec. Mampang Prapatan, Jakarta Selatan 12730.", "di rumah saya, [ADDRESS]."),
    ("the party is at Blk 12 Lot 7, Phase 2, Camella Homes, Bacoor.", "the party is at [ADDRESS]."),
    ("Swiggy: Flat 302, Tower B, Sector 62, near Fortis Hospital, Noida 201301.", "Swiggy: [ADDRESS]."),
    ("(Address: Chung Dan-Ro 60, Jung-Gu, Seoul, 04605)", "(Address: [ADDRESS])"),
    ("ליד הבית שלי ברחוב הרצל 112, דירה 8, רחובות.", "ליד הבית שלי [ADDRESS]."),
    ("عنوان التوصيل: شارع التحلية، مبنى 14، شقة 3، حي السليمانية، الرياض 12245.", "عنوان التوصيل: [ADDRESS]."),
    ("ที่อยู่: 88/12 ซอยสุขุมวิท 31 ถนนสุขุมวิท แขวงคลองตันเหนือ เขตวัฒนา กรุงเทพฯ 10110", "ที่อยู่: [ADDRESS]"),
    ("the bbq is at 22 elm grove, hove bn3 1ae from 2.", "the bbq is at [ADDRESS] from 2."),
    ("party at my place 4417 n kedzie ave apt 2, chicago il 60625 saturday", "party at my place [ADDRESS] saturday"),
    ("说朝阳区望京西园三区 312 栋 2 单元 601 的热水器坏了", "说[ADDRESS] 的热水器坏了"),
])
func streetsBeforeAPostcodeAndTownAndTheWorldsForms(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// What those forms must leave: a chapter and a word count, an edition, a phase of a project, the
/// address label before the street, a street whose type word stands before it.
@Test(arguments: [
    "Chapter 3, 2000 Words is the limit.",
    "Windows 10, 2019 Edition has the bug.",
    "Phase 2 of the project starts in May.",
    "We need Block 3 of the code reviewed.",
    "Read the Teheran report 2024, page 12.",
    "The ps4 3rd party controller broke.",
])
func wordsBesideTheWorldsAddressFormsStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

@Test func theStreetTypeBeforeAParticleStaysWithTheStreet() {
    #expect(masker.mask("Il mio indirizzo è Corso della Repubblica 10, 22424 Bologna.") == "Il mio indirizzo è [ADDRESS].")
    #expect(masker.mask("meine Adresse ist Am Rosengarten 52, 15136 Köln.") == "meine Adresse ist [ADDRESS].")
}

/// Forms of the probe's seed 7 at 3,000 conversations: a street word in lower case before the
/// masked street, a Romanian "Drumul", a letter after an Argentine street's number, a Russian
/// avenue named after a date.
@Test(arguments: [
    ("Muszę wysłać paczkę do Iwo Piejko, ulica Leśna 12, 00-950 Warszawa. Który kurier?", "Muszę wysłać paczkę do [ADDRESS]. Który kurier?"),
    ("their new address is Drumul Dida Pușcașu Nr. 72, 652399 Barbulesti; can you help", "their new address is [ADDRESS]; can you help"),
    ("vivo en Calle 107 A N° 536, 4700 Posadas.", "vivo en [ADDRESS]."),
    ("Живу на ул. 8 Марта, д. 12, кв. 4.", "Живу на [ADDRESS]."),
])
func streetWordsBeforeTheStreetAndLettersAfterItsNumber(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// A unit in a named building without a street, a building's name opening the sentence before the
/// street, and an address written one part a line (its town and postcode on lines of their own).
@Test(arguments: [
    ("Send it to Flat 6, Ashdown Court.", "Send it to [ADDRESS]."),
    ("Office: Suite 12, Riverside House, London", "Office: [ADDRESS]"),
    ("directions for guests: Mimosa Court, Hse No. 4, Ngong Road.", "directions for guests: [ADDRESS]."),
    ("Envelope:\nFlat 6, Ashdown Court\n29 Mill Lane\nCambridge\nCB2 1RX", "Envelope:\n[ADDRESS]"),
    ("Ship to:\n12 Baker Street\nLondon\nPlease hurry.", "Ship to:\n[ADDRESS]\nPlease hurry."),
    ("I'm at 1-2-3 Shibuya, Shibuya-ku, Tokyo 150-0002.", "I'm at [ADDRESS]."),
    ("Mail to 2-14-5 Kichijoji Honcho, Musashino-shi, Tokyo 180-0004.", "Mail to [ADDRESS]."),
    ("5 Chome-2-1 Ginza, Chuo City, Tokyo", "[ADDRESS]"),
    ("No. 12, 3rd Cross, 5th Main, Indiranagar, Bengaluru 560038", "[ADDRESS]"),
    ("Bairro Savassi, Rua Pernambuco 1000, Belo Horizonte", "[ADDRESS]"),
])
func buildingsAndAddressesWrittenOnePartALine(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// What those forms must leave: a line of prose or a sign-off after an address, a building
/// named in prose without a unit.
@Test(arguments: [
    ("Ship to: 12 Baker Street\nThanks", "Ship to: [ADDRESS]\nThanks"),
    ("Ship to: 12 Baker Street\nBest regards", "Ship to: [ADDRESS]\nBest regards"),
    ("We toured the Empire State Building last year.", "We toured the Empire State Building last year."),
    ("The score was 3-2-1 Madrid won.", "The score was 3-2-1 Madrid won."),
    ("Take the 2nd main road and 1st cross.", "Take the 2nd main road and 1st cross."),
    ("In the 3rd stage of the project, Phase 2", "In the 3rd stage of the project, Phase 2"),
])
func linesAfterAnAddressThatAreNoPartOfItStay(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// Addresses written loosely: the house number after the street in words, and addresses typed
/// in lower case without a cue.
@Test(arguments: [
    ("It's on Marlpit Lane, number 43, the blue door.", "It's on [ADDRESS], the blue door."),
    ("Vivo en la calle Almendros, en el número 9, es un chalet.", "Vivo en la [ADDRESS], es un chalet."),
    ("C'est rue du Moulin, au numéro 17, la maison.", "C'est [ADDRESS], la maison."),
    ("Sto in via delle Ginestre, al numero 21, il cancello verde.", "Sto in [ADDRESS], il cancello verde."),
    ("Wir wohnen im Ahornweg, Hausnummer 12, das letzte Haus.", "Wir wohnen im [ADDRESS], das letzte Haus."),
    ("我住在幸福路，门牌是56号，院子里有棵大槐树。", "我住在[ADDRESS]，院子里有棵大槐树。"),
    ("flowers to my mum at 221 maple st springfield", "flowers to my mum at [ADDRESS] springfield"),
    ("ritiro a mano in via nizza 45 torino", "ritiro a mano in [ADDRESS] torino"),
    ("à venir chercher au 23 rue victor hugo 76000 rouen", "à venir chercher au [ADDRESS] 76000 rouen"),
    ("abholung in der herderstr. 19 in köln", "abholung in der [ADDRESS] in köln"),
    ("retirar na rua xavier de toledo 90 bloco c", "retirar na [ADDRESS] bloco c"),
    ("pranzo dai nonni in P.za Garibaldi 4, Montevarchi (AR).", "pranzo dai nonni in [ADDRESS]."),
    ("l'appartamento è in Sestiere San Marco 4712, 30124 Venezia.", "l'appartamento è in [ADDRESS]."),
    ("「京都市中京区河原町通三条上る恵比須町427 リバーサイド河原町305」で合ってますか？", "「[ADDRESS]」で合ってますか？"),
])
func looselyWrittenAddresses(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

/// What those forms must leave: distances, spans of time, "via" in English, room and bus numbers.
@Test(arguments: [
    "I walked 3 miles down the road",
    "It is a 20 minute drive from the station.",
    "send it via email 2 times per day",
    "the number 10 bus",
    "Room number 5 is free",
    "la calle hace 3 años",
    "京都市中京区の町並みが好きです。",
])
func proseBesideLooseAddressFormsStays(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Country roads by the kilometre, where there is no house number.
@Test(arguments: [
    ("La casa está en Ruta 40 km 3021, Chacra El Sauce.", "La casa está en [ADDRESS]."),
    ("Fica na Estrada da Graciosa, km 14, Morretes.", "Fica na [ADDRESS]."),
    ("Il casale è sulla Strada Provinciale 25 km 7,5 vicino a Siena.", "Il casale è sulla [ADDRESS] vicino a Siena."),
    ("Nuestra finca: Ctra. A-367, km 41.", "Nuestra finca: [ADDRESS]."),
])
func roadsByTheKilometre(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

/// Distances and road names without a kilometre mark stay.
@Test(arguments: ["take the A470 for about 2 km and turn left", "the route is 12 km long", "Highway 1 km markers are green", "la Ruta 40 es preciosa"])
func distancesOnRoadsStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Addresses without a house number, lower-case street words, Peruvian and Beijing streets,
/// post-office boxes, and an account number after its kind.
@Test(arguments: [
    ("Será en Camino de la Ermita s/n, el domingo.", "Será en [ADDRESS], el domingo."),
    ("abito in Località Poggio Alto snc, vicino al mare", "abito in [ADDRESS], vicino al mare"),
    ("la maison est au Lieu-dit Les Granges, dernière ferme.", "la maison est au [ADDRESS], dernière ferme."),
    ("domiciliado en Lote 14, Manzana C, Barrio San Vicente.", "domiciliado en [ADDRESS], Barrio San Vicente."),
    ("nueva dirección Jr. Huallaga 455, Cercado de Lima", "nueva dirección [ADDRESS]"),
    ("iba a nombre mío, c/ san vicente 12 bajo", "iba a nombre mío, [ADDRESS] bajo"),
    ("absender: dorfplatz 7, schliersee", "absender: [ADDRESS], schliersee"),
    ("地址是北京市西城区西四北三条17号。", "地址是[ADDRESS]。"),
    ("寄到云南省昆明市32号信箱。", "寄到云南省昆明市[ADDRESS]。"),
    ("口座番号は普通 1234567 です。", "口座番号は普通 [NUMBER] です。"),
])
func addressesWithoutNumbersAndMoreStreetForms(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

/// Streets in capitals in a form's field, adjectival German streets in lower case, a locality's
/// word before a masked place; a shouted question about a road stays.
@Test(arguments: [
    ("DESTINATARIO: Mario Rossi, PIAZZA DUOMO 2, 73100 LECCE", "DESTINATARIO: [NAME], [ADDRESS]"),
    ("Domicilio: CALLE MAYOR 3", "Domicilio: [ADDRESS]"),
    ("ich wohne in der kölner str. 201 seit mai", "ich wohne in der [ADDRESS] seit mai"),
    ("difficile à trouver : Lieu-dit Les Granges, dernière ferme.", "difficile à trouver : [ADDRESS], dernière ferme."),
])
func streetsInCapitalsAndAdjectivalStreets(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["WHY DOES THE VIA APPIA MATTER FOR 2 REASONS", "the berliner zeitung wrote 5 articles"])
func shoutedRoadQuestionsStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// A Belgian box number and a Mexican colonia after an abbreviation's dot go with the address.
@Test(arguments: [
    ("Mon adresse est Rue de la Loi 16 bte 3, 1000 Bruxelles.", "Mon adresse est [ADDRESS]."),
    ("Mi casa: Av. Insurgentes Sur 1602, Col. Crédito Constructor, 03940 CDMX.", "Mi casa: [ADDRESS]."),
])
func boxNumbersAndColoniasAfterTheStreet(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

/// Street words of other forms and their abbreviations: "r.", "Lungotevere", "Gta.", "L.go", "Pº",
/// "av" in lower case without its dot, "Concourse".
@Test(arguments: [
    ("Je cours depuis chez moi, 22 r. de la République, ça fait 5 km.", "Je cours depuis chez moi, [ADDRESS], ça fait 5 km."),
    ("Corro dal Lungotevere dei Mellini 44 fino a Castel Sant'Angelo.", "Corro dal [ADDRESS] fino a Castel Sant'Angelo."),
    ("entregar av brasil 5000 bl 2 ap 103 campo grande rio.", "entregar [ADDRESS] bl 2 ap 103 campo grande rio."),
    ("Quedamos en la Gta. de Bilbao 1 a las nueve.", "Quedamos en la [ADDRESS] a las nueve."),
    ("Our apartment is 6D at 1150 Grand Concourse and the unit below got flooded.", "Our apartment is 6D at [ADDRESS] and the unit below got flooded."),
    ("Ho una lista tipo 'L.go Argentina 4' e devo espandere le abbreviazioni.", "Ho una lista tipo '[ADDRESS]' e devo espandere le abbreviazioni."),
    ("Mándame la factura a Pº de Gràcia 101 y de paso tradúceme esto.", "Mándame la factura a [ADDRESS] y de paso tradúceme esto."),
])
func moreStreetWordsAndAbbreviations(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

/// Galician, Portuguese and Italian rural street words, floors in words, Quebec's numbered
/// streets, Puebla's streets by number and side, a German PO box with spaced digits, a Chinese
/// village's house, and a Chinese court's case number.
@Test(arguments: [
    ("Recollédeo en Rúa Nova, 22, 3º, 15705 Santiago, por favor.", "Recollédeo en [ADDRESS], por favor."),
    ("A casa fica no Caminho das Pedras, 41, depois da igreja.", "A casa fica no [ADDRESS], depois da igreja."),
    ("Il contatore è in Via Mazzini 8, piano terra, a sinistra.", "Il contatore è in [ADDRESS], a sinistra."),
    ("Abitiamo in Loc. Casale alle Rose 5 da vent'anni.", "Abitiamo in [ADDRESS] da vent'anni."),
    ("Enviem para a Rua do Almada, 120, 2.º frente, por favor.", "Enviem para a [ADDRESS], por favor."),
    ("Je déménage au 2210, 4e Avenue, Québec G1J 3B7 en juillet.", "Je déménage au [ADDRESS] en juillet."),
    ("Vivo en Calle 14 Oriente 903, Col. El Carmen, desde 2019.", "Vivo en [ADDRESS], desde 2019."),
    ("Bitte an Postfach 12 34 56, danke.", "Bitte an [ADDRESS], danke."),
    ("老家在王庄村二组15号，我妈一个人住。", "老家在[ADDRESS]，我妈一个人住。"),
    ("案号（2023）京0105民初4567号，怎么写催办信？", "案号[NUMBER]，怎么写催办信？"),
])
func ruralStreetsFloorsInWordsAndNumberedStreets(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: [
    "Il piano terra è più fresco d'estate.", "Fifth Avenue has 3 museums worth a visit.", "Calle 31 es una serie de televisión.",
])
func floorsAndNumberedStreetsInProseStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}
