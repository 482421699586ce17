import Foundation

/// Compact lists of common personal names (lowercased) in several languages, used when a
/// capitalised word appears without a cue. Names that are also everyday words ("Will", "May",
/// "Rose", "Baker", "Long") and names that are also places, brands or tools ("Sofia",
/// "Julia", "Phillips", "Mason") are left out: masking them would eat topical words. Each list
/// is this hand list plus the gazetteer of GeneratedNames.swift (scripts/make-name-lists.py:
/// top names of 105 countries less common words in 14 languages and this file's exclusions).
enum NameLists {
    static let firstNames: Set<String> = Set(
        """
        james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony
        donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob
        gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander patrick
        dennis jerry tyler aaron adam nathan henry zachary douglas peter kyle noah ethan jeremy walter
        keith roger terry sean gerald carl harold dylan arthur lawrence jesse bryan
        billy bruce gabriel logan alan albert elijah randy wayne vincent liam lucas oliver
        mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty sandra margaret
        ashley kimberly emily donna michelle carol amanda melissa deborah stephanie dorothy rebecca sharon laura
        cynthia amy kathleen angela shirley brenda emma anna pamela nicole samantha katherine christine helen
        debra rachel carolyn janet maria catherine heather diane olivia julie joyce ruth virginia lauren
        kelly christina joan evelyn judith andrea hannah megan cheryl jacqueline martha teresa gloria
        sara janice ann kathryn abigail sophia frances jean alice judy isabella denise beverly
        danielle theresa marilyn diana natalie brittany marie kayla alexis lori ava mia chloe zoe
        sophie harper aria lucy jenny kate sam tom mike dave chris steve tony jim bob ben alex
        carlos luis miguel javier alejandro manuel pedro pablo sergio jorge fernando
        ricardo andres rafael raul alberto enrique eduardo roberto mario hector ramon mateo sebastian
        valentina camila martina paula elena carmen isabel ana marta pilar beatriz
        jean pierre jacques michel philippe alain nicolas francois françois louis bernard julien mathieu thierry
        antoine olivier sebastien sébastien guillaume maxime theo théo leo léo
        camille manon chloé léa lea ines inès juliette amelie amélie mathilde margaux nathalie isabelle sylvie
        celine céline aurelie aurélie sandrine veronique véronique brigitte monique francoise françoise
        hans klaus jürgen jurgen uwe wolfgang dieter günter gunter helmut horst stefan andreas markus jens frank
        thorsten matthias tobias florian lukas jonas felix maximilian niklas jan moritz sebastian tim
        ursula petra sabine monika claudia susanne birgit heike katrin anja stefanie lena leonie hanna johanna
        marco giuseppe giovanni luca francesco alessandro andrea matteo lorenzo davide stefano riccardo fabio
        simone federico gianluca massimo roberta chiara giulia francesca alessia federica silvia valentina
        joão joao pedro tiago thiago rafael gabriel bruno rodrigo felipe gustavo leonardo vinicius
        mariana beatriz larissa fernanda gabriela leticia letícia juliana camila bianca
        daan bram lars thijs jesper ruben stijn bas joost pieter sanne femke lotte anouk
        wei ming jun hao lei yan ling xiu mei hui jing hiroshi takashi kenji yuki haruto yuto sota yui aoi
        sakura hina yuna minjun seojun jiwoo seoyeon jiho ahmed mohamed mohammed muhammad ali omar fatima aisha
        priya rahul amit anil sunil ravi arjun deepak anjali pooja neha olga ivan dmitri sergei natasha
        anastasia irina svetlana vladimir aleksandr piotr krzysztof katarzyna agnieszka lars erik sven
        ingrid astrid magnus nils mikael
        """.split(whereSeparator: \.isWhitespace).map(String.init)
            + generatedFirstNames.split(whereSeparator: \.isWhitespace).map(String.init))

    static let surnames: Set<String> = Set(
        """
        smith johnson williams jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson
        anderson taylor thomas moore jackson martin lee thompson harris sanchez clark ramirez lewis robinson
        walker wright scott torres nguyen flores adams nelson mitchell roberts carter
        evans turner diaz parker collins edwards stewart morris murphy rogers morgan peterson reed
        bailey kelly howard ramos richardson watson chavez bennett gomez sanders myers
        ross foster jimenez powell jenkins perry russell sullivan butler barnes fisher henderson coleman
        simmons patterson reynolds hamilton wallace hayes gibson
        perez gonzales alvarez romero ruiz moreno munoz muñoz alonso gutierrez gutiérrez navarro dominguez
        domínguez vazquez vázquez castro ortiz rubio molina delgado ortega morales serrano iglesias
        dubois durand lefebvre leroy moreau laurent simon michel lefevre mercier dupont lambert bonnet
        fontaine rousseau vincent muller müller girard faure andre andré blanc guerin guérin boyer gauthier
        schmidt schneider fischer weber meyer wagner becker schulz hoffmann schäfer schafer koch richter
        schröder schroder neumann schwarz zimmermann braun krüger kruger hofmann hartmann werner
        krause lehmann köhler kohler
        rossi russo esposito bianchi ricci marino greco bruno conti
        giordano mancini rizzo lombardi moretti barbieri fontana santoro mariani rinaldi caruso
        silva santos oliveira souza pereira carvalho ferreira rodrigues almeida nascimento araujo
        araújo ribeiro martins barbosa gomes rocha dias mendes
        jansen visser smit bakker janssen meijer mulder dekker dijkstra vermeulen
        wang zhang liu chen yang huang zhao zhou xu zhu tanaka suzuki takahashi watanabe ito itō yamamoto
        nakamura kobayashi kato katō yoshida yamada sasaki matsumoto inoue kimura hayashi shimizu kim
        choi kang yoon jang
        kowalski nowak wisniewski wiśniewski kowalczyk ivanov petrov smirnov popov kuznetsov sokolov
        johansson andersson karlsson nilsson eriksson larsson olsson hansen jensen nielsen pedersen
        o'brien o’brien mcdonald macdonald murray kennedy doyle byrne ryan walsh obrien
        patel sharma singh kumar gupta khan ahmed hassan hussein yilmaz kaya demir
        """.split(whereSeparator: \.isWhitespace).map(String.init)
            + generatedSurnames.split(whereSeparator: \.isWhitespace).map(String.init))

    /// A listed first name or surname, also written with accents the list lacks ("Ramírez" is listed
    /// as "ramirez").
    static func isListedName(_ key: String) -> Bool {
        if firstNames.contains(key) || surnames.contains(key) { return true }
        // "Anne-Sophie", "Jean-Luc": a hyphenated word is a listed name when each part is one or a
        // first name that is also a word ("Anne", "Jean"), and one part is no word;
        // "Floyd-Warshall", "Coca-Cola" and "May-June" are not.
        if key.contains("-") && !key.hasPrefix("al-") && !key.hasPrefix("el-") {
            let parts = key.split(separator: "-").map(String.init)
            return parts.count >= 2 && parts.allSatisfy { (isListedName($0) || firstNameWords.contains($0)) && !isNoName($0) }
                && parts.contains { isListedName($0) }
        }
        guard !key.allSatisfy(\.isASCII) else { return false }
        let folded = key.folding(options: .diacriticInsensitive, locale: nil)
        return folded != key && (firstNames.contains(folded) || surnames.contains(folded)) && !isNoName(folded)
    }

    /// A Portuguese, Spanish or Italian diminutive of a listed first name: "pedrinho" of Pedro,
    /// "dudinha" of Duda, "juanito" of Juan, "carlitos" of Carlos.
    static func isDiminutiveOfListedName(_ key: String) -> Bool {
        let endings: [(String, [String])] = [
            ("zinho", ["", "o"]), ("zinha", ["", "a"]), ("inho", ["o", ""]), ("inha", ["a", ""]), ("ito", ["o", ""]), ("ita", ["a", ""]),
            ("itos", ["os"]), ("cito", ["", "o"]), ("cita", ["", "a"]), ("uccio", ["o"]), ("uccia", ["a"]),
        ]
        guard key.count >= 5 else { return false }
        for (ending, replacements) in endings where key.hasSuffix(ending) {
            let stem = String(key.dropLast(ending.count))
            for replacement in replacements {
                let base = stem + replacement
                if base.count >= 3, firstNames.contains(base), !isNoName(base), !isEverydayWord(Substring(base)) { return true }
            }
        }
        return false
    }

    /// A listed name with a Turkish case suffix after an apostrophe, as Turkish writes proper
    /// nouns: "Burak'a", "Ayşe'nin", "Mehmet'le" (not "Don't": the suffixes are Turkish only).
    static func isListedNameWithSuffix(_ key: String) -> Bool {
        guard let mark = key.firstIndex(where: { $0 == "'" || $0 == "’" }), key.distance(from: key.startIndex, to: mark) >= 3 else { return false }
        let stem = String(key[..<mark])
        let suffix = String(key[key.index(after: mark)...])
        return turkishCaseSuffixes.contains(suffix) && (firstNames.contains(stem) || surnames.contains(stem)) && !isNoName(stem)
    }

    static let turkishCaseSuffixes: Set<String> = Set(
        """
        a e ya ye ı i u ü yı yi yu yü ın in un ün nın nin nun nün da de ta te dan den tan ten la le yla yle
        ından inden undan ünden nda nde ile lar ler ları leri ların lerin cığım ciğim
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// The listed names a Polish, Czech or Slovak word can be the inflected form of: "Małgorzaty" of
    /// Małgorzata, "Szczepańskiej" of Szczepańska, "Dvořákovou" of Dvořáková, "Kowalskiego" of Kowalski.
    /// Only endings of those languages' cases, and only on a word that carries one of their letters
    /// or ends in a case ending no English or Romance name has ("Santa Ana" is no inflected name).
    static func inflectedListedName(_ key: String) -> String? {
        let slavicLetters = Set("ąćęłńóśźżčďěňřšťůý")
        let distinct = ["iej", "ą", "ę", "ou", "ové", "owi", "ovi", "iego", "iemu", "ého", "ému", "ým"]
        let endings: [(String, [String])] = [
            ("iego", ["i"]), ("iemu", ["i"]), ("ského", ["ský"]), ("skému", ["ský"]), ("ským", ["ský"]),
            ("ové", ["ová"]), ("ovou", ["ová"]), ("skou", ["ská"]), ("ské", ["ská"]), ("iej", ["a"]), ("ej", ["a"]),
            ("owi", [""]), ("ovi", [""]), ("ou", ["a", "á"]), ("ą", ["a"]), ("ę", ["a"]), ("em", [""]),
            ("y", ["a"]), ("i", ["a", "ia"]), ("ie", ["a"]), ("u", ["a", ""]), ("é", ["á", "a"]), ("a", [""]),
        ]
        guard key.count >= 4, key.contains(where: { slavicLetters.contains($0) }) || distinct.contains(where: { key.hasSuffix($0) }) else { return nil }
        for (ending, replacements) in endings where key.hasSuffix(ending) {
            let stem = key.dropLast(ending.count)
            for replacement in replacements {
                let base = String(stem) + replacement
                if base.count >= 3, firstNames.contains(base) || surnames.contains(base), !isNoName(base) { return base }
            }
        }
        return nil
    }

    /// Names that are also everyday words ("Crystal", "Brooks", "Lin"): a name only as a pair of
    /// them, first name then surname ("Crystal Brooks"), never alone.
    static let firstNameWords: Set<String> = Set(generatedFirstNameWords.split(whereSeparator: \.isWhitespace).map(String.init))
    static let surnameWords: Set<String> = Set(generatedSurnameWords.split(whereSeparator: \.isWhitespace).map(String.init))
    static let englishFirstNameWords: Set<String> = Set(generatedEnglishFirstNameWords.split(whereSeparator: \.isWhitespace).map(String.init))
    /// First names that are also places ("charlotte", "diego"): a name in lower case only after a
    /// cue that takes a person ("mi hijo diego"), never in a list or alone.
    static let placeFirstNames: Set<String> = Set(generatedPlaceFirstNames.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Traditional Chinese characters and their Simplified forms: the common words are Simplified.
    static let simplifiedCharacters: [Character: Character] = Dictionary(
        generatedTraditionalToSimplified.split(whereSeparator: \.isWhitespace).map { pair in (pair.first!, pair.last!) },
        uniquingKeysWith: { first, _ in first })

    /// Common Korean words of two to four syllables (GeneratedNames.swift): "이야기", "서비스".
    static let koreanCommonWords: Set<String> = Set(generatedKoreanWords.split(whereSeparator: \.isWhitespace).map(String.init))
    static let japaneseCommonWords: Set<String> = Set(generatedJapaneseWords.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Works and characters named like a person, which are topics: "a Harry Potter book".
    static let namedWorks: Set<String> = [
        "harry potter", "peter pan", "santa claus", "robin hood", "jack frost", "tom sawyer", "oliver twist", "jane eyre",
        "sherlock holmes", "james bond", "mickey mouse", "bugs bunny", "forrest gump", "jerry maguire", "billy elliot",
    ]

    /// Common Chinese words of two or three ideographs (GeneratedNames.swift): what a surname
    /// starts here is a word, not a name ("程序", "方便", "高中生" starts with "高中").
    static let chineseCommonWords: Set<String> = Set(generatedChineseWords.split(whereSeparator: \.isWhitespace).map(String.init))
    /// Less common ones ("施肥"), and names of famous people among them ("李娜"): words after a
    /// preposition or conjunction ("和施肥"), not after a relation or a label ("我的同事李娜").
    static let rarerChineseWords: Set<String> = Set(generatedRarerChineseWords.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Words before a listed name that make it part of a place ("San Francisco", "St Louis").
    static let placePrefixes: Set<String> = [
        "san", "santa", "santo", "são", "st", "saint", "sainte", "los", "las", "new", "port", "fort", "lake", "mount",
        "cape", "isla", "ville", "bad", "sankt",
    ]

    /// Capitalised words that follow cues or sit next to names but are not names: sentence
    /// starters, pronouns, days, months, languages, nationalities and common tech words.
    static let notNames: Set<String> = Set(
        """
        i i'm i’m im id i'll i’ll i've i’ve i'd i’d the a an it its this that these those could can would will should shall may might must
        please what how why when where who whom which whose is are was were be been do does did done my mine we
        our ours you your yours he she they them their also and but so if or nor here there now then just
        any some one two as for in on at to of with from by about into over after before ok okay yes no not
        let lets let's help need want again thanks thank hello hi hey dear team all everyone everybody world
        there sir madam guys folks friend friends again sorry well good great very really quite still
        new old first last next today tomorrow yesterday tonight
        dile diles dime dinos dígale dígales decile
        monday tuesday wednesday thursday friday saturday sunday january february march april june july
        august september october november december
        english spanish french german italian portuguese dutch chinese japanese korean russian arabic hindi
        greek hebrew thai turkish polish swedish american british canadian australian mexican european
        asian african indian irish scottish
        python java javascript typescript swift rust go ruby kotlin excel windows linux mac macos ios android
        google amazon microsoft apple facebook meta openai chatgpt claude sql html css react django flask
        new york london paris berlin madrid rome tokyo beijing
        looking trying working writing planning going getting having learning wondering hoping thinking
        currently still really new interested struggling stuck confused
        un una el la los las yo je tu il elle nous vous ich du er sie wir es der die das ein eine io lui
        lei noi voi eu ele ela nós ik jij hij zij wij het een de
        bien merci gracias danke grazie obrigado bedankt
        """.split(whereSeparator: \.isWhitespace).map(String.init))
}

extension NameLists {
    /// Words of forms and titles that stand next to names without being one ("Name: Ms. Lee",
    /// "Dear Sr. García"); kept apart from `notNames`, which also decides what the summarizer
    /// lower-cases.
    static let formWords: Set<String> = Set(
        """
        name names namen address email phone company mr mrs ms mx miss dr prof sir madam sr sra srta jr mme mlle herr
        frau monsieur madame signor signora dott dhr mevr estimado estimada lt capt cpt cmdr sgt col maj gen lieutenant
        captain commander sergeant colonel major general admiral officer detective agent
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Vietnamese places and dishes that a capitalised Vietnamese run may hold ("Hà Nội", "Bún Chả").
    static let vietnameseNotNames: [String] = [
        "Hà Nội", "Hồ Chí Minh City", "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", "Sài Gòn", "Đà Nẵng", "Huế", "Hội An", "Nha Trang",
        "Hạ Long", "Phú Quốc", "Cần Thơ", "Hải Phòng", "Đà Lạt", "Vũng Tàu", "Sa Pa", "Mũi Né", "Quảng Ninh", "Ninh Bình",
        "Việt Nam", "Biên Hòa", "Buôn Ma Thuột", "Quy Nhơn", "Phan Thiết", "Côn Đảo", "Hà Giang", "Mộc Châu", "Tiếng Việt",
        "Phở", "Bánh", "Bún", "Gỏi", "Chả", "Cà Phê", "Cơm", "Nước", "Xôi", "Chè", "Hủ Tiếu", "Cao Lầu", "Mì Quảng", "Tết", "Áo Dài",
    ]

    /// True for a word that is never a name: `notNames` or `formWords`.
    static func isNoName(_ key: String) -> Bool { notNames.contains(key) || formWords.contains(key) }

    /// Small words inside a name: "Joris van der Berg", "Beatriz de Magalhães", "Ana y Luis".
    static let nameParticles: Set<String> = [
        "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "van", "von", "der", "den", "ter", "ten",
        "le", "la", "bin", "bint", "ibn", "al", "el", "y", "e", "i", "ó", "ní", "nic", "uí", "ap", "ferch",
    ]

    /// True for a word that follows "I'm", "this is", "soy", a greeting or a sign-off without
    /// being a name: a listed everyday word (in any case, or its first hyphenated part:
    /// "Korean-American"), or an English -ing, -ed or -ly form ("I'm Building", "I'm Excited",
    /// "Politically speaking").
    static func isEverydayWord(_ word: Substring) -> Bool {
        var key = word.lowercased()
        if key.hasSuffix("'s") || key.hasSuffix("’s") { key = String(key.dropLast(2)) }
        if everydayWords.contains(key) || isNoName(key) { return true }
        if let head = key.split(separator: "-").first, head.count < key.count, everydayWords.contains(String(head)) { return true }
        if firstNames.contains(key) || surnames.contains(key) { return false }
        let ascii = key.allSatisfy { $0.isASCII }
        if ascii && key.count >= 5 && key.hasSuffix("ing") { return true }
        if ascii && key.count >= 6 && key.hasSuffix("ed") && !namesEndingInEd.contains(key) { return true }
        if ascii && key.count >= 7 && key.hasSuffix("ly") { return true }
        return false
    }

    /// English first names that are also everyday words: a name after a weak cue only with a surname
    /// after them ("I'm Will Turner", not "I'm Happy"); alone after a personal cue ("my aunt Ruby").
    static let everydayFirstNames: Set<String> = Set(
        """
        will bill mark hope grace rose joy faith dawn rich frank art bob jack pat sue ray chase hunter summer autumn june may
        april destiny harmony melody ivy holly heather daisy lily violet ruby pearl amber crystal jade sky storm river brook
        sandy penny nick chuck don gene guy lance max rob rod victor earl duke king prince sterling wade woody miles page
        nova sunny
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    static let namesEndingInEd: Set<String> = ["alfred", "mildred", "winifred", "manfred", "sigfried", "elfried", "mohammed", "ahmed"]

    /// Everyday words that can stand capitalised after a self-introduction cue ("I'm Happy to",
    /// "This is Chapter 3", "Ich bin Student", "Beste Grüße"): states, roles, nationalities,
    /// beliefs, parts of a text, sign-off words.
    static let everydayWords: Set<String> = Set(
        """
        happy glad sure sorry new not just also so very really still currently always never now here there back
        done fine good great ok okay well ready able unable about afraid aware busy curious excited interested
        confused stuck tired worried stressed based married single divorced widowed retired unemployed employed
        freelance freelancer self-employed beginner student teacher developer engineer designer manager writer
        doctor nurse parent mom mum dad mother father fan big huge kind pretty quite totally completely
        absolutely definitely probably actually basically literally honestly seriously finally almost only even
        already recently originally sick ill late early free available home away out off up down lost bored
        hungry thirsty scared nervous anxious depressed lonely sad angry frustrated overwhelmed unsure certain
        positive convinced responsible allergic vegan vegetarian pregnant older younger male female man woman guy
        girl boy kid child adult teen teenager senior junior intern founder owner member user customer client
        player gamer programmer coder researcher scientist artist musician author blogger creator marketer
        consultant analyst lawyer attorney accountant entrepreneur mentor tutor coach trainer volunteer homeowner
        renter tenant landlord newbie novice expert professional amateur human person bot ai assistant chatbot
        model fluent native bilingual left-handed right-handed
        chapter part step section page question task problem exercise example version level day week month year
        unit lesson module phase stage episode season figure table appendix item number option case scenario
        test quiz exam draft paragraph sentence line list note update reminder summary answer solution result
        output input error issue bug feature request prompt story poem essay letter email message text post
        article report paper thesis project plan proposal code script function class file document template
        sample demo prototype
        islam muslim christian jewish hindu buddhist catholic protestant atheist agnostic mormon sikh gay lesbian
        bisexual straight trans transgender queer nonbinary non-binary autistic adhd dyslexic deaf blind disabled
        american british english canadian australian mexican brazilian argentinian argentine chilean colombian
        peruvian venezuelan cuban nigerian kenyan ghanaian egyptian moroccan ethiopian somali sudanese south
        north pakistani bangladeshi vietnamese filipino indonesian malaysian singaporean iranian iraqi israeli
        palestinian lebanese syrian saudi emirati ukrainian romanian hungarian czech slovak austrian swiss
        belgian danish norwegian finnish icelandic estonian latvian lithuanian serbian croatian bulgarian
        jamaican haitian african asian european latino latina hispanic black white korean-american
        french german spanish italian portuguese dutch chinese japanese russian indian irish scottish welsh
        estudiante profesor profesora médico ingeniero nuevo nueva feliz étudiant étudiante professeur nouveau
        nouvelle très content contente désolé désolée
        student studentin schüler schülerin lehrer lehrerin anfänger anfängerin entwickler entwicklerin
        programmierer programmiererin ingenieur ingenieurin arzt ärztin rentner rentnerin deutscher deutsche
        österreicher österreicherin schweizer schweizerin azubi informatiker informatikerin mitglied kunde
        kundin mitarbeiter mitarbeiterin vegetarier vegetarierin veganer veganerin hausfrau hausmann besitzer
        besitzerin inhaber inhaberin gründer gründerin berater beraterin anwalt anwältin krankenschwester pfleger
        pflegerin koch köchin musiker musikerin künstler künstlerin autor autorin schriftsteller journalist
        journalistin forscher forscherin wissenschaftler wissenschaftlerin doktorand doktorandin praktikant
        praktikantin werkstudent werkstudentin sportler sportlerin läufer läuferin spieler spielerin nutzer
        nutzerin benutzer kollege kollegin leiter leiterin teamleiter vermieter vermieterin mieter mieterin
        eigentümer freiberufler freiberuflerin unternehmer unternehmerin buchhalter verkäufer verkäuferin
        mutter vater ende mitte anfang teil neu neue
        studente studentessa insegnante ingegnere nuovo nuova estudante professora engenheiro novo nova
        grüße grüßen gruß grüsse regards wishes saludos salutations saluti cumprimentos groeten groet
        god lord jesus diary sir madam santa
        christmas easter halloween thanksgiving ramadan diwali hanukkah eid
        me him her us them myself
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Greetings that stand before a title: "Hola Sr. García", "Estimada Sra. López".
    static let greetings: Set<String> = [
        "hola", "buenos", "buenas", "días", "tardes", "noches", "estimado", "estimada", "querido", "querida", "bonjour",
        "hallo", "ciao", "olá", "oi", "prezado", "prezada", "caro", "cara", "gentile", "egregio",
    ]

    /// Capitalised words after "Im", "Am", "Zum" that make prose, not an address: "Im Jahr 2020".
    static let germanNotStreets: Set<String> = Set(
        """
        jahr jahre jahren jahrgang monat moment tag abend morgen wochenende januar februar märz april mai juni
        juli august september oktober november dezember montag dienstag mittwoch donnerstag freitag samstag
        sonntag sommer winter frühling herbst kapitel abschnitt teil punkt schritt level durchschnitt vergleich
        prinzip beispiel grunde allgemeinen ende anfang schnitt preis wert bereich raum zimmer alter jahrhundert
        zeitraum gesamt team kurs modul semester klasse spiel test original voraus fall laufe rahmen zuge
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Two capital letters after four digits that are no Dutch postcode: "2024 AD", "10 PM".
    static let notPostcodeLetters: Set<String> = ["AD", "BC", "CE", "AM", "PM", "KB", "MB", "GB", "TB", "HP", "PS", "OS", "CV", "TV", "PC", "UK", "US", "EU"]

    /// Capitalised words after five digits that are no place: "50000 Euros", "10000 Steps".
    static let notPlaces: Set<String> = Set(
        """
        euro euros eur dollar dollars usd pesos peso reais real yen yuan won rupees rupee pounds pound pfund
        franken kronen kroner bitcoin coins tokens points punkte steps schritte words wörter calories kalorien
        users members followers subscribers views likes rows records lines items units miles meter meters
        kilometer kilometers people persons personen employees students visits downloads hits clicks mean
        median min max total sum average avg count std
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Words for a service or a desk, not a person, before a phone number or an email address:
    /// "Call Support at [PHONE]", "Billing Team <[EMAIL]>".
    static let serviceWords: Set<String> = Set(
        """
        support service services sales office desk team help helpline hotline center centre department dept billing
        accounts accounting info information reception emergency police ambulance fire security front main
        admin administration hr it booking bookings reservations enquiries inquiries contact contacts care line
        tel fax mobile cell phone whatsapp signal sms text call email e-mail mail us me them him her write send reply
        forward cc bcc reach ping message dm ask tell unknown anonymous none various all everyone staff yes no tbd tba
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Words that make a run of capitalised words an organisation, not a person: "a letter from
    /// Western Realty Finance", "Acme Insurance, [PHONE]".
    static let organisationWords: Set<String> = Set(
        """
        realty finance financial capital group inc inc. llc ltd ltd. limited plc gmbh ag sa srl bv corp corp. corporation
        company co co. partners holdings solutions services consulting agency studio studios foundation institute
        university college school academy hospital clinic council association society club labs lab technologies
        tech systems media press publishing insurance bank trust fund ventures enterprises industries international
        global network networks logistics properties estates homes motors airlines airways hotel hotels resort
        restaurant cafe café store stores shop market pharmacy church ministry government city county state
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Software, payment and messaging names that stand after "Via", "Corso" or a number
    /// without being a street: "Via PayPal", "Corso Python 3".
    static let productWords: Set<String> = Set(
        """
        phillips python java javascript typescript kotlin excel windows linux android google microsoft facebook meta
        openai chatgpt claude sql html css react django flask paypal venmo zelle stripe email e-mail mail
        whatsapp telegram zoom skype slack discord ups fedex dhl usps github gitlab docker amazon
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Words between 私は and です that are roles, states or origins, not names.
    static let japaneseNotNames: Set<String> = Set(
        """
        元気 大丈夫 心配 賛成 反対 独身 無職 主婦 主夫 子供 学者 本気 無理 幸せ 暇 猫 犬 日本 東京 大阪
        私 僕 俺 自分 彼 彼女 我々 私達 私たち わたし わたくし あたし プロ オタク ニート
        以上 未定 不明 同上 秘密 内緒 匿名 非公開 未記入 空欄 無し
        エンジニア デザイナー プログラマー プログラマ サラリーマン フリーランス マネージャー ママ パパ ファン
        ベジタリアン ビーガン ヴィーガン ナース ドクター ライター ユーザー メンバー オーナー スタッフ
        アルバイト パート ゲーマー シングルマザー コンサルタント アーティスト ミュージシャン クリエイター
        電話 電話番号 住所 名前 氏名 携帯 年齢 生年月日 職業 性別 趣味 連絡先 メール 国籍 勤務先 所属 備考
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// One-ideograph family names common enough to stand alone: "私は林です".
    static let japaneseOneCharacterNames: Set<String> = ["林", "森", "原", "堀", "関", "辻", "泉", "東", "岡", "谷", "菅", "柳", "杉", "堤", "星", "南", "西", "城"]

    /// Common Japanese family names of two or more ideographs. A name that starts with one is
    /// read as a name before です, と申します, より, の母 and at the end of a letter, where a
    /// family name alone or with a given name in hiragana ("森田はるかです") has no other shape.
    static let japaneseSurnames: Set<String> = Set(
        """
        佐藤 鈴木 高橋 田中 伊藤 渡辺 渡邊 渡邉 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 斎藤 斉藤 齋藤
        清水 山崎 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 福田 太田
        西村 藤井 金子 岡本 藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 内田 柴田 酒井 宮崎
        横山 高木 安藤 宮本 大野 小島 谷口 今井 工藤 高田 増田 丸山 杉山 村田 大塚 新井 小山 平野 藤本 河野 上野 野口
        武田 松井 千葉 岩崎 菅原 木下 久保 佐野 野村 松尾 市川 菊地 杉本 古川 大西 島田 水野 桜井 櫻井 高野 渡部 吉川
        山内 西田 飯田 菊池 西川 小松 北村 安田 五十嵐 川口 平田 中田 久保田 服部 岩田 土屋 川崎 本田 樋口 秋山 永井
        中西 吉村 川上 石原 大橋 松岡 馬場 浅野 荒木 大久保 野田 小池 田口 松下 熊谷 菅野 矢野 吉岡 小西 新田 浅井 大島
        星野 須藤 片山 岡崎 内藤 上原 大森 早川 西山 小澤 小沢 榎本 望月 平井 松浦 吉野 堀内 篠原 河合 宮田 藤川 宮下
        松村 荒井 岩本 鎌田 田辺 田邊 北川 水谷 小田 飯塚 栗原 横田 大川 奥村 若林 石橋 宇野 松永 安井 関口 川村 西野
        大石 竹田 大谷 高山 平山 日高 黒田 村井 杉浦 堀田 白石 中尾 細川 稲垣 今村 竹中 福本 遠山 北野 中谷 青山 相馬
        本間 桑原 小原 成田 森本 中井 武藤 村松 森山 伊東 奥田 石崎 大竹 三宅 山中 広瀬 廣瀬 小倉 松原 黒木 津田 坂口
        内山 長田 古田 森下 川島 土井 大山 野崎 米田 平川 岡村 沢田 澤田 中本 梅田 藤野 田島 市村 岩井 堀江 金井 北原
        安達 秋元 塚本 富田 手塚 大沢 大澤 佐久間 尾崎 野中 荻野 水口 寺田 上村 大木 桑田 萩原 川原 関根 雨宮 小宮 宮内
        植田 高村 西岡 松山 浜田 濱田 岡野 中原 竹下 吉本 河村 小森 大田 宮川 二宮 鶴田 赤井 竹本 新谷 森井 坂井 山根
        小谷 奥山 岸 岸本 滝沢 滝本 田代 千田 徳永 中嶋 西尾 根本 畑中 浜口 日野 福原 藤沢 藤崎 古賀 前川 水上 三上
        宮原 村山 矢口 山岸 山越 湯川 横井 吉原 若松 渡会 相沢 相澤 青柳 赤坂 秋葉 浅田 足立 有村 飯島 五十嵐 池上
        石黒 市原 井口 今西 入江 岩瀬 上杉 臼井 江口 大岩 大城 大平 岡島 小野寺 片岡 加納 金田 神谷 亀井 川端 菊田
        北島 木内 久野 栗田 黒川 小泉 河内 小宮山 近藤 今野 紺野 齊藤 坂田 桜田 笹川 佐竹 里見 沢井 塩田 重松 篠田
        柴崎 島村 下田 白井 新城 末永 菅沼 杉田 鈴村 関谷 高倉 高須 滝川 武井 竹村 舘 田畑 玉木 千葉 塚田 辻本 土田
        寺島 戸田 富永 豊田 内藤 長尾 中沢 長沢 永田 中畑 仲村 成瀬 西崎 西本 野沢 野上 萩野 橋口 長谷部 花田 羽田
        浜野 林田 原口 坂東 東山 平岡 広田 深田 福永 藤岡 藤村 古谷 星川 細田 堀口 本多 前原 牧野 増井 町田 松島 松野
        丸井 三木 水島 三谷 南 宮地 向井 村瀬 目黒 森川 八木 安川 柳田 矢島 山上 山川 山村 横川 吉沢 吉澤 米山 若山 和泉
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Japanese given names often written in hiragana ("さくら", "ゆい", "はると"). Several are also
    /// words ("さくら", "ゆき"), so they count only where a name stands: after 私は or a relation
    /// ("娘のゆいが"), before an honorific or です, or after a family name.
    static let japaneseKanaGivenNames: Set<String> = Set(
        """
        さくら ゆい あおい ひなた はるか みゆ ゆな めい りこ ひまり えま ここな ゆめ あかり みお ほのか こはる すず ひより
        ゆず はな りん のあ かのん ももか あやか まゆ なつき ちひろ かおり ゆか まい えみ あい みき なな りな ゆき しおり
        さき まな みく あゆみ ひとみ めぐみ みどり さおり ともみ なお あすか ゆうか はるな あみ みほ かな りさ さやか
        まなみ ゆみ ゆり のぞみ あずさ はるき はると ゆうと そうた ゆうま はやと けんた たくみ ひろと りく こうた しょう
        だいき ゆうき かずき まこと ひかる つばさ あきら かおる たろう けんじ ゆうた しゅん りょう れん そら あおと みなと
        いつき ゆいと はるま ゆかり あおば いろは つむぎ かえで みずき ちなつ ななみ はづき ゆうな あんな えりか かりん
        りょうた ひろし たけし まさと ゆうこ けいこ よしこ ひろみ あきこ まさこ かずこ ともこ さゆり みちこ なおこ えりこ まりこ
        ようこ じゅんこ のりこ ひでき まさし ひろゆき たかし さとし よしお かずお てつや しんじ こうじ ゆういち けんいち
        きよし はなこ はるこ なつこ あきら まさお ひかり まりえ まり りえ ちえ みか えり あや なつみ まりな
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// The commonest family names as written in hiragana (by children, learners, or for their
    /// reading): "わたしは きむら はなこ です", "私はさとうです".
    static let japaneseKanaFamilyNames: Set<String> = Set(
        """
        さとう すずき たかはし たなか いとう わたなべ やまもと なかむら こばやし かとう よしだ やまだ ささき やまぐち
        まつもと いのうえ きむら はやし しみず やまざき もり あべ いけだ はしもと やました いしかわ なかじま まえだ
        ふじた おがわ ごとう おかだ はせがわ むらかみ こんどう いしい さいとう さかもと えんどう あおき ふじい にしむら
        ふくだ おおた みうら ふじわら おかもと まつだ なかがわ なかの はらだ おの たむら たけうち かねこ わだ なかやま
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Prefectures and cities written like family names ("千葉", "山口", "福島"): a place, not a
    /// name, when nothing but です follows.
    static let japanesePlaceNames: Set<String> = Set(
        """
        東京 千葉 山口 宮崎 福島 石川 長野 秋田 山形 岡山 広島 福井 熊本 長崎 富山 静岡 新潟 青森 岩手 宮城 茨城 栃木 群馬 埼玉
        神奈川 山梨 岐阜 愛知 三重 滋賀 京都 大阪 兵庫 奈良 和歌山 鳥取 島根 徳島 香川 愛媛 高知 福岡 佐賀 大分 鹿児島 沖縄
        上野 中野 青山 大森 川崎 横浜 神戸 仙台 札幌 名古屋 金沢 松本 豊田 浜松 高松 松山 大塚 目黒 神田 品川 渋谷 新宿 池袋
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Words between 我是 and the clause end that are roles or states, not names.
    static let chineseNotNames: Set<String> = Set(
        "单身 白领 新手 学霸 吃货 金牛 高手 老板 马来 江湖 孔雀 龙套 万能 方便 田园 史上 小米 小白 小麦 小车 小巴 小路 小花 小池 小龙 小金 小牛 老牛 小强 阿里 安好 安心 安静 安全 安排 安装"
            .split(separator: " ").map(String.init))

    /// Doubled characters that are kin words or adverbs, not the doubled given names people are
    /// called by ("婷婷", "晶晶"): "给妈妈写", "天天写代码".
    static let chineseDoubledNotNames: Set<String> = Set(
        ("妈妈 媽媽 爸爸 哥哥 姐姐 弟弟 妹妹 奶奶 爷爷 爺爺 宝宝 寶寶 姥姥 姥爷 舅舅 叔叔 婶婶 嬸嬸 伯伯 公公 婆婆 太太 姑姑 娃娃 "
            + "天天 常常 刚刚 剛剛 慢慢 好好 偷偷 渐渐 漸漸 默默 人人 处处 處處 个个 個個 谢谢 謝謝 看看 试试 試試 想想 说说 說說 谈谈 談談 聊聊 走走 等等 听听 聽聽 问问 問問 明明 年年 时时 時時 早早 悄悄 轻轻 輕輕 多多 大大 小小 久久 家家 往往 统统 統統 样样 樣樣")
            .split(separator: " ").map(String.init))
    /// Kin, roles and animals called with 阿 or 小, before what a person does ("阿姨让我", "小孩想让我").
    static let chineseNicknameNotNames: Set<String> = Set(
        "阿姨 阿婆 阿公 阿爸 阿妈 阿媽 阿嬷 阿嬤 阿伯 阿叔 阿哥 阿妹 小姐 小孩 小狗 小猫 小貓 小弟 小妹 小哥 小伙 小朋 小鬼 小编 小編 小时 小時 小心 小说 小說"
            .split(separator: " ").map(String.init))

    /// Roles and kin before さん or 様, which are no names ("お客様" has one ideograph and does not match).
    static let japaneseHonorificNotNames: Set<String> = [
        "患者", "社長", "部長", "課長", "店長", "係長", "医者", "生徒", "学生", "彼女", "皆", "神", "王", "奥",
        "お客", "運転手", "大家", "隣人", "家族", "先輩", "後輩", "担当者", "利用者", "管理人", "会員",
    ]
    /// Departments, roles, subjects and places before a Japanese title or a particle, which are no
    /// names ("営業部長", "校長先生", "会社から連絡", "上司に謝罪").
    static let japaneseRoleWords: Set<String> = Set(
        """
        営業 総務 人事 経理 開発 技術 広報 企画 製造 販売 事業 本部 支店 代表 取締役 代表取締役 副 元 前 新 校長 担任
        教頭 学校 大学 病院 担当 数学 英語 国語 理科 社会 音楽 体育 美術 歯科 医院 小学校 中学 高校 塾 会社 上司 部下
        同僚 友達 友人 家族 顧客 取引先 両親 彼氏 彼女 母親 父親 息子 子供 銀行 役所 市役所 区役所 相手 先方 本社 本人
        全員 皆様 皆さん 先輩 後輩 大家 管理会社 保険会社 弁護士 医者 警察 政府 自分 生徒 学生 患者 利用者 会員 上長 恋人
        婚約者 親戚 叔母 叔父 祖母 祖父 隣人 近所 職場 事務所 事務局 窓口 運営 店長 社長 部長 課長 先生 主人 奥様 家内
        旦那 妻 夫 兄 姉 弟 妹 娘 母 父 客 店 市 県 国 誰 彼 私 僕 俺 今日 明日 昨日 先日 毎日 皆 全社員 社員 部署 チーム 外国人
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Roles and kin before 님 or 씨 that start like a surname ("선생님", "고객님", "사장님").
    static let koreanHonorificNotNames: Set<String> = [
        "선생", "고객", "사장", "부장", "과장", "팀장", "교수", "회장", "원장", "기사", "어머", "아버", "할머", "할아버",
        "형", "누", "언니", "오빠", "의사", "간호사", "작가", "목사", "스님", "손", "부모", "주인", "이사", "대표", "실장",
        "차장", "소장", "국장", "총장", "학생", "주민", "회원", "관리자", "상담사", "아저", "아가", "마음", "솜", "날", "글",
        "말", "불", "맵", "이웃",
    ]
    /// Words that can stand between an uncased self-introduction cue and the name ("نام من هم",
    /// "मेरा नाम भी": "my name too"), which are no name.
    static let uncasedNotNames: Set<String> = ["هم", "نیز", "भी"]
    /// Capitalised Cyrillic and Greek words that are no names inside a sentence: the polite
    /// "you" of letters, lowercased.
    static let casedNonLatinNotNames: Set<String> = [
        "вы", "вас", "вам", "ваш", "ваша", "ваше", "ваши", "вами", "вашего", "вашей", "вашим", "ваших", "вашу",
        "ты", "тебя", "тебе", "ви", "ваші", "σας", "σου", "εσείς",
    ]
    /// Words between 저는 and 입니다 that are roles or nationalities, not names.
    static let koreanNotNames: Set<String> = ["한국인", "주부", "전문가", "고등학생", "고객", "신입", "이용자", "사용자", "유학생", "정말", "오늘", "이번", "지금"]
}
