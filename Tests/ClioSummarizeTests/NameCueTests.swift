import Testing
@testable import ClioSummarize

private let masker = PIIMasker()

/// Names introduced by cues added after the held-out run: more relations in six languages,
/// "named", and verbs whose object is a person opening a request.
@Test(arguments: [
    ("Help me write a birthday message for my niece Saoirse.", "Help me write a birthday message for my niece [NAME]."),
    ("Our new hire, Lucía Fernández, starts Monday.", "Our new hire, [NAME], starts Monday."),
    ("My roommate Bartholomew never cleans.", "My roommate [NAME] never cleans."),
    ("Escribe un poema para mi abuela Remedios.", "Escribe un poema para mi abuela [NAME]."),
    ("Un message pour ma voisine Ghislaine, s'il te plaît.", "Un message pour ma voisine [NAME], s'il te plaît."),
    ("Ein Gedicht für meine Nichte Friederike.", "Ein Gedicht für meine Nichte [NAME]."),
    ("The tenant named Pieter de Vries has not paid rent.", "The tenant named [NAME] has not paid rent."),
    ("Write a story about a girl named Oluwadamilare.", "Write a story about a girl named [NAME]."),
    ("Ask Siobhan whether the report is done.", "Ask [NAME] whether the report is done."),
    ("The slides are late. Remind Kwabena Asante to bring them.", "The slides are late. Remind [NAME] to bring them."),
    ("Her name was Zsófia and she loved painting.", "Her name was [NAME] and she loved painting."),
    ("Happy birthday to Wanjiru!", "Happy birthday to [NAME]!"),
    ("Congratulations to Siddharth on his promotion.", "Congratulations to [NAME] on his promotion."),
    ("This letter is for Emeka Chukwu, my landlord.", "This letter is for [NAME], my landlord."),
    // The other half of a pair whose one half a cue or the lists found.
    ("Send a reminder to Priyanka Deshmukh and Arjun Mehta.", "Send a reminder to [NAME] and [NAME]."),
    ("Invite my sister Mireille and Gwendolyn to dinner.", "Invite my sister [NAME] and [NAME] to dinner."),
])
func aNameAfterTheNewCuesIsMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// What those cues also introduce, and stays.
@Test(arguments: [
    "Assume the types are defined in a file named Types.ts.",
    "Create a Java class named Parser that reads CSV.",
    "Run this function on the tab named Summary.",
    "Ask Python to sort the list.",
    "Tell me a joke about cats.",
    "Thank you for the help.",
    "My coach says to run more.",
    "Compare Python and Rust for my student project.",
    "Congratulations on the launch!",
])
func thingsAfterTheNewCuesStay(input: String) {
    #expect(masker.mask(input) == input)
}

/// Names known by what stands next to them rather than by the name lists: a contact detail after
/// them, the writer beside them, a trip, a meal or a meeting, a message they sent, kin used as a
/// title, an event two people share, a list of masked names around them.
@Test(arguments: [
    ("My contact details for a CV: Niara Mathenge, +254 712 345 678, niara@example.com", "My contact details for a CV: [NAME], [PHONE], [EMAIL]"),
    ("Text Zumaridi Barasa on +254 712 345 678 to say the car is ready.", "Text [NAME] on [PHONE] to say the car is ready."),
    ("Write to Ana Lima <ana.lima@example.com> about the invoice.", "Write to [NAME] <[EMAIL]> about the invoice."),
    ("Jarwadi Lailasari and I want to plan a week in Lisbon.", "[NAME] and I want to plan a week in Lisbon."),
    ("I said that Mark and I will bring cake.", "I said that [NAME] and I will bring cake."),
    ("Me and Ikenna are starting a podcast.", "Me and [NAME] are starting a podcast."),
    ("Make a packing list for my trip with Omaja.", "Make a packing list for my trip with [NAME]."),
    ("I had dinner with Tomasz last night.", "I had dinner with [NAME] last night."),
    ("Tenho de pedir para falar com o Rui amanhã.", "Tenho de pedir para falar com o [NAME] amanhã."),
    ("Ich hatte ein Gespräch mit Jonas über das Projekt.", "Ich hatte ein Gespräch mit [NAME] über das Projekt."),
    ("Summarize this message from Fanaka Njoroge: the meeting moves.", "Summarize this message from [NAME]: the meeting moves."),
    ("Hoe vertel ik Mustafa dat ik niet kan komen?", "Hoe vertel ik [NAME] dat ik niet kan komen?"),
    ("Wie sage ich Tobias, dass ich nicht komme?", "Wie sage ich [NAME], dass ich nicht komme?"),
    ("Aiutami a scrivere una lettera di referenze per Daria Finzi.", "Aiutami a scrivere una lettera di referenze per [NAME]."),
    ("Invité a Paloma a cenar el sábado.", "Invité a [NAME] a cenar el sábado."),
    ("We're hiring Kwabena as a junior designer.", "We're hiring [NAME] as a junior designer."),
    ("A message wishing Grandpa Bill a happy 80th.", "A message wishing Grandpa [NAME] a happy 80th."),
    ("Vado a trovare nonna Pina a Palermo.", "Vado a trovare nonna [NAME] a Palermo."),
    ("Write a toast for Will and Hope's wedding.", "Write a toast for [NAME] and [NAME]'s wedding."),
    ("'Joy and her brother visited us in Cork.'", "'[NAME] and her brother visited us in Cork.'"),
    ("Attendees: Ann Lee, Omar Haddad, Tevita Fifita, Priya Shah.", "Attendees: [NAME], [NAME], [NAME], [NAME]."),
    ("Text Omodunni on (596)123-4567x890 today.", "Text [NAME] on [PHONE] today."),
    ("Contact: Feyha Manço, +90(066)907-4391x500, feyha@example.com.", "Contact: [NAME], [PHONE], [EMAIL]."),
])
func namesKnownByWhatStandsNextToThem(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// What those neighbours also take, and stays: services before a number, a pair that does not
/// open a clause, titles, organisations that send letters, code after a verb.
@Test(arguments: [
    "Call Support at +1 555 201 3344 if it breaks.",
    "Calls to 415-555-0132 went unanswered.",
    "Log the call. Texts at 415-555-0132 are free.",
    "Write to anna.berg@example.org today.",
    "You dont like Escape from Tarkov and I want a persuasive piece.",
    "The NSW Building Contract for New Dwellings and I want you to remember it.",
    "Mom and I are planning a party.",
    "I think Python and I are not friends.",
    "We had a meeting with Marketing about the launch.",
    "I am going on a trip with Friends of the Earth.",
    "Summarize this message from Kafka about the trial.",
    "I got an email from Microsoft Support saying my account is locked.",
    "Write a Loan Submission cover Letter from Western Realty Finance to the bank.",
    "Act as a Text Adventure game.",
    "Email Campaign ideas for a bakery.",
    "Simulate a conversation with Lt. Commander Data.",
    "Android SDK introduce BroadcastReceiver.onReceive method.",
])
func wordsNextToTheNewNeighboursStay(input: String) {
    #expect(!masker.mask(input).contains("[NAME]"), "\(masker.mask(input))")
}

/// A name a cue introduced in one message of a conversation is masked in its other messages,
/// earlier or later, where it stands without a cue.
@Test func namesLearnedInOneMessageAreMaskedInTheOthers() {
    let messages = ["Zorbulon Quaffet again, about the lease.", "Hi, this is Zorbulon Quaffet.", "Quaffet is my family name."]
    #expect(masker.mask(messages[0]) == messages[0], "without the introduction the words are no name")
    #expect(masker.mask(conversation: messages) == ["[NAME] again, about the lease.", "Hi, this is [NAME].", "[NAME] is my family name."])
}

/// A surname's particles after a title, and the labels of a person in a form or a header, whose
/// lines are in title case.
@Test(arguments: [
    ("Please write to Mr. de la Cruz about the invoice.", "Please write to Mr. de la [NAME] about the invoice."),
    ("Please write to Mrs. d'Souza about the lease.", "Please write to Mrs. d'[NAME] about the lease."),
    ("Paziente: Salvatore Lo Giudice, anni 72", "Paziente: [NAME], anni 72"),
    ("Destinataire : Gwenaëlle Le Goff", "Destinataire : [NAME]"),
    ("Guest: Oyelaran Bisi, room 12.", "Guest: [NAME], room 12."),
])
func namesAfterTitleParticlesAndPersonLabels(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: ["To: the whole team, please read.", "From: Monday to Friday we are open.", "Author: Unknown", "Contact: Support Team", "To: All Staff"])
func labelsBeforeOtherWordsStay(input: String) {
    #expect(!masker.mask(input).contains("[NAME]"), "\(masker.mask(input))")
}

/// Japanese names after a company or department, after 本名は, and after a chain of relations.
@Test(arguments: [
    ("お世話になっております。株式会社ミドリの木村です。", "お世話になっております。株式会社ミドリの[NAME]です。"),
    ("開発部の山田と申します。", "開発部の[NAME]と申します。"),
    ("本名は井上健一です。", "本名は[NAME]です。"),
    ("娘の担任の渡辺由美子先生に連絡します。", "娘の担任の[NAME]に連絡します。"),
])
func japaneseNamesAfterOrganisationsAndRelations(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: ["東京の出身です。", "営業部の担当です。", "株式会社ミドリの製品です。", "株式会社ミドリの資料です。"])
func japaneseNounsAfterOrganisationsStay(input: String) {
    #expect(!masker.mask(input).contains("[NAME]"), "\(masker.mask(input))")
}

/// What people call the writer, someone met, and titles written in lower case inside a sentence.
@Test(arguments: [
    ("I go by Kealoha at work, how do I ask for a raise?", "I go by [NAME] at work, how do I ask for a raise?"),
    ("Me dicen Yolotzin en la oficina.", "Me dicen [NAME] en la oficina."),
    ("I met Kealoha at the conference; how do I follow up?", "I met [NAME] at the conference; how do I follow up?"),
    ("Scrivi un messaggio per la signora Sbarbaro.", "Scrivi un messaggio per la signora [NAME]."),
    ("Escreva para a dona Iracema.", "Escreva para a dona [NAME]."),
    ("Ich schreibe Herrn Oltmanns eine Mail.", "Ich schreibe Herrn [NAME] eine Mail."),
])
func namesByWhatTheyAreCalledAndLowerCaseTitles(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

@Test(arguments: ["il signore degli anelli", "La signora mia madre.", "We had a meeting Monday about the launch.", "I met Python in 2010."])
func lowerCaseTitlesAndMeetingsBeforeWordsStay(input: String) {
    #expect(!masker.mask(input).contains("[NAME]"), "\(masker.mask(input))")
}

/// Listed first names in lower case after more cues: accents the list lacks, Portuguese "sou a",
/// relations and letters.
@Test(arguments: [
    ("soy maría fernández, ayúdame con mi cv", "soy [NAME], ayúdame con mi cv"),
    ("sou a ana souza e preciso de ajuda", "sou a [NAME] e preciso de ajuda"),
    ("can you write an email to mike johnson about the delay", "can you write an email to [NAME] about the delay"),
    ("my wife emma and i are going to rome", "my wife [NAME] and i are going to rome"),
])
func lowerCaseListedNamesAfterMoreCues(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// Tenants and landlords as relations, who answered the phone, and the rest of a name after a
/// masked part when it is a listed name.
@Test(arguments: [
    ("Il mio inquilino, Tran Minh Khoa, mi chiede una ricevuta.", "Il mio inquilino, [NAME], mi chiede una ricevuta."),
    ("Llamé y me atendió Marcos, que me dijo que estaría arreglada.", "Llamé y me atendió [NAME], que me dijo que estaría arreglada."),
])
func tenantsAndWhoAnsweredAreNames(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// A first name that is an everyday word, before a surname; contractions of "I" and what a
/// weak cue leaves.
@Test(arguments: [
    ("Hi, I'm Will Turner and I need a resume.", "Hi, I'm [NAME] and I need a resume."),
    ("This is May Chen from sales.", "This is [NAME] from sales."),
    ("Tell Hunter I'll be late.", "Tell [NAME] I'll be late."),
    ("Last week Ginger and I adopted a dog.", "Last week [NAME] and I adopted a dog."),
    ("Hi, I'd like to ask your advice about a screenplay.", "Hi, I'd like to ask your advice about a screenplay."),
    ("I'm Happy Birthday singing.", "I'm Happy Birthday singing."),
    ("I'm Will, not Bill.", "I'm Will, not Bill."),
])
func everydayFirstNamesBeforeASurnameAndContractions(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// The last part of a name the other passes left after `[NAME]`: a capitalised word that ends
/// the run and is no everyday, product, service or organisation word.
@Test(arguments: [
    ("They need to call Phạm Quang Huy before his day ends.", "They need to call [NAME] before his day ends."),
    ("Envíale el presupuesto a mi cliente Nguyen Van Duc y pon en copia a Lucía.",
     "Envíale el presupuesto a mi cliente [NAME] y pon en copia a [NAME]."),
])
func theLastPartOfANameAfterAMaskedOneIsMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// What may follow a masked name without being part of it: an everyday word, a firm's name
/// (more capitalised words), a hyphenated word.
@Test(arguments: [
    ("Show [NAME] Student discounts.", "Show [NAME] Student discounts."),
    ("They work for [NAME] Real Estate Company now.", "They work for [NAME] Real Estate Company now."),
    ("Compare [NAME]-Warshall with Dijkstra.", "Compare [NAME]-Warshall with Dijkstra."),
    ("Ask [NAME] Bank about it.", "Ask [NAME] Bank about it."),
])
func wordsAfterAMaskedNameThatAreNotItsLastPartStay(input: String, expected: String) {
    #expect(PIIMasker.extendNames(input) == expected)
}

/// Arabic names with "Al-" joined to the family name, a sign-off before a closing quotation mark.
@Test(arguments: [
    ("Summarise: On 3 May, Mohammed bin Rashid Al-Farsi met with the board.", "Summarise: On 3 May, [NAME] met with the board."),
    ("Tidy up this voicemail: 'Please call me back after 5pm, thanks. Dana'", "Tidy up this voicemail: 'Please call me back after 5pm, thanks. [NAME]'"),
    ("Fix the grammar: \"See you Friday, thanks, Priyanka\"", "Fix the grammar: \"See you Friday, thanks, [NAME]\""),
])
func joinedParticlesAndQuotedSignOffs(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// What those forms must leave: the second half of a compound, a word quoted after thanks.
@Test(arguments: [
    ("Compare the Floyd-Warshall algorithm with Dijkstra.", "Warshall"),
    ("He wrote: 'It was fine, thanks. Python'", "Python"),
    ("Explain the El-Niño effect on rainfall.", "Niño"),
])
func wordsBesideJoinedParticlesStay(input: String, word: String) {
    #expect(masker.mask(input).contains(word), "\(masker.mask(input))")
}

/// A contact card: the name before an address and a labelled phone or email, "St." inside a name.
@Test(arguments: [
    ("Format this as a contact card: Victoria St. Clair, 12 High Street, Leeds, tel 0113 496 0000.",
     "Format this as a contact card: [NAME], [ADDRESS], tel [PHONE]."),
    ("Contact: Amara Okafor, email amara.okafor@example.com", "Contact: [NAME], email [EMAIL]"),
    ("Support Team, tel 0800 123 4567.", "Support Team, tel [PHONE]."),
])
func namesOnAContactCardAreMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// Names of the world set: a hyphenated surname, a speaker after a quotation, list items after
/// masked names, a relation in Spanish or Italian in lower case, Polish and religious titles, an
/// adjective before the relation, Arabic and Thai cues, Korean mentions.
@Test(arguments: [
    ("Name Leonie Hoffmeister-Brandt.", "Name [NAME]."),
    ("\"Where were you?\" asked Marguerite.", "\"Where were you?\" asked [NAME]."),
    ("seating: Kwame Okafor, Aiko Tanaka, Ngozi, Søren.", "seating: [NAME], [NAME], [NAME], [NAME]."),
    ("mi primo joaquín quiere aprender inglés", "mi primo [NAME] quiere aprender inglés"),
    ("maila do pana Przemysława Grzyba w sprawie faktury", "maila do pana [NAME] w sprawie faktury"),
    ("call Deaconess Blessing Okafor tonight", "call Deaconess [NAME] tonight"),
    ("a welcome for our new intern, Kittipong Chaiyaporn.", "a welcome for our new intern, [NAME]."),
    ("رسالة إلى البنك باسم خالد العتيبي.", "رسالة إلى البنك باسم [NAME]."),
    ("เลขบัญชี ชื่อ สมชาย วงศ์ใหญ่", "เลขบัญชี ชื่อ [NAME]"),
    ("'@민준 @서윤 내일 회의 10시야'", "'[HANDLE] [HANDLE] 내일 회의 10시야'"),
])
func namesOfTheWorldSet(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// What those cues must leave: an algorithm and a brand joined by a hyphen, a quotation followed
/// by prose, a list of products after masked names.
@Test(arguments: [
    "Between A*, Floyd-Warshall and Bellman-Ford, which is fastest?",
    "The Coca-Cola logo is red.",
    "\"Done,\" said the manager.",
    "Compare Python, Java, Rust.",
])
func wordsBesideTheWorldsNameCuesStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// The Chinese family name 安 after 我是, a Japanese given name of kana and 子, and the
/// words that start with those characters and are no names.
@Test(arguments: [
    ("我是安文，请帮我写简历。", "我是[NAME]，请帮我写简历。"),
    ("私は中川くみ子です。", "私は[NAME]です。"),
    ("我是安徽人。", "我是安徽人。"),
    ("本人安好，勿念。", "本人安好，勿念。"),
])
func chineseAndJapaneseNamesOfTheProbe(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// First names that are also words, where only a person stands: after a relation or a kin title,
/// after a verb whose object is a person, after thanks ending the text, before a verb only a
/// person is the subject of.
@Test(arguments: [
    ("a birthday card for my aunt Ruby.", "a birthday card for my aunt [NAME]."),
    ("una felicitación para mi tía Ruby.", "una felicitación para mi tía [NAME]."),
    ("a trip with my friend Nova.", "a trip with my friend [NAME]."),
    ("Remind Will that he is covering the shift.", "Remind [NAME] that he is covering the shift."),
    ("how do I tell Mark that I am leaving", "how do I tell [NAME] that I am leaving"),
    ("the quote is attached, thanks Grace.", "the quote is attached, thanks [NAME]."),
    ("Thanks, Mark", "Thanks, [NAME]"),
    ("Yesterday's news. Rose asked me to plan the shower.", "Yesterday's news. [NAME] asked me to plan the shower."),
    ("a review for Mark; he's been great at mentoring River and Sunny.", "a review for [NAME]; he's been great at mentoring [NAME] and [NAME]."),
    ("a reminder that Will is covering my shift and Bill gets the keys", "a reminder that [NAME] is covering my shift and [NAME] gets the keys"),
])
func firstNamesThatAreWordsInAPersonsSlot(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// The same words where no person stands: after a determiner or inside a run of capitalised
/// words, a product after thanks, everyday words after thanks.
@Test(arguments: [
    "The Bill said nothing about taxes.",
    "The Home Page says 404.",
    "thank you Google",
    "Thanks Everyone.",
    "Best Practices",
    "Summer is coming.",
    "I think that May is warmer and Summer is long.",
    "Summer, she said, is the best season.",
])
func wordsThatAreFirstNamesStayOutsideAPersonsSlot(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Names in a case the lists do not hold: a Turkish suffix after the apostrophe, a Polish or Czech
/// first name and surname both inflected; a hyphenated first name of word parts; a capitalised
/// particle and a Welsh "ap" inside a surname.
@Test(arguments: [
    ("Kuzenim Burak'a doğum günü mesajı yaz.", "[NAME] doğum günü mesajı yaz."),
    ("Napisz życzenia dla Małgorzaty Szczepańskiej.", "Napisz życzenia dla [NAME]."),
    ("Napiš přání pro Jiřinu Dvořákovou.", "Napiš přání pro [NAME]."),
    ("une fête pour Anne-Sophie.", "une fête pour [NAME]."),
    ("organisé par Anne-Sophie de La Tour.", "organisé par [NAME]."),
    ("a limerick about Rhiannon ap Gwilym and her goat", "a limerick about [NAME] and her goat"),
    ("lukas und ich kommen später, sag das der frau schmidtke.", "[NAME] und ich kommen später, sag das der frau [NAME]."),
    ("invite dr jawad khalife as well", "invite dr [NAME] as well"),
    ("Sione said the game is at 5.", "[NAME] said the game is at 5."),
    ("Please draft an apology to Keoni Kahananui.", "Please draft an apology to [NAME]."),
    ("Customer name: Ngaio Te Whata", "Customer name: [NAME]"),
    ("Bui Minh Khoa is my new manager, how do I greet him?", "[NAME] is my new manager, how do I greet him?"),
    ("Help me plan Wairimu's baby shower.", "Help me plan [NAME]'s baby shower."),
    ("Is Oyelaran's husband coming?", "Is [NAME]'s husband coming?"),
    ("Attendees: Oyin Bello, Radek Novotny, Malia Fonoti", "Attendees: [NAME], [NAME], [NAME]"),
    ("KWAME OKAFOR needs a visa letter", "[NAME] needs a visa letter"),
    ("Summarize the feedback from Priyamvada Iyer.", "Summarize the feedback from [NAME]."),
])
func inflectedAndCompoundNames(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// What those forms must leave: English contractions, places of two words, two everyday words
/// joined by a hyphen, an algorithm.
@Test(arguments: [
    "I don't know. Isn't it fine? Aren't you?",
    "A trip to Santa Ana and Costa Rica.",
    "The May-June period.",
    "Use the Floyd-Warshall algorithm.",
    "I love Paris La Défense.",
    "meine frau ist krank",
    "the dr said rest",
    "you and i should talk",
    "Google said no.",
    "Users asked for help with bread.",
    "Customers wanted refunds.",
    "\"We are working on it,\" Twitter said.",
    "Everyone said yes.",
    "Company name: Acme Widgets",
    "Google is my client.",
    "Python's birthday is in February.",
    "Mother's Day gift ideas",
    "London's 2012 Olympics",
    "Set MAX LENGTH and USE SSL",
])
func wordsBesideInflectedNameFormsStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Chinese nicknames of any character where a person stands (小 or 阿 before what only a person
/// does, a doubled given name after 给 or 和, 阿 after a relation), and a name in full-width capitals.
@Test(arguments: [
    ("小雨想让我帮她写一封辞职信。", "[NAME]想让我帮她写一封辞职信。"),
    ("给婷婷写一张毕业贺卡。", "给[NAME]写一张毕业贺卡。"),
    ("我男朋友阿杰生日快到了。", "我男朋友[NAME]生日快到了。"),
    ("和娜娜一起去。", "和[NAME]一起去。"),
    ("ＴＡＮＡＫＡ　ＹＵＫＩ と登録しました。", "[NAME] と登録しました。"),
])
func chineseNicknamesAndNamesInFullWidthCapitals(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// What those forms must leave: rain, kin and adverbs, a group, a tip, capitals that are no names.
@Test(arguments: [
    "今天下小雨，我想出去。",
    "给妈妈写一封信。",
    "阿姨让我帮她买菜。",
    "给宝宝写一首诗。",
    "小心让孩子远离火。",
    "我们天天写代码。",
    "和小组一起讨论。",
    "给小费。",
    "ＡＢＣ　ＤＥＦ の意味は？",
])
func chineseWordsBesideNicknameCuesStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Professions used as titles in the languages the summarizer reads, the French "M.", titles
/// kept before the name they introduce, a family in the plural, and a name in capitals with a
/// middle initial.
@Test(arguments: [
    ("La profesora Etxeberria nos pidió un ensayo.", "La profesora [NAME] nos pidió un ensayo."),
    ("Mon médecin, le docteur Penhoat, m'a conseillé du repos.", "Mon médecin, le docteur [NAME], m'a conseillé du repos."),
    ("Le professeur Quéméner a annulé le cours.", "Le professeur [NAME] a annulé le cours."),
    ("Il professor Bortolotti ha spostato l'esame.", "Il professor [NAME] ha spostato l'esame."),
    ("A professora Quaresma pediu uma redação.", "A professora [NAME] pediu uma redação."),
    ("J'ai rendez-vous avec M. Kerhervé demain.", "J'ai rendez-vous avec M. [NAME] demain."),
    ("Der Termin mit Herrn Oberkirchner wurde verschoben.", "Der Termin mit Herrn [NAME] wurde verschoben."),
    ("Ein Brief an Herrn Dr. Oberkirchner.", "Ein Brief an Herrn Dr. [NAME]."),
    ("Invite the Haddads and the Okafors to the barbecue.", "Invite the [NAME] and the [NAME] to the barbecue."),
    ("Review the resume of TANA M. SCHIEWER please.", "Review the resume of [NAME] please."),
])
func professionTitlesFamiliesAndInitials(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

/// What those forms must leave: a show, a list item, a theory named after a person, a team.
@Test(arguments: [
    "I watched Doctor Who last night.",
    "Explain the logic behind the Phillips Curve.",
    "the Browns won the game",
    "Set USE SSL and MAX LENGTH",
    "Plan A. Then plan B.",
])
func wordsBesideProfessionTitlesStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Forms of pasted documents and of chats in several turns: a transcript's speakers, an
/// attendee list in lower case, what others call someone, a relation said to be someone, the
/// article Portuguese and Spanish put before a first name, labels of name fields, names in
/// capitals with particles, lower-case titles, and Chinese and Japanese roles and spacing.
@Test(arguments: [
    ("Resume esto:\n[10:02] Paco: chicos el sábado cena?\n[10:03] Lucía: yo llevo postre", "Resume esto:\n[10:02] [NAME]: chicos el sábado cena?\n[10:03] [NAME]: yo llevo postre"),
    ("要約して。\nたけし：明日の飲み会、何人来る？\nゆみ：行く！", "要約して。\n[NAME]：明日の飲み会、何人来る？\n[NAME]：行く！"),
    ("appunti – presenti: anna, dott. ferri, il marketing", "appunti – presenti: [NAME], dott. [NAME], il marketing"),
    ("Se llama Encarnación pero todos le decimos Encarna.", "Se llama [NAME] pero todos le decimos [NAME]."),
    ("Ela se chama Bruna e mora em Recife.", "Ela se chama [NAME] e mora em Recife."),
    ("o meu filho é o Duarte, 6.º B.", "o meu filho é o [NAME], 6.º B."),
    ("my son is Duarte and he is 12", "my son is [NAME] and he is 12"),
    ("fala que quem for levar carne avisa o Júnior", "fala que quem for levar carne avisa o [NAME]"),
    ("Contato com a Socorro pelo WhatsApp.", "Contato com a [NAME] pelo WhatsApp."),
    ("Cognome: ESPOSITO", "Cognome: [NAME]"),
    ("Given names: Thi Thu Ha", "Given names: [NAME]"),
    ("CV: ALEJANDRA SOTO VILLANUEVA", "CV: [NAME]"),
    ("DESTINATÁRIO: SRA. ANTÔNIA RODRIGUES DE MELO", "DESTINATÁRIO: SRA. [NAME]"),
    ("envelope for mr kevin o'malley please", "envelope for mr [NAME] please"),
    ("Landlord: Harold P. Jennings, Tenant: Mia Cole", "Landlord: [NAME], Tenant: [NAME]"),
    ("schreib eine nachricht an stefan meinen trainer", "schreib eine nachricht an [NAME] meinen trainer"),
    ("客服何佳佳态度特别差。", "客服[NAME]态度特别差。"),
    ("让大家跟表姐婷婷确认人数", "让大家跟表姐[NAME]确认人数"),
    ("落款写朵朵妈妈。", "落款写[NAME]妈妈。"),
    ("我外公郑福生是老师。", "我外公[NAME]是老师。"),
    ("帮我问一下黄晓燕医生的出诊时间。", "帮我问一下[NAME]医生的出诊时间。"),
    ("私はゼミ生の李 浩然です。", "私はゼミ生の[NAME]です。"),
])
func namesInPastedDocumentsAndLaterTurns(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

/// What those forms must leave: form labels opening lines, places and
/// firms after an article, conversions, abbreviations that are no titles, words in kanji.
@Test(arguments: [
    "Fix this:\nTitle: Avatar\nInstructions: use the results",
    "Q: what is 2+2?\nA: 4\nQ: and 3+3?",
    "Vou para o Brasil e depois para o Rio.",
    "Sai do Google e fui para a Amazon.",
    "A festa é na Quinta do Vale.",
    "I bought a Mercedes yesterday.",
    "convert this text to Markdown",
    "my boss is German.",
    "the dr appointment is at 5",
    "ms word is broken",
    "a company called HARBOUR ATS",
    "I moved to SAN FRANCISCO last year.",
    "王学生很努力。",
    "我是高中生。",
    "先生、宿題の提出が遅れてすみません。",
    "これは東京 駅です。",
])
func wordsBesidePastedDocumentFormsStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// A Chinese name set apart by a space, the third person of verbs that take a person, a
/// lower-case name after "its", and initials before a surname.
@Test(arguments: [
    ("请把这个名字写成英文格式：欧阳 娜娜", "请把这个名字写成英文格式：[NAME]"),
    ("帮我把签名改成正式一点：—— 何　静怡", "帮我把签名改成正式一点：—— [NAME]"),
    ("技术总监林 峰（名片上）", "技术总监[NAME]（名片上）"),
    ("a script where she tells Hendrik she's moving", "a script where she tells [NAME] she's moving"),
    ("rewrite: yo its yesenia again", "rewrite: yo its [NAME] again"),
])
func spacedChineseNamesAndMoreVerbForms(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["我很高 兴。", "会议于 2023年召开", "it's will power"])
func wordsBesideSpacedChineseNamesStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Someone addressed in a quoted message, after "And" or "Y", in Chinese before 你 or a request,
/// and roles and colleagues used as titles.
@Test(arguments: [
    ("Fix: \"Kemal, can you bring the chairs?\"", "Fix: \"[NAME], can you bring the chairs?\""),
    ("Bring chairs. And Jo, don't forget the cake.", "Bring chairs. And [NAME], don't forget the cake."),
    ("“建军，周六你能带几把椅子吗？ 小雪，别忘了蛋糕。", "“[NAME]，周六你能带几把椅子吗？ [NAME]，别忘了蛋糕。"),
    ("according to dr. Venkataraman my ferritin is low", "according to dr. [NAME] my ferritin is low"),
    ("l'entraîneur Ravanel ne fait jouer que son fils.", "l'entraîneur [NAME] ne fait jouer que son fils."),
    ("pensionamento del collega Nunzio Pellegrino", "pensionamento del collega [NAME]"),
])
func addressedPeopleAndRolesAsTitles(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["Olá, pode me ajudar?", "Sorry, can you repeat?", "Python, can you explain?", "今天，你去哪？", "老师，你好！", "“妈妈，你在哪？”"])
func greetingsAndWordsAddressNoOne(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Chinese given names without a family name: before what a person says or asks, after kin;
/// a lower-case name after "dr.".
@Test(arguments: [
    ("晓彤说我的资料里应该写上陶艺。", "[NAME]说我的资料里应该写上陶艺。"),
    ("维多利亚让我当伴娘。", "[NAME]让我当伴娘。"),
    ("给我哥哥子豪和他的未婚妻写致辞。", "给我哥哥[NAME]和他的未婚妻写致辞。"),
    ("according to dr. venkataraman my ferritin is low", "according to dr. [NAME] my ferritin is low"),
])
func chineseGivenNamesAndLowerCaseAfterDr(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["他说明天下雨。", "老师说要交作业。", "有人说这样不好。", "我哥哥今天很忙。", "妈妈让我早点回家。", "大家说好。", "the dr. said no"])
func wordsBeforeSpeechAndAfterKinStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Japanese names: a family and given name of five kanji before a title, after more kinds of
/// friends, in hiragana before an honorific, with its reading in brackets.
@Test(arguments: [
    ("小児科の平野由紀子先生から再診と言われました。", "小児科の[NAME]先生から再診と言われました。"),
    ("親友のマリアから受付を頼まれた。", "親友の[NAME]から受付を頼まれた。"),
    ("同僚のやまぐちさんがまた魚を温めてる。", "同僚の[NAME]さんがまた魚を温めてる。"),
    ("責任者の望月（もちづき）さんは否定しました。", "責任者の[NAME]さんは否定しました。"),
])
func japaneseNamesOfMoreForms(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["おばあさんに電話した。", "みなさんこんにちは。", "あかちゃんが泣いている。", "お疲れさまです。", "ごちそうさまでした。"])
func japaneseKinAndCourtesyInKanaStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Chinese names after more relations and roles (a cue of two ideographs is a word of its own,
/// so "班主任何…" is no 任何), a given name beside a masked name in a list, and a name found
/// beside a masked one masked where else it stands in the message.
@Test(arguments: [
    ("我舅舅刘振东下周来北京，帮我安排一下。", "我舅舅[NAME]下周来北京，帮我安排一下。"),
    ("我的导师孙立平让我改论文。", "我的导师[NAME]让我改论文。"),
    ("我儿子的班主任何静怡老师很负责。", "我儿子的班主任[NAME]老师很负责。"),
    ("工头赵建新不给我们结工资。", "工头[NAME]不给我们结工资。"),
    ("帮我给同事周建国、海燕写一封感谢信，海燕刚生完孩子。", "帮我给同事[NAME]、[NAME]写一封感谢信，[NAME]刚生完孩子。"),
    ("Organise un dîner avec Lucie et Rose samedi. Rose ne mange pas de viande.", "Organise un dîner avec [NAME] et [NAME] samedi. [NAME] ne mange pas de viande."),
])
func chineseRelationsListsAndNamesLearnedLate(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["关于任何人都可以参加的活动", "老师何时上课？", "我和[NAME]、朋友们去冰岛", "请把[NAME]、同学们的名单发给我", "The Rose Garden opens at ten.", "我的导师让我改论文。"])
func wordsAfterRelationsAndInListsStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// A greeting before a self-introduction in lower case gives way to it, and a function word
/// after a lower-case name stays.
@Test(arguments: [
    ("hola soy lucía fernández, necesito ayuda", "hola soy [NAME], necesito ayuda"),
    ("hey this is priya from hr, can you draft a memo?", "hey this is [NAME] from hr, can you draft a memo?"),
    ("ciao sono giulia, mi serve una lettera", "ciao sono [NAME], mi serve una lettera"),
    ("hallo ich bin jonas und brauche hilfe", "hallo ich bin [NAME] und brauche hilfe"),
    ("ich heiße lena und brauche hilfe", "ich heiße [NAME] und brauche hilfe"),
])
func lowerCaseIntroductionsAfterGreetings(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["hi im tired of this bug", "hello this is a test", "hola soy nuevo aquí", "hey i'm stuck on this"])
func lowerCaseStatesAfterGreetingsStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Japanese self-introductions with a name in kana: a listed given name or family name in
/// hiragana, katakana names written apart, after more greetings and self words.
@Test(arguments: [
    ("こんにちは、りなです！ 手紙を考えて。", "こんにちは、[NAME]です！ 手紙を考えて。"),
    ("どうも、タカシです。 リストを作って。", "どうも、[NAME]です。 リストを作って。"),
    ("私はさとうです、カードの文を考えて。", "私は[NAME]です、カードの文を考えて。"),
    ("お礼状の文例がほしいです。 はるかと申します。", "お礼状の文例がほしいです。 [NAME]と申します。"),
    ("わたしは、きむら はなこ です。", "わたしは、[NAME] です。"),
    ("名義はオカダ ミホ です。", "名義は[NAME] です。"),
    ("俺、ケンジです。", "俺、[NAME]です。"),
])
func japaneseKanaSelfIntroductions(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["私はげんきです。", "こんにちは、そうです。", "私はだいじょうぶです。", "ありがとうと言います。", "私はエンジニアです。", "どうも、ありがとうです。"])
func japaneseKanaStatesStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// A nickname or a two-character given name after 我是, before the clause ends.
@Test(arguments: [
    ("我是小雨，帮我写个朋友圈文案。", "我是[NAME]，帮我写个朋友圈文案。"),
    ("我是美玲，在台北，想请你帮我写封信。", "我是[NAME]，在台北，想请你帮我写封信。"),
    ("我是婷婷，想问个问题。", "我是[NAME]，想问个问题。"),
])
func chineseSelfGivenNames(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["我是新手，请多指教。", "我是老师，想做个课件。", "我是学生，需要帮助。", "我是妈妈，孩子三岁。", "我是中国人。", "我是程序员，写Java。", "我是小白，不懂代码。"])
func chineseSelfRolesStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// A parent named by the child, a casual Japanese self-naming, and a Taipei road section in
/// Chinese numerals.
@Test(arguments: [
    ("Bonsoir, je suis le papa de Noé (CE1) et je veux écrire à la maîtresse.", "Bonsoir, je suis le papa de [NAME] (CE1) et je veux écrire à la maîtresse."),
    ("Soy la madre de Lucía y necesito escribir al colegio.", "Soy la madre de [NAME] y necesito escribir al colegio."),
    ("俺、ケンジ。 謝るLINE考えてくれ。", "俺、[NAME]。 謝るLINE考えてくれ。"),
    ("我住在忠孝東路四段216號5樓。", "我住在[ADDRESS]。"),
])
func parentsCasualSelfNamesAndRoadSections(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["Il est le père de famille.", "She is the mother of invention.", "俺、ダメだ。", "僕、テスト終わった。"])
func parentWordsAndCasualStatesStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// A surname with an elided particle beside a capitalised word one of the lists vouches for;
/// the Chinese letter formula 此致 敬礼 is no name.
@Test(arguments: [
    ("La tesi di Benedetta D'Alessandro è sul dialetto.", "La tesi di [NAME] è sul dialetto."),
    ("Ho parlato con Giulia Dell'Orto ieri.", "Ho parlato con [NAME] ieri."),
    ("帮我润色一下这封邮件。\n此致\n敬礼\n王建国", "帮我润色一下这封邮件。\n此致\n敬礼\n[NAME]"),
])
func elidedSurnamesAndTheChineseFormula(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["Fly to Chicago O'Hare tomorrow.", "Visit Côte D'Ivoire.", "Meet me at O'Hare at 5.", "We read D'Artagnan's story."])
func placesWithElidedParticlesStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// A verb with a measure word after a two-character name is no part of it; the Spanish
/// imperative "Dile" is no name.
@Test(arguments: [
    ("帮我给李明发个消息，说明天开会。", "帮我给[NAME]发个消息，说明天开会。"),
    ("给王建发写一封信。", "给[NAME]写一封信。"),
    ("Dile a Ximena que llego tarde.", "Dile a [NAME] que llego tarde."),
])
func verbsAfterChineseNamesAndSpanishImperatives(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

/// Text typed in lower case: a listed first name and a listed surname side by side are a name
/// (not in a run of pinyin); text typed in capitals is read in lower case too.
@Test(arguments: [
    ("it was meant to go to: megan riley, 7 orchard crescent, bishopstoke", "it was meant to go to: [NAME], [ADDRESS], bishopstoke"),
    ("ich brauch hilfe beim formular: kind ben hoffmann-grau, mutter sarah hoffmann-grau", "ich brauch hilfe beim formular: kind [NAME], mutter [NAME]"),
    ("meu pacote nao chegou. entrega era pra joao pedro santos, curitiba", "meu pacote nao chegou. entrega era pra [NAME], curitiba"),
    ("PREENCHE A ETIQUETA: DESTINATÁRIO RICARDO AZEVEDO, AV. DA BOAVISTA 1277", "preenche a etiqueta: destinatário [NAME], [ADDRESS]"),
])
func lowerCaseNamePairsAndShoutedText(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: [
    "how do i make pasta carbonara with guanciale and pecorino romano? also what wine goes with it",
    "ni ke yi shuo zhong wen ma. can you answer with only one word please",
    "WRITE ME A POEM ABOUT THE SEA AND THE MOON PLEASE",
    "my friend and i want to visit paris and rome next summer, any tips for the louvre",
])
func lowerCaseProseAndShoutingStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Contact details in more forms: name-field labels of two words, a transliterated Chinese name,
/// a bride and groom, a Japanese name in kana after なまえは or の, a tenant in a contract.
@Test(arguments: [
    ("Nombre y apellidos: Adrián Peñalver\nDomicilio: Calle Mayor 3", "Nombre y apellidos: [NAME]\nDomicilio: [ADDRESS]"),
    ("我朋友丹尼尔·米勒第一次来北京。", "我朋友[NAME]第一次来北京。"),
    ("帮我写个婚礼请柬，新郎潘浩然，新娘邹静怡。", "帮我写个婚礼请柬，新郎[NAME]，新娘[NAME]。"),
    ("わたしの なまえは たなか ゆうと です。", "わたしの なまえは [NAME] です。"),
    ("12ばんち の さかもと よしこ です。", "12ばんち の [NAME] です。"),
    ("記入例：借主 李 明華（中国籍）", "記入例：借主 [NAME]（中国籍）"),
])
func contactDetailNames(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["我读了列夫·托尔斯泰的小说。", "他买了一条裤子，花了17元。", "La Manzana de Newton es famosa.", "El lote de productos llegó."])
func famousDottedNamesAndPlotWordsStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// A first name that is a word only in other languages than English, alone and capitalised inside
/// a sentence; a colleague named by a department; a relation after "unsere", "nuestra", "your".
@Test(arguments: [
    ("¿Qué hago? Esperanza es más organizada, pero Consuelo le cae mejor a todo el mundo.", "¿Qué hago? Esperanza es más organizada, pero [NAME] le cae mejor a todo el mundo."),
    ("Sin Amparo en el equipo vamos a perder.", "Sin [NAME] en el equipo vamos a perder."),
    ("I'll be in time with Claire before the show.", "I'll be in time with [NAME] before the show."),
    ("Di que Lourdes de RRHH ya lo aprobó.", "Di que [NAME] de RRHH ya lo aprobó."),
    ("Remind them that Blessing from payroll needs the forms.", "Remind them that [NAME] from payroll needs the forms."),
    ("Schreib, dass unsere Tochter Ida ab Januar nicht mehr kommt.", "Schreib, dass unsere Tochter [NAME] ab Januar nicht mehr kommt."),
    ("Écris que notre fille Maëlle sera absente.", "Écris que notre fille [NAME] sera absente."),
])
func nameWordsInsideSentencesAndDepartments(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: [
    "What is AI Art? Is it a subset of algorithmic art?",
    "Set the Key repeat rate and the Honey badger icon.",
    "What kind of Islam do they practise there?",
    "In Geometric Algebra, Maxwell's equations can be written as one.",
    "Move the totals from Finance to Sales in IT reports.",
    "Vivo cerca de la Calle, en el centro.",
])
func englishWordsAndDepartmentsAloneStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Names beside masked ones in a list, after more relations and labels, and Chinese and Japanese
/// kin before a given name or a nickname.
@Test(arguments: [
    ("Seating: Aunt Ngozi, Grandpa Obi, Olive, Hope Castillo, Tariq Mansour, Jasmine.", "Seating: Aunt [NAME], Grandpa [NAME], [NAME], [NAME], [NAME], [NAME]."),
    ("AM: Jade (M,W,F), Kwabena (T,Th), Siobhan (Sat)", "AM: [NAME] (M,W,F), [NAME] (T,Th), [NAME] (Sat)"),
    ("Voglio fare un regalo alla mia madrina Rosetta.", "Voglio fare un regalo alla mia madrina [NAME]."),
    ("Er ist der Vater meiner Verlobten Charlotte.", "Er ist der Vater meiner Verlobten [NAME]."),
    ("Kannst du das Protokoll ordnen? Entschuldigt: Reto", "Kannst du das Protokoll ordnen? Entschuldigt: [NAME]"),
    ("我们经理老周总是批评小刘，怎么办？", "我们经理[NAME]总是批评[NAME]，怎么办？"),
    ("我儿子子轩最近只跟他同学一鸣玩。", "我儿子[NAME]最近只跟他同学[NAME]玩。"),
    ("生日宴上，我爸郭志明会念。", "生日宴上，我爸[NAME]会念。"),
    ("甥っ子の悠真が来週テストです。", "甥っ子の[NAME]が来週テストです。"),
    ("前職の上司のエミリー・カーター部長に頼みます。", "前職の上司の[NAME]部長に頼みます。"),
    ("お姉ちゃんのひかりに伝えて。", "お姉ちゃんの[NAME]に伝えて。"),
])
func namesInListsAndAfterKin(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: [
    "Compare Python, Ruby, Go, Rust and Java for scripting.",
    "我儿子学习不好，我女儿很喜欢画画，我老公不想去，我同事都说好。",
    "我老公今天加班，我女儿生日快到了。",
    "友人のおかげで助かりました。母のために料理を作ります。",
    "Present: the budget, the plan, and the risks.",
])
func listsOfThingsAndKinWithoutNamesStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Lower-case names after a relation or a sign-off inside a quoted message, and streets whose
/// name opens with a title or whose type is abbreviated "Bv.".
@Test(arguments: [
    ("Corrige: 'lg kerstin'", "Corrige: 'lg [NAME]'"),
    ("corriger : 'dis a ton frere mathis que jpeux pas venir'", "corriger : 'dis a ton frere [NAME] que jpeux pas venir'"),
    ("La fiesta es en casa, calle Doctor Esquerdo 36.", "La fiesta es en casa, [ADDRESS]."),
    ("el velorio en la cochería de Bv. Oroño 1250.", "el velorio en la cochería de [ADDRESS]."),
])
func lowerCaseNamesInQuotedMessagesAndTitledStreets(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["thanks, see you", "ok bye then.", "la calle Doctor es larga", "mon frere est malade"])
func signOffsAndRelationsWithoutNamesStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Who stands before each date in a table of birthdays, in any script.
@Test(arguments: [
    ("Una tabella con i compleanni: Pia 3 marzo, Addolorata 29 giugno", "Una tabella con i compleanni: [NAME] 3 marzo, [NAME] 29 giugno"),
    ("Uma tabela com os aniversários: Socorro 3 de março, Dores 29 de junho", "Uma tabela com os aniversários: [NAME] 3 de março, [NAME] 29 de junho"),
    ("做一个生日表格：春梅 3月3日，国强 4月11日，明明 5月1日", "做一个生日表格：[NAME] 3月3日，[NAME] 4月11日，[NAME] 5月1日"),
    ("誕生日の表：春子 4月11日、ひとみ 8月1日", "誕生日の表：[NAME] 4月11日、[NAME] 8月1日"),
])
func namesInBirthdayTables(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["Birthday party planning: Monday 3 pm, Saturday 4 May, Room 2 12 chairs", "生日聚会：妈妈 3月3日，周六 4月11日，明天 5月1日", "Plan: Meeting 3 March, Launch 4 April"])
func datesWithoutPeopleStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// In lower case after a self-introduction, a name that is a word only in other languages than
/// English, before a surname or ending the clause; not after a greeting, nor before more words.
@Test(arguments: [
    ("oi, aqui é a bruna carvalho do setor de compras.", "oi, aqui é a [NAME] do setor de compras."),
    ("ciao qui è tommy, mi aiuti?", "ciao qui è [NAME], mi aiuti?"),
])
func lowerCaseNameWordsAfterSelfIntroductions(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["ciao bella, come stai?", "sono casa mia", "je suis rose."])
func lowerCaseWordsAfterGreetingsAndIntroductionsStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// A surname opening with capitalised particles after a label, mid-line too, and a text typed
/// with caps lock inverted, read in lower case as shouted text is.
@Test(arguments: [
    ("Pouvez-vous m'aider ? Nom : VAN DEN BERG, prénom : Sophie", "Pouvez-vous m'aider ? Nom : [NAME], prénom : [NAME]"),
    ("tHIS IS GARY PEARCE AND I AM FED UP. hELP ME WRITE A COMPLAINT.", "this is [NAME] and i am fed up. help me write a complaint."),
])
func particleSurnamesAfterLabelsAndInvertedCaps(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["WHY DOES mRNA WORK AND WHAT IS THE iPHONE ROLE HERE", "This is La Liga.", "I am De Niro fan"])
func invertedLookingWordsAndParticlePlacesStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// A Chinese given name that kin or a pronoun is called by, and a doubled name after 告诉.
@Test(arguments: [
    ("我女儿叫欣怡，在她班上三年了。", "我女儿叫[NAME]，在她班上三年了。"),
    ("怎么告诉晴晴这件事？", "怎么告诉[NAME]这件事？"),
])
func chineseNamesSomeoneIsCalledBy(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["这个叫什么？", "我儿子叫什么名字好？", "怎么告诉别人这件事？"])
func chineseCallingWithoutNamesStays(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Whose name a booking or an order is under, in Japanese and Chinese, and "Namen" as no part of it.
@Test(arguments: [
    ("予約は山田太郎の名前で入っています。", "予約は[NAME]の名前で入っています。"),
    ("予約名はタナカ・ハルトです。", "予約名は[NAME]です。"),
    ("订单是用张子涵的名字下的。", "订单是用[NAME]的名字下的。"),
    ("Die Buchung läuft auf den Namen Jörg Oberländer.", "Die Buchung läuft auf den Namen [NAME]."),
])
func namesABookingIsUnder(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["会社の名前で登録しました。", "用什么的名字好？", "在公司名下。", "Ich habe einen neuen Namen für das Projekt."])
func namesOfThingsStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// In lower case, the rest of a compound name after its masked part, through particles; and a
/// lower-case sign-off's surname.
@Test(arguments: [
    ("me llamo joaquín ortega ruiz y necesito ayuda", "me llamo [NAME] y necesito ayuda"),
    ("mi chiamo gianluca de santis e ho bisogno di aiuto", "mi chiamo [NAME] e ho bisogno di aiuto"),
    ("bonjour, je suis théo van der meulen", "bonjour, je suis [NAME]"),
    ("hi my name is siobhan ní bhriain and i need help", "hi my name is [NAME] and i need help"),
    ("cordialement, jean-baptiste lemoine", "cordialement, [NAME]"),
])
func lowerCaseCompoundNames(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: [
    ("soy ana de madrid y necesito ayuda", "soy [NAME] de madrid y necesito ayuda"),
    ("je suis paul le frère de julie", "je suis [NAME] le frère de julie"),
    ("ich bin jonas von der firma müller", "ich bin [NAME] von der firma müller"),
])
func lowerCaseNamesBeforePrepositionsEndThere(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

/// Transliterated foreign names written apart by a middle dot: in Chinese after a word whose
/// object is a person, in Japanese before a person's day, after 署名 and before 先生.
@Test(arguments: [
    ("为德米特里·瓦西里耶夫的退休写一段祝酒词。", "为[NAME]的退休写一段祝酒词。"),
    ("和玛丽亚·冈萨雷斯一起去。", "和[NAME]一起去。"),
    ("マリア・ゴンザレスの誕生日カードを書いて。", "[NAME]の誕生日カードを書いて。"),
    ("署名：ソフィア・ロッシ", "署名：[NAME]"),
    ("娘の先生のオコンクウォ先生に手紙を書きたい。", "娘の先生の[NAME]先生に手紙を書きたい。"),
    ("荷物の宛先はグエン・ヴァン・アン様です。", "荷物の宛先は[NAME]です。"),
])
func dottedForeignNamesInChineseAndJapanese(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["我读了列夫·托尔斯泰的小说。", "アイス・クリームのためのレシピ", "ニュー・ヨークの家を探す"])
func dottedWordsAndFamousNamesStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Whose day it is, in lower case: a listed first name (and the word after it) before 's and a rite.
@Test(arguments: [
    ("can you write a toast for dmitri vasiliev's retirement", "can you write a toast for [NAME]'s retirement"),
    ("ideas for sarah's wedding please", "ideas for [NAME]'s wedding please"),
])
func lowerCaseNamesBeforeTheirDay(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["help me plan my mom's birthday", "what to get for the team's anniversary"])
func lowerCaseKinAndGroupsBeforeTheirDayStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// A Japanese list of people before who comes along, and a list's neighbour found by a later pass.
@Test(arguments: [
    ("10人で、葵、リョウタ、マリアも来ます。", "10人で、[NAME]、[NAME]、[NAME]も来ます。"),
    ("結婚式の席次：祖父、祖母、友人のまりえ、ケンジ。", "結婚式の席次：祖父、祖母、友人の[NAME]、[NAME]。"),
])
func japaneseListsOfPeople(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["コーヒー、紅茶、ジュースが来ました。", "東京、大阪、名古屋も参加します。"])
func japaneseListsOfThingsAndPlacesStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Chinese nicknames beside masked names in a list.
@Test(arguments: [
    ("一共十个人，有阿May、张伟、小胖和王芳，帮我列个清单", "一共十个人，有[NAME]、[NAME]、[NAME]和[NAME]，帮我列个清单"),
])
func chineseNicknamesInLists(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["我买了小米、苹果和华为", "小时、分钟和秒"])
func chineseListsOfThingsStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// A listed name after the article that Portuguese, Spanish and Italian speech puts before a
/// first name, ending a list of masked ones; a thing after the article stays.
@Test(arguments: [
    ("Convidei a Joana, o Pedro e a Rosa", "Convidei a [NAME], o [NAME] e a [NAME]"),
    ("vamos com a Beatriz, o Thiago e a Mariana", "vamos com a [NAME], o [NAME] e a [NAME]"),
    ("Ho parlato con Giulia, Marco e il Comune", "Ho parlato con [NAME], [NAME] e il Comune"),
    ("Ana, Rui, a Maria e o Brasil", "[NAME], [NAME], a [NAME] e o Brasil"),
    ("Falei com a Ana, o Rui e a Nike ontem", "Falei com a [NAME], o [NAME] e a Nike ontem"),
])
func listedNamesAfterAColloquialArticle(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

/// Lower-case names after a possessive and a relation, before a verb of saying, in a list of
/// listed first names, and after "heißt" or "se llama" said of a person one knows.
@Test(arguments: [
    ("comment dire a mon chef olivier que je pars", "comment dire a mon chef [NAME] que je pars"),
    ("meine oma hildegard macht das nach gefühl", "meine oma [NAME] macht das nach gefühl"),
    ("mia suocera rosaria non sopporta l'aglio", "mia suocera [NAME] non sopporta l'aglio"),
    ("mein nachbar ole petersen hat", "mein nachbar [NAME] hat"),
    ("budi says the wifi password doesnt work", "[NAME] says the wifi password doesnt work"),
    ("xiomara dice que el excel no suma", "[NAME] dice que el excel no suma"),
    ("gudrun und wolfgang laden uns ein", "[NAME] und [NAME] laden uns ein"),
    ("le mercredi : noa, ayoub et inès.", "le mercredi : [NAME], [NAME] et [NAME]."),
    ("siamo io, marta, kenji e oluwadamilare", "siamo io, [NAME], [NAME] e [NAME]"),
    ("Unser neuer Nachbar heißt Rangi Parata.", "Unser neuer Nachbar heißt [NAME]."),
    ("Meine Tandempartnerin heißt Kiku Ishikawa.", "Meine Tandempartnerin heißt [NAME]."),
    ("A vizinha chama-se Kalani Akana.", "A vizinha chama-se [NAME]."),
    ("der trainer heißt marco di stefano und ist nett", "der trainer heißt [NAME] und ist nett"),
    ("kannst du einen text an tobi schreiben", "kannst du einen text an [NAME] schreiben"),
])
func lowerCaseNamesAfterRelationsVerbsAndInLists(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

/// Lower-case names typed in a hurry: after more relations ("mein ex lukas", "minha vó tereza")
/// and possessives ("meinen vater"), after what one is called without a relation ("una tal rocio"),
/// after a holder's cue ("au nom de petit, isabelle"), after more titles ("hr.yılmaz", "prof. dr.
/// albrecht", "sig.ra marchetti", "doña amparo"), joined by "+", said to be a relation ("his wife
/// is sofía"), in brackets after someone, and first names that are also places ("diego").
@Test(arguments: [
    ("mein ex lukas will seine sachen abholen", "mein ex [NAME] will seine sachen abholen"),
    ("meine mama gabi hat die auch", "meine mama [NAME] hat die auch"),
    ("is für meinen vater günter", "is für meinen vater [NAME]"),
    ("è di mio marito mario", "è di mio marito [NAME]"),
    ("receita igual da minha vó tereza pra 15 pessoas", "receita igual da minha vó [NAME] pra 15 pessoas"),
    ("rezept für gulasch wie oma hildegard es macht", "rezept für gulasch wie oma [NAME] es macht"),
    ("el novio se llama diego", "el novio se llama [NAME]"),
    ("la q me atendio fue una tal rocio", "la q me atendio fue una tal [NAME]"),
    ("she goes by wendy", "she goes by [NAME]"),
    ("bonjour jsuis nathan et jcomprends rien", "bonjour jsuis [NAME] et jcomprends rien"),
    ("num client 123 au nom de petit, isabelle, comment je résilie", "num client 123 au nom de [NAME], comment je résilie"),
    ("contrato no nome de costa, fernanda, como faço", "contrato no nome de [NAME], como faço"),
    ("aktenzeichen 402 ausgestellt auf schulz, thomas", "aktenzeichen 402 ausgestellt auf [NAME]"),
    ("nachricht an meinen vermieter hr.yılmaz schreiben", "nachricht an meinen vermieter hr.[NAME] schreiben"),
    ("mein betreuer is prof. dr. albrecht", "mein betreuer is prof. dr. [NAME]"),
    ("la consulente sig.ra marchetti vuole vendermi un fondo", "la consulente sig.ra [NAME] vuole vendermi un fondo"),
    ("mi casera se llama doña amparo y no me devuelve la fianza", "mi casera se llama doña [NAME] y no me devuelve la fianza"),
    ("eine rede für die hochzeit von basti+jana, lustig", "eine rede für die hochzeit von [NAME]+[NAME], lustig"),
    ("unterschrift von uns: jule, kemal und fabian", "unterschrift von uns: jule, [NAME] und [NAME]"),
    ("for my bro marcus wedding, his wife is sofía and they met", "for my bro [NAME] wedding, his wife is [NAME] and they met"),
    ("my mom (margaret o'brien) has had a headache", "my mom ([NAME]) has had a headache"),
    ("wenn einer vegan is (tobi) und", "wenn einer vegan is ([NAME]) und"),
    ("my friend charlotte is coming", "my friend [NAME] is coming"),
])
func lowerCaseNamesTypedInAHurry(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: [
    "we fly to charlotte and then to san diego", "the motor is rated 85 V. Can you size it?", "a splashscreen (lottie) in a react-native app",
    "the file name is config.yaml", "a function named main", "das heißt nicht viel", "a nombre de la empresa", "intestato a mio padre",
    "my ex said no", "c++ and java, python&rust", "salt, pepper and garlic (rosa)", "mi hermano es alto", "5 m. de largo",
])
func lowerCaseWordsAfterTheNewCuesStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Self-introductions of more forms: "quien le escribe es", "aqui é o" after "E aí", "me chamam de",
/// a greeting's sender at the end, 在下 and a Japanese full name after 我是.
@Test(arguments: [
    ("Buenas tardes, quien le escribe es Sun-hee Park, profesora de coreano.", "Buenas tardes, quien le escribe es [NAME], profesora de coreano."),
    ("E aí, aqui é o Vini. Como faço um loop em Python?", "E aí, aqui é o [NAME]. Como faço um loop em Python?"),
    ("Meu nome é Francisco, mas me chamam de Chico. Pode me ajudar?", "Meu nome é [NAME], mas me chamam de [NAME]. Pode me ajudar?"),
    ("Puoi suggerirmi dei giochi? Tanti saluti da Luisa Marchi", "Puoi suggerirmi dei giochi? Tanti saluti da [NAME]"),
    ("我是田中爱子，日本人，在成都留学。", "我是[NAME]，日本人，在成都留学。"),
    ("在下欧阳明轩（邮箱 a@b.cn），想请教一下", "在下[NAME]（邮箱 [EMAIL]），想请教一下"),
])
func moreSelfIntroductions(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: ["我是学生，想问一下", "Saludos de Madrid, qué tal", "Grüße von der Ostsee", "我是孩子，不懂"])
func placesAndRolesAfterTheNewIntroductionsStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

@Test(arguments: [
    "mi madre dice que no", "my friend will help me", "salt, pepper and garlic", "python, java and rust",
    "paris, london and berlin", "mon chef cuisinier est parti", "Die Datei heißt Config und liegt im Ordner.",
    "Das Programm heißt Excel.", "Die Stadt heißt Mainz.",
])
func lowerCaseWordsAfterRelationsAndThingsCalledStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// A family by its surname, Vietnamese names in text of other languages, Arabic names' parts
/// after a masked part, and a name label's value in one case.
@Test(arguments: [
    ("On dîne chez la famille Dubreuil samedi.", "On dîne chez la famille [NAME] samedi."),
    ("Wir sind bei Familie Yilmaz eingeladen.", "Wir sind bei Familie [NAME] eingeladen."),
    ("Dinner with the Okafor family on Sunday.", "Dinner with the [NAME] family on Sunday."),
    ("explain how to pronounce Nguyễn Thị Minh Khai.", "explain how to pronounce [NAME]."),
    ("Son nom complet c'est Lê Anh Thư, c'est ça ?", "Son nom complet c'est [NAME], c'est ça ?"),
    ("¿Le llamo 'thầy Bảo' o 'thầy Trần'?", "¿Le llamo 'thầy [NAME]' o 'thầy [NAME]'?"),
    ("入力したのは「Đặng Thị Mai」という名前です。", "入力したのは「[NAME]」という名前です。"),
    ("El Dr. Ahmad al-Masri me ha recetado omeprazol.", "El Dr. [NAME] me ha recetado omeprazol."),
    ("Mi jefe Rashid bin Hamad al-Suwaidi viene.", "Mi jefe [NAME] viene."),
    ("nome: antonio", "nome: [NAME]"),
    ("NOM : DUPUIS", "NOM : [NAME]"),
    ("名前：KIM JIHOON（キム ジフン）", "名前：[NAME]"),
    ("Mutter: Anna Schuster", "Mutter: [NAME]"),
])
func familiesVietnameseAndArabicNamesAndLabelLines(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: [
    "Wir haben in der Familie Probleme mit dem Erbe.", "Für die Familie Geschenke kaufen", "The Royal Family visited.",
    "the Python family of languages", "We are flying to Hà Nội and then Đà Nẵng in March.", "How do I make Bún Chả at home?",
    "name: string", "kind: Deployment\nmetadata:\n  name: nginx",
])
func familyNounsVietnamesePlacesAndCodeLabelsStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Chinese: dotted transliterated names after 叫 or before 是我的, a full name before 姐, a child's doubled
/// name after 叫 and a name after 大名 or 全名, a nickname after a friend; Japanese: an account
/// holder's name, and a kin's bare name only when it looks like a name.
@Test(arguments: [
    ("他叫穆斯塔法·哈桑，从埃及来的。", "他叫[NAME]，从埃及来的。"),
    ("安娜·伊万诺夫娜·彼得罗娃是我的俄语老师", "[NAME]是我的俄语老师"),
    ("玛丽亚·何塞·费尔南德斯是我的外教", "[NAME]是我的外教"),
    ("对方叫艾哈迈德·本·萨利赫，见面有什么礼仪？", "对方叫[NAME]，见面有什么礼仪？"),
    ("给我们部门的刘春梅姐写祝福", "给我们部门的[NAME]姐写祝福"),
    ("我女儿叫诺诺，大名叶诺。", "我女儿叫[NAME]，大名[NAME]。"),
    ("朋友小黄借了我2000块", "朋友[NAME]借了我2000块"),
    ("振込先：渋谷支店 普通 4827163 名義 ハセガワ ミドリ", "振込先：渋谷支店 普通 [NUMBER] 名義 [NAME]"),
    ("「三菱UFJ銀行 渋谷支店 135 普通 7301928 ヤマモト カズオ」", "「三菱UFJ銀行 渋谷支店 135 普通 [NUMBER] [NAME]」"),
    ("父の和夫が使っています", "父の[NAME]が使っています"),
    ("義母の山口春子が来ます", "義母の[NAME]が来ます"),
    ("署名は 株式会社ミナト 営業部 小林健太 でお願いします", "署名は 株式会社ミナト 営業部 [NAME] でお願いします"),
])
func transliteratedKinAndAccountHolderNames(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: [
    "我在读《哈利·波特》", "中国·北京国际会议", "老公不回家怎么办", "老师来了",
    "名義変更の手続きを教えて", "母の料理が好きです。", "上司の意見が違います。", "妹の部屋が汚い。", "父の会社が倒産しました。",
])
func booksKinWordsAndNounsAfterKinStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// Names after a Romance article in lower case or opening a sentence (and diminutives), before a
/// trade or relation after an article, after a kunya, in compound names masked in parts, and in
/// shouted text after a relation; Japanese names after kin and で, before です, addressed in
/// katakana, quoted whole, with their reading.
@Test(arguments: [
    ("o vizinho é o sr. Costa e o sindico é o gilmar, os dois", "o vizinho é o sr. Costa e o sindico é o [NAME], os dois"),
    ("q le pongo en la tarjeta de despedida a yusuf ibrahim?", "q le pongo en la tarjeta de despedida a [NAME]?"),
    ("Preciso falar com a professora. O Pedrinho anda distraído.", "Preciso falar com a professora. O [NAME] anda distraído."),
    ("Vou viajar com a Kalani Akana, uma amiga havaiana.", "Vou viajar com a [NAME], uma amiga havaiana."),
    ("\"Ángel, el fontanero, dice que está picada.\"", "\"[NAME], el fontanero, dice que está picada.\""),
    ("abu yusuf at the mosque asked me", "[NAME] at the mosque asked me"),
    ("salut, mon pote thibault veut courir", "salut, mon pote [NAME] veut courir"),
    ("come lo faceva nonna fortunata?", "come lo faceva nonna [NAME]?"),
    ("MEU CHEFE ROBERVAL NÃO PAGOU AS HORAS EXTRAS DE DEZEMBRO.", "MEU CHEFE [NAME] NÃO PAGOU AS HORAS EXTRAS DE DEZEMBRO."),
    ("Quiero felicitar a Inés de los Santos Carvalho por su ascenso.", "Quiero felicitar a [NAME] por su ascenso."),
    ("Vatersname: Nikolajewitsch", "Vatersname: [NAME]"),
    ("使っているのは父の和夫で、", "使っているのは父の[NAME]で、"),
    ("娘は小学2年の美咲です。", "娘は小学2年の[NAME]です。"),
    ("ハルカ、ごめん今日行けない", "[NAME]、ごめん今日行けない"),
    ("names = ['渡部恵子', '阿部大輔']", "names = ['[NAME]', '[NAME]']"),
    ("「大和田 國男」の「國」は旧字体", "「[NAME]」の「國」は旧字体"),
    ("请问日本人的名字“田中春香”怎么读？", "请问日本人的名字“[NAME]”怎么读？"),
    ("夫の国慶（グオチン）は中国出身で", "夫の[NAME]は中国出身で"),
    ("名前は佐藤陽向（ひなた）、25歳です", "名前は[NAME]、25歳です"),
])
func namesAfterArticlesKunyasAndJapaneseKin(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: [
    "voy a la playa con el perro y la familia", "a casa do mar é bonita, o tempo está bom", "Abu Dhabi is hot in July.",
    "o rio e a serra, a praia e o sol", "On the way home he buys eggs at 7-Eleven, a friend called.",
    "SOCORRO O CELULAR DA MINHA MÃE CAIU NA ÁGUA. O QUE FAÇO AGORA COM ELE?", "He works as CEO of FTX.",
    "これは私の上司です。母の紹介です。私の息子です。", "「中村屋」のカレー", "コーヒー、紅茶、ジュース",
])
func wordsAfterArticlesKinAndCapitalsStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

/// A surname that is a word after a title and a first name in lower case, a lower-case name
/// before who they are, a name in pinyin after 叫, Vietnamese names beside Spanish, and numbers:
/// a Brazilian bar number, a long number beside an account number already masked.
@Test(arguments: [
    ("a veterinária, dra. luciana pires, falou", "a veterinária, dra. [NAME], falou"),
    ("prépare un planning pour yanis, mon fils, il passe le bac", "prépare un planning pour [NAME], mon fils, il passe le bac"),
    ("物业经理叫 zhou haiyan，楼上漏水了。", "物业经理叫 [NAME]，楼上漏水了。"),
    ("我同事 liu haoyu 又在办公室热鱼了", "我同事 [NAME] 又在办公室热鱼了"),
    ("Estoy aprendiendo vietnamita.\nMi profesor es Trần Quốc Bảo. ¿Le llamo 'thầy Bảo'?", "Estoy aprendiendo vietnamita.\nMi profesor es [NAME]. ¿Le llamo 'thầy [NAME]'?"),
    ("Dr. Cláudio Bittencourt\nOAB/SP 123.456", "Dr. [NAME]\nOAB/SP [NUMBER]"),
    ("正しくは 京橋支店 普通 4829173 ですが、4829137 と入力しました（5万円）。", "正しくは 京橋支店 普通 [NUMBER] ですが、[NUMBER] と入力しました（5万円）。"),
])
func surnameWordsPinyinVietnameseAndNumbersBesideAccounts(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

@Test(arguments: [
    "这个方法叫 machine learning，怎么学？", "我朋友 said hello 了", "Tôi muốn học tiếng Việt. Bạn có thể giúp tôi không? Tôi sống ở Hà Nội.",
])
func englishAfterCalledAndVietnameseTextStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}

@Test(arguments: [
    ("Minha conta 12345-6 recebeu 1500000 reais.", "Minha conta [NUMBER] recebeu 1500000 reais."),
    ("Account 55512345, I paid $1200000 last year.", "Account [NUMBER], I paid $1200000 last year."),
    ("Account 55512345. Current date: 3/17/2023", "Account [NUMBER]. Current date: 3/17/2023"),
])
func amountsBesideAccountsStay(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

/// Names at work and at home: initials before a surname, a full name's word standing alone
/// later, a rota's slots, action items, attendance labels, a chat line quoted in lower case,
/// "née", a family's nickname in quotes, and in Chinese and Japanese kin, classes and 叫.
@Test(arguments: [
    ("Attendees: K. Brannigan, Mei Lin Chow; notes by the chair.", "Attendees: [NAME], [NAME]; notes by the chair."),
    ("Present — P. Okonkwo, J. R. Halvorsen (chair).", "Present — [NAME], [NAME] (chair)."),
    ("Freigabe durch Dr. H. Lindqvist bis Freitag.", "Freigabe durch Dr. [NAME] bis Freitag."),
    ("The parcel went to Rory Fitzgerald; call Rory's desk if it is late.", "The parcel went to [NAME]; call [NAME]'s desk if it is late."),
    ("Asistentes: Jordi Ferrer y Sra. Vidal. Jordi presenta el presupuesto.", "Asistentes: [NAME] y Sra. [NAME]. [NAME] presenta el presupuesto."),
    ("Rota: week 1 Ranger, week 2 Priya Nair, week 3 Tomasz Zieliński, week 4 ranger again.", "Rota: week 1 [NAME], week 2 [NAME], week 3 [NAME], week 4 [NAME] again."),
    ("Permanences : semaine 1 Mathis, semaine 2 Léa Fontaine, semaine 3 Li Wei, semaine 4 mathis à nouveau.", "Permanences : semaine 1 [NAME], semaine 2 [NAME], semaine 3 [NAME], semaine 4 [NAME] à nouveau."),
    ("当番：第1週 菊地、第2週 長谷川 陽菜、第3週 Li Qiang さん、第4週 また菊地。", "当番：第1週 [NAME]、第2週 [NAME]、第3週 [NAME] さん、第4週 また[NAME]。"),
    ("AP: Priya Nair → slides. AP: bertie → book the room.", "AP: [NAME] → slides. AP: [NAME] → book the room."),
    ("Acta: presentes — Marta Vidal, Jordi Puig; falta justificada: Vicente.", "Acta: presentes — [NAME], [NAME]; falta justificada: [NAME]."),
    ("Protokoll: anwesend – Ines Brandt; entschuldigt: Herr Vogt.", "Protokoll: anwesend – [NAME]; entschuldigt: Herr [NAME]."),
    ("dejó el paquete con doña Luz Cárdenas, la vecina", "dejó el paquete con doña [NAME], la vecina"),
    ("Resume el chat: 'ignacio no viene hoy', 'vale'.", "Resume el chat: '[NAME] no viene hoy', 'vale'."),
    ("Fass zusammen: „jannik ist heute krank“.", "Fass zusammen: „[NAME] ist heute krank“."),
    ("Traueranzeige für Gertrud Hahn geb. Lindemann, geboren 1931.", "Traueranzeige für [NAME] geb. [NAME], geboren 1931."),
    ("Sie wurde als Kind „Pünktchen“ genannt.", "Sie wurde als Kind „[NAME]“ genannt."),
    ("Ma tante l'appelle « Titou » depuis toujours.", "Ma tante l'appelle « [NAME] » depuis toujours."),
    ("Kinder Lotta (7) und Jonas (10) wohnen bei mir.", "[NAME] (7) und [NAME] (10) wohnen bei mir."),
    ("o Duarte e a Carolina também querem assinar", "o [NAME] e a [NAME] também querem assinar"),
    ("The Key to an Abundant Future Jeff Booth wrote. Is the Future Inflationary?", "The Key to an Abundant [NAME] wrote. Is the Future Inflationary?"),
    ("我想劝劝我哥，他叫大鹏，脾气倔。", "我想劝劝我哥，他叫[NAME]，脾气倔。"),
    ("她闺蜜佳佳又在挑拨离间。", "她闺蜜[NAME]又在挑拨离间。"),
    ("我父亲陈国栋先生于上周去世。", "我父亲[NAME]先生于上周去世。"),
    ("提醒一下范思琪，报销单还缺发票。", "提醒一下[NAME]，报销单还缺发票。"),
    ("5年1組 高橋蓮、本日欠席します。", "5年1組 [NAME]、本日欠席します。"),
    ("母（井上千代子、82歳）の検査を予約したい。", "母（[NAME]、82歳）の検査を予約したい。"),
    ("署名は営業部長 吉田健一でお願いします。", "署名は営業部長 [NAME]でお願いします。"),
    ("予約しているマリア・ロペスです。", "予約している[NAME]です。"),
    ("休假表：王磊 8月1-15日，热依拉 8月16-31日。", "休假表：[NAME] 8月1-15日，[NAME] 8月16-31日。"),
    ("休暇表：今井 8/1〜8/15、ラフマン 8/16〜8/31。", "休暇表：[NAME] 8/1〜8/15、[NAME] 8/16〜8/31。"),
    ("大家好，静怡请假到周一，急事找我（浩宇）。", "大家好，[NAME]请假到周一，急事找我（[NAME]）。"),
    ("急ぎは私（美穂）までお願いします。", "急ぎは私（[NAME]）までお願いします。"),
    ("LINEを要約して：「けんた今日体調不良」「了解」", "LINEを要約して：「[NAME]今日体調不良」「了解」"),
    ("Incidencia: empleado n.º 004417, cobró de menos.", "Incidencia: empleado n.º [NUMBER], cobró de menos."),
    ("Meine Rücksendung (Retourennr. 300918) ist noch offen.", "Meine Rücksendung (Retourennr. [NUMBER]) ist noch offen."),
    ("Returned it on 3 April (RMA 448120), no refund yet.", "Returned it on 3 April (RMA [NUMBER]), no refund yet."),
    ("A LinkedIn note for my old manager bronwyn taylor-evans, she mentored me.", "A LinkedIn note for my old manager [NAME], she mentored me."),
    ("Proofread: 'J. R. Ortega will chair.'", "Proofread: '[NAME] will chair.'"),
    ("Pero Marta le cae mejor a mi madre.", "Pero [NAME] le cae mejor a mi madre."),
    ("Aber Anna kommt heute nicht.", "Aber [NAME] kommt heute nicht."),
    // A transcript's speaker label is no action item.
    ("AI: Models like this one were trained by Priya Nair.", "AI: Models like this one were trained by [NAME]."),
])
func namesAtWorkAndAtHome(input: String, expected: String) {
    #expect(masker.mask(input) == expected, "\(masker.mask(input))")
}

/// What those rules leave: an answer's letter, a vitamin, a rota of tasks, an action that is a
/// verb, a quoted word that is no listed name, what one is told to do, a question, and kin's
/// words that are words.
@Test(arguments: [
    "A. Brief explanation of the system.\nB. Protocols between servers.",
    "Take vitamin D. Sunlight helps too.",
    "Week 1 is about planning, week 2 Testing, and in week 3 we ship.",
    "Action: remove the old file before Friday.",
    "She said 'ok let me check' and left.",
    "她叫我回家吃饭，但是我很忙。", "他叫什么？", "他叫外卖了。",
    "我妹妹小时候很可爱，我儿子小学三年级。", "我（本人）没去，大家请假了。", "Employee of the month in 2023.",
    "Is the Future Inflationary? Read The Key to an Abundant Future.",
])
func lettersVitaminsTasksAndWordsStay(input: String) {
    #expect(masker.mask(input) == input, "\(masker.mask(input))")
}
