import Foundation

/// Function words of every language the extractive summarizer tells apart (English, Spanish,
/// French, German, Portuguese, Italian, Dutch, Russian, Ukrainian, Arabic, Persian, Greek,
/// Hebrew, Hindi, Bengali, Tamil, Armenian, Georgian, Korean), and the words every Clio
/// summary template repeats ("The user's overall request for the assistant is to…"). Words
/// that are merely common ("write", "create", "code") are not here: they lose by the
/// class-based weighting, which sees that most clusters use them.
public enum StopWords {
    public static let all: Set<String> = {
        let lists = [
            // English
            """
            a about above after again against all also am an and any are as at be because been before being below \
            between both but by can could did do does doing down during each etc few for from further get gets getting \
            had has have having he her here hers herself him himself his how however i if in into is it its itself just \
            like may me might more most must my myself no nor not now of off on once one only or other our ours \
            ourselves out over own same she should so some such than that the their theirs them themselves then there \
            these they this those through to too under until up upon us very via was we were what when where which \
            while who whom why will with within without would you your yours yourself yourselves don doesn didn isn \
            aren wasn weren won wouldn couldn shouldn haven hasn hadn let ll ve re im ive whether either neither \
            another every many much lot lots yes ok okay hi hello hey dear thanks thank
            """,
            // The summary templates and request verbs that say nothing about the topic.
            """
            user users assistant ai overall request requests requested requesting task tasks ask asks asked asking \
            want wants wanted help helps helping need needs needed provide provides providing please specific various \
            certain using use used make making way ways thing things someone something given explain explaining \
            suggest suggesting give giving tell describe show discuss discussing answer question questions
            """,
            // Spanish
            """
            de la el los las un una unos unas y o u en con por para que es son del al lo mi mis tu tus su sus se \
            como muy pero yo me te le les hay qué cómo este esta estos estas ese esa eso más sin sobre entre también \
            ya ni nos vos usted ustedes tengo tiene hacer puedo puedes puede podrías podría quiero quisiera necesito \
            ayuda hola gracias fue ser está estoy estás soy
            """,
            // French
            """
            le la les des du et ou dans pour avec sur est sont je il elle nous vous ils elles ce cette ces mon ma mes \
            ton ta tes son sa ses qui que quoi pas ne au aux une un en par plus mais très comment puis veux besoin \
            aide bonjour merci faire aussi leur leurs notre votre été être avoir suis ai pouvez peux pourriez \
            pourrais voudrais voulez
            """,
            // German
            """
            der die das den dem des ein eine einen einem einer eines und oder ich du er sie es wir ihr mit für auf \
            ist sind zu im von nicht wie was kann können mein meine meinen dein deine um bei aus an als auch aber \
            sehr mehr noch nach bitte möchte brauche hilfe hallo danke wird werden habe hat haben sein war kannst \
            könntest könnten könnt
            """,
            // Portuguese
            """
            o os as um uma uns umas com não eu meu minha meus minhas do da dos das no na nos nas em é são que para \
            por como mas muito mais você vocês ele ela eles elas isso este esta esse essa também posso quero preciso \
            ajuda olá obrigado obrigada fazer ser foi está pode podes poderia gostaria estou
            """,
            // Italian
            """
            il lo la gli le di che per con non io mio mia miei mie come posso voglio bisogno aiuto ciao grazie ma \
            molto più del della dello dei delle nel nella nei anche fare questo questa quello quella sono è un una \
            uno al alla ai sul sulla tu lui lei noi voi loro mi ti ci si ne puoi può potresti vorrei
            """,
            // Dutch
            """
            de het een en is zijn dat van in voor met niet ik mijn hoe wat kan wil nodig hulp hallo dank maar heel \
            meer ook je jij we wij op te die dit deze er naar om bij aan uit zo
            """,
            // Russian and Ukrainian
            """
            и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот \
            от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять \
            уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтобы \
            без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом \
            один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть \
            после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой \
            перед иногда лучше чуть том нельзя такой им более всегда конечно всю между пожалуйста помочь помогите \
            і й та що це як але до від для на не ти ви ми він вона воно вони з із у в мені мене його її їх або чи \
            так теж також бути був була було будь ласка допоможіть
            """,
            // Arabic and Persian
            """
            في من على إلى عن مع هذا هذه ذلك تلك هو هي هم أنا أنت نحن كان كانت يكون أن إن لا ما لم لن قد كل بعض أو \
            ثم حتى عند كيف ماذا لماذا هل الذي التي الذين يا و ب ل ف \
            و در به از که این آن را با است برای هم یک تا بر من تو او ما شما آنها یا اما اگر چه چرا چگونه هست بود \
            شد می نمی خود کنید کن لطفا
            """,
            // Greek
            """
            και το τα η ο οι του της των τον την σε στο στη στον στην με για από που να θα δεν μη είναι ένα μια \
            αυτό αυτή αυτός εγώ εσύ εμείς εσείς μου σου μας σας πως πώς τι γιατί αλλά ή όταν αν παρακαλώ
            """,
            // Hebrew
            """
            של את על עם זה זו זאת הוא היא הם הן אני אתה את אנחנו אתם לא כן מה איך למה כי אם או גם רק כל יש אין \
            היה הייתה להיות אבל בבקשה
            """,
            // Hindi
            """
            का की के को में से पर और या है हैं था थी थे हो होता यह वह ये वे मैं तुम आप हम मेरा मेरी तुम्हारा आपका \
            क्या कैसे क्यों कि भी नहीं ना एक लिए साथ तो ही कृपया करें करना
            """,
            // Bengali, Tamil
            """
            এবং ও কি না এই যে করে আমি আমার তুমি আপনি এটা জন্য থেকে সঙ্গে হয় কিন্তু একটি \
            மற்றும் ஒரு இந்த அந்த என்ன நான் நீ என் உங்கள் இது அது எப்படி ஏன் ஆனால்
            """,
            // Armenian, Georgian
            """
            և ու է են այս այդ որ ես դու մի համար հետ բայց ինչ ինչպես \
            და არის ეს ის რომ მე შენ არ ან თუ როგორ რა ერთი ვარ
            """,
            // Korean (particles are written onto words; these stand alone)
            """
            그 이 저 것 수 등 및 또는 그리고 하지만 그러나 나 너 우리 저는 제 내 어떻게 왜 무엇 뭐 좀 주세요 해주세요 \
            있는 있습니다 없는 합니다 하는 대한 위한
            """,
        ]
        var words = Set<String>()
        for list in lists { for word in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) { words.insert(String(word)) } }
        return words
    }()
}
