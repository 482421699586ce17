import Testing
@testable import ClioSummarize

private let guesser = LanguageGuesser()

@Test(arguments: [
    ("How do I reverse a list in Python? I tried it but it does not work.", "English"),
    ("¿Puedes ayudarme a planificar un viaje a Lisboa con mi familia? Necesito un presupuesto.", "Spanish"),
    ("Pouvez-vous me donner une recette de quiche facile ? J'ai des œufs et de la crème.", "French"),
    ("Kannst du mir ein Rezept für einen einfachen Apfelkuchen geben? Ich habe Mehl und Äpfel.", "German"),
    ("Eu preciso de ajuda com o meu orçamento, não consigo poupar dinheiro todos os meses.", "Portuguese"),
    ("Ciao, vorrei un aiuto per il mio curriculum, non so come scrivere la lettera di presentazione.", "Italian"),
    ("Ik wil een reis plannen naar Spanje, maar ik weet niet hoe ik het moet doen met mijn kinderen.", "Dutch"),
    ("我的Python程序报错了，请问怎么修复？", "Chinese"),
    ("Pythonのスクリプトでエラーが出ます。どうすればいいですか？", "Japanese"),
    ("파이썬 코드에서 오류가 발생합니다. 어떻게 고치나요?", "Korean"),
    ("Как мне исправить ошибку в моём коде на Python?", "Russian"),
    ("كيف يمكنني إصلاح هذا الخطأ في البرنامج؟", "Arabic"),
    ("Πώς μπορώ να διορθώσω αυτό το σφάλμα;", "Greek"),
    ("איך אני מתקן את השגיאה הזאת בקוד?", "Hebrew"),
    ("मैं इस त्रुटि को कैसे ठीक करूं?", "Hindi"),
    ("ฉันจะแก้ไขข้อผิดพลาดนี้ได้อย่างไร", "Thai"),
])
func singleLanguageSamplesAreNamed(text: String, expected: String) {
    #expect(guesser.guess(text) == expected)
}

@Test func twoClearlyPresentLanguagesAreBothNamed() {
    let text = """
        Necesito ayuda con mi carta de presentación para un puesto de contable, por favor. \
        I also want the English version to be short and clear, and it should sound confident for the job.
        """
    #expect(guesser.guess(text) == "Spanish; English" || guesser.guess(text) == "English; Spanish")
}

@Test func aLoanwordDoesNotAddASecondLanguage() {
    #expect(guesser.guess("What is the best tapas bar in Madrid for a fiesta with friends? Is it open at night?") == "English")
}

@Test func textWithoutLettersIsUnknown() {
    #expect(guesser.guess("12345 !!! ???") == "Unknown")
}
