/// Compact lists of common personal names (lowercased) in several languages, used when a
/// capitalised word appears without a cue. Names that are also everyday words ("Will", "May",
/// "Rose", "Baker", "Long") and names that are also places, brands or tools ("Sofia",
/// "Julia", "Phillips", "Mason") are left out: masking them would eat topical words.
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
        """.split(whereSeparator: \.isWhitespace).map(String.init))

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
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Words before a listed name that make it part of a place ("San Francisco", "St Louis").
    static let placePrefixes: Set<String> = [
        "san", "santa", "santo", "são", "st", "saint", "sainte", "los", "las", "new", "port", "fort", "lake", "mount",
        "cape", "isla", "ville", "bad", "sankt",
    ]

    /// Capitalised words that follow cues or sit next to names but are not names: sentence
    /// starters, pronouns, days, months, languages, nationalities and common tech words.
    static let notNames: Set<String> = Set(
        """
        i i'm i’m im the a an it its this that these those could can would will should shall may might must
        please what how why when where who whom which whose is are was were be been do does did done my mine we
        our ours you your yours he she they them their also and but so if or nor here there now then just
        any some one two as for in on at to of with from by about into over after before ok okay yes no not
        let lets let's help need want again thanks thank hello hi hey dear team all everyone everybody world
        there sir madam guys folks friend friends again sorry well good great very really quite still
        new old first last next today tomorrow yesterday tonight
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
