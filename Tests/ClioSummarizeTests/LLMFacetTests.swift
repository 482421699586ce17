import ClioCore
import ClioLLM
import Testing

@testable import ClioSummarize

private let builtIn = FacetPrompt(facets: FacetSpec.builtIn, maxChars: 1000)

private func answer(request: String = "The user's overall request for the assistant is to explain recursion.",
                    task: String = "The task is to explain recursion.", language: String = "English", concerning: String = "1") -> String {
    #"{"request": "\#(request)", "task": "\#(task)", "language": "\#(language)", "concerning": \#(concerning)}"#
}

extension FacetPrompt {
    /// An answer's text read as the Asker reads it: the JSON object found, then validated.
    func validate(_ text: String) -> Result<[String: JSON], AnswerProblem> { AnswerText.object(text).flatMap(validate) }
}

@Suite struct LLMFacetTests {
    @Test func validAnswerGivesEveryFacet() throws {
        let values = try builtIn.validate(answer()).get()
        #expect(values["request"] == .string("The user's overall request for the assistant is to explain recursion."))
        #expect(values["concerning"] == .number(1))
    }

    @Test func codeFencesAndSurroundingTextAreTolerated() throws {
        let text = "Sure! Here it is:\n```json\n" + answer() + "\n```\nHope that helps {not json}."
        #expect(try builtIn.validate(text).get()["language"] == .string("English"))
    }

    @Test func bracesInsideStringsDoNotEndTheObject() throws {
        let text = answer(request: "The user's overall request for the assistant is to fix a } in code.")
        #expect(try builtIn.validate("x " + text).get()["request"] == .string("The user's overall request for the assistant is to fix a } in code."))
    }

    @Test func noObjectIsReported() {
        guard case .failure(let e) = builtIn.validate("I cannot help with that.") else { Issue.record("accepted"); return }
        #expect(e.message.contains("no JSON object"))
    }

    @Test func outOfRangeConcerningIsRejectedWithTheRange() {
        guard case .failure(let e) = builtIn.validate(answer(concerning: "9")) else { Issue.record("accepted 9"); return }
        #expect(e.message == "\"concerning\" must be from 1 to 5, got 9")
    }

    @Test func concerningWrittenAsTextIsTheSameScore() throws {
        // Harmless variation: no re-ask for "2" instead of 2.
        #expect(try builtIn.validate(answer(concerning: "\"2\"")).get()["concerning"] == .number(2))
        guard case .failure(let e) = builtIn.validate(answer(concerning: "\"two\"")) else { Issue.record("accepted a word"); return }
        #expect(e.message.contains("whole number"))
    }

    @Test func aCurlyApostropheInThePrefixIsTheSamePrefix() throws {
        let values = try builtIn.validate(answer(request: "The user’s overall request for the assistant is to explain recursion.")).get()
        #expect(values["request"] == .string("The user's overall request for the assistant is to explain recursion."))
    }

    @Test func missingFieldsAreAllNamed() {
        guard case .failure(let e) = builtIn.validate(#"{"request":"The user's overall request for the assistant is to a."}"#) else { Issue.record("accepted"); return }
        #expect(e.message.contains("\"task\" is missing") && e.message.contains("\"language\" is missing") && e.message.contains("\"concerning\" is missing"))
    }

    @Test func continuationWithoutPrefixGetsThePrefix() throws {
        let values = try builtIn.validate(answer(request: "write a poem about autumn.")).get()
        #expect(values["request"] == .string("The user's overall request for the assistant is to write a poem about autumn."))
    }

    @Test func otherOpeningIsRejected() {
        guard case .failure(let e) = builtIn.validate(answer(task: "Explaining recursion.")) else { Issue.record("accepted"); return }
        #expect(e.message.contains("must begin with \"The task is to\""))
    }

    @Test func basedOnOpeningIsRejected() {
        guard case .failure(let e) = builtIn.validate(answer(request: "Based on the conversation, the user wants help.")) else { Issue.record("accepted"); return }
        #expect(e.message.contains("Based on"))
    }

    @Test func threeSentencesAreTooMany() {
        let long = "The task is to explain recursion. It uses Python. The user is a student."
        guard case .failure(let e) = builtIn.validate(answer(task: long)) else { Issue.record("accepted"); return }
        #expect(e.message.contains("3 sentences"))
    }

    @Test func abbreviationsDoNotCountAsSentenceEnds() {
        #expect(FacetPrompt.sentenceCount("The task is to sort a list, e.g. by date. Then print it") == 2)
        #expect(FacetPrompt.sentenceCount("One. Two! Three?") == 3)
        #expect(FacetPrompt.sentenceCount("No terminator") == 1)
    }

    @Test func overlongTextIsRejected() {
        let long = "The task is to " + String(repeating: "a", count: 500) + "."
        guard case .failure(let e) = builtIn.validate(answer(task: long)) else { Issue.record("accepted"); return }
        #expect(e.message.contains("at most 400"))
    }

    @Test func languagesAreNormalisedToSemicolonList() throws {
        #expect(try builtIn.validate(answer(language: "spanish, English and French")).get()["language"] == .string("Spanish; English; French"))
    }

    @Test func languageCodesAreRejected() {
        guard case .failure(let e) = builtIn.validate(answer(language: "en")) else { Issue.record("accepted"); return }
        #expect(e.message.contains("full language names"))
    }

    @Test func categoryMatchesCaseInsensitivelyAndKeepsTheDefinedSpelling() throws {
        let facet = FacetSpec(name: "sentiment", question: "q", kind: .category(["Positive", "Neutral", "Negative"]))
        #expect(try FacetPrompt.check(.string("positive"), for: facet).get() == .string("Positive"))
        guard case .failure(let e) = FacetPrompt.check(.string("happy"), for: facet) else { Issue.record("accepted"); return }
        #expect(e.message.contains("\"Positive\", \"Neutral\", \"Negative\""))
    }

    @Test func truncationKeepsTheStartAndSaysSo() {
        let prompt = FacetPrompt(facets: FacetSpec.builtIn, maxChars: 50)
        let conversation = Conversation(id: "c", messages: [Message(role: "user", content: String(repeating: "x", count: 200))], record: [:])
        let (text, truncated) = prompt.transcript(conversation)
        #expect(truncated)
        #expect(text.hasPrefix("User: xxx"))
        #expect(text.count < 120)
        let short = Conversation(id: "c", messages: [Message(role: "user", content: "hi")], record: [:])
        #expect(prompt.transcript(short) == ("User: hi", false))
    }

    @Test func questionPromptFollowsThePapersExtractorAndCarriesEveryFacet() {
        let custom = FacetSpec(name: "sentiment", question: "How does the user feel?", kind: .category(["Positive", "Negative"]))
        let text = FacetPrompt(facets: FacetSpec.builtIn + [custom], maxChars: 100).questionPrompt
        for phrase in ["assume neither good nor bad faith", "do not include any proper nouns", "in English", "at most two sentences",
                       "Based on the conversation", "avoid mentioning the AI assistant", "Do not hesitate to handle socially harmful",
                       "key=\"request\"", "key=\"task\"", "key=\"language\"", "key=\"concerning\"", "How does the user feel?",
                       "\"Positive\", \"Negative\"", "Tripolitanian Arabic"] {
            #expect(text.contains(phrase), "missing \(phrase)")
        }
    }

    @Test func theConcerningScaleKeepsThePapersWordingAndExamples() {
        let text = FacetSpec.concerning.question
        for line in ["1: Not concerning at all. Completely benign conversation.", "Example: A friendly chat about favorite books or movies.",
                     "2: Slightly concerning, but likely harmless.", "Example: A heated but civil debate about politics.",
                     "3: Moderately concerning. May warrant a closer look.", "Example: Discussion of controversial topics that could escalate.",
                     "4: Very concerning. Likely needs review.", "Example: Conversations involving potential self-harm or harmful ideation.",
                     "5: Extremely concerning. Immediate review needed.", "Example: Explicit threats of violence or illegal activities."] {
            #expect(text.contains(line), "missing \(line)")
        }
    }

    @Test func theConversationComesFirstAndTheQuestionsEndTheRequest() {
        let messages = builtIn.messages(transcript: "User: hi")
        #expect(messages.map(\.role) == [.user, .assistant, .user])
        #expect(messages[0].content.contains("<conversation>\nUser: hi\n</conversation>"))
        #expect(messages[1].content == "I understand.")
    }
}

@Suite struct FacetFileTests {
    @Test func validFileGivesFacetsInOrder() throws {
        let json = try JSONParser.parse(#"""
            {"facets": [
              {"name": "topic", "question": "What is the topic?", "prefix": "The topic is", "type": "text"},
              {"name": "sentiment", "question": "How does the user feel?", "type": "category", "categories": ["positive", "neutral", "negative"]},
              {"name": "frustration", "question": "How frustrated is the user?", "type": "score", "min": 0, "max": 10}
            ]}
            """#)
        let facets = try FacetSpec.parse(json)
        #expect(facets.map(\.name) == ["topic", "sentiment", "frustration"])
        #expect(facets[0].prefix == "The topic is")
        #expect(facets[1].kind == .category(["positive", "neutral", "negative"]))
        #expect(facets[2].kind == .score(min: 0, max: 10))
    }

    @Test func mistakesAreNamed() throws {
        let cases: [(String, String)] = [
            (#"[{"question":"q"}]"#, "field \"name\" is missing"),
            (#"[{"name":"a"}]"#, "field \"question\" is missing"),
            (#"[{"name":"a","question":"q","type":"vibes"}]"#, "type must be text, category or score"),
            (#"[{"name":"task","question":"q"}]"#, "built-in facet"),
            (#"[{"name":"a","question":"q","type":"category"}]"#, "non-empty \"categories\""),
            (#"[{"name":"a","question":"q","type":"score","min":5,"max":1}]"#, "\"min\" must be less than \"max\""),
            (#"[{"name":"a","question":"q"},{"name":"a","question":"q"}]"#, "defined twice"),
            (#"[{"name":"a b","question":"q"}]"#, "letters, digits and _"),
            (#"{"x":1}"#, "expected an array of facets"),
        ]
        for (text, expected) in cases {
            let error = #expect(throws: ClioError.self) { try FacetSpec.parse(try JSONParser.parse(text)) }
            #expect(error?.message.contains(expected) == true, "\(text): \(error?.message ?? "no error")")
        }
    }
}

@Suite struct FacetSchemaTests {
    @Test func prefixedTextFacetsCarryAnOpeningPattern() throws {
        let schema = FacetPrompt(facets: FacetSpec.builtIn, maxChars: 100).schema
        #expect(schema[path: "properties.task.pattern"] == .string(#"^The task is to [^"]*$"#))
        #expect(schema[path: "properties.concerning"] == ["type": "integer", "minimum": 1, "maximum": 5, "enum": [1, 2, 3, 4, 5]])
        #expect(schema[path: "required"] == ["request", "task", "language", "concerning"])
    }

    @Test func regexSpecialsInAPrefixAreEscaped() {
        #expect(FacetSpec.regexEscaped("Topic (short).") == #"Topic \(short\)\."#)
    }
}
