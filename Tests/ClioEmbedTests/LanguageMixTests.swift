import ClioCore
import Testing
@testable import ClioEmbed

@Test func textsMostlyInAnotherScriptAreNotEnglish() {
    #expect(LanguageMix.otherLanguage("我想做一个每月的家庭预算表", record: [:]) == "Chinese")
    #expect(LanguageMix.otherLanguage("東京タワーは1958年に完成しました", record: [:]) == "Japanese")
    #expect(LanguageMix.otherLanguage("서울은 대한민국의 수도입니다", record: [:]) == "Korean")
    #expect(LanguageMix.otherLanguage("Как быстро выучить русский язык?", record: [:]) == "Cyrillic script")
    #expect(LanguageMix.otherLanguage("请帮我写一个Python函数来排序列表", record: [:]) == "Chinese")
    // A few foreign letters in an English sentence do not make it foreign.
    #expect(LanguageMix.otherLanguage("How do I say 你好 in a polite way to my boss?", record: [:]) == nil)
    #expect(LanguageMix.otherLanguage("Fix my Python code", record: [:]) == nil)
    #expect(LanguageMix.otherLanguage("12345 !!!", record: [:]) == nil)
}

@Test func latinScriptLanguagesCountOnlyFromExtractiveSummaries() {
    let extractive: JSONObject = ["facets": ["language": "Spanish; English"], "summarizer": ["name": "extractive", "version": 3]]
    let llm: JSONObject = ["facets": ["language": "Spanish"], "summarizer": ["name": "llm", "model": "openai:gpt-4o-mini"]]
    #expect(LanguageMix.otherLanguage("¿Cómo hago una tortilla de patatas?", record: extractive) == "Spanish")
    // An LLM summary is English whatever language the conversation was in.
    #expect(LanguageMix.otherLanguage("The user wants a tortilla recipe.", record: llm) == nil)
    let english: JSONObject = ["facets": ["language": "English"], "summarizer": ["name": "extractive"]]
    #expect(LanguageMix.otherLanguage("How do I bake bread?", record: english) == nil)
}

@Test func noticeNeedsThreeTextsAndFivePercentThenComesOnce() {
    func mix(english: Int, chinese: Int) -> LanguageMix {
        var m = LanguageMix()
        for _ in 0..<english { m.observe("Fix my Python code please", record: [:]) }
        for _ in 0..<chinese { m.observe("我想做一个每月的家庭预算表", record: [:]) }
        return m
    }
    var two = mix(english: 20, chinese: 2)
    #expect(two.notice(model: "all-MiniLM-L6-v2", atEnd: true) == nil)
    var rare = mix(english: 1000, chinese: 10)
    #expect(rare.notice(model: "all-MiniLM-L6-v2", atEnd: true) == nil)
    var some = mix(english: 40, chinese: 4)
    // Not before the end while fewer than 200 texts were seen.
    #expect(some.notice(model: "all-MiniLM-L6-v2", atEnd: false) == nil)
    let message = some.notice(model: "all-MiniLM-L6-v2", atEnd: true)
    #expect(message == "4 of 44 (9%) are not in English (Chinese 4); all-MiniLM-L6-v2 is an English model and places them "
                     + "poorly (clio-cluster's centring by language takes out part of that): --model multilingual (paraphrase-multilingual-MiniLM-L12-v2) embeds 50+ languages in one space")
    #expect(some.notice(model: "all-MiniLM-L6-v2", atEnd: true) == nil)
    var early = mix(english: 190, chinese: 20)
    #expect(early.notice(model: "all-MiniLM-L6-v2", atEnd: false)?.hasPrefix("20 of 210 texts so far (10%)") == true)
}
