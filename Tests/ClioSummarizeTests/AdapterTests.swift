import Testing
import ClioCore
@testable import ClioSummarize

@Test func messagesRecordKeepsStringContentRolesAndOptionalFields() throws {
    let record = try Fixture.object(
        #"{"id":"c-1","user":"u-9","created_at":"2024-03-02","messages":[{"role":"user","content":"How do I sort a list?"},{"role":"assistant","content":"Use sorted()."}],"extra":1}"#)
    let conversation = try InputFormat.messages.conversation(from: record)
    #expect(conversation.id == .string("c-1"))
    #expect(conversation.user == "u-9")
    #expect(conversation.createdAt == "2024-03-02")
    #expect(conversation.messages == [Message(role: "user", content: "How do I sort a list?"), Message(role: "assistant", content: "Use sorted().")])
    #expect(conversation.record["extra"] == .number(1))
}

@Test func messagesContentPartsKeepTextAndIgnoreOtherParts() throws {
    let record = try Fixture.object(
        #"{"id":1,"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"x"}},{"type":"text","text":"What is in"},{"type":"text","text":"this picture?"}]}]}"#)
    let conversation = try InputFormat.messages.conversation(from: record)
    #expect(conversation.messages == [Message(role: "user", content: "What is in\nthis picture?")])
}

@Test func numericIdsAreAccepted() throws {
    let record = try Fixture.object(#"{"id":12345678901234567890,"messages":[{"role":"user","content":"hi there"}]}"#)
    let conversation = try InputFormat.messages.conversation(from: record)
    #expect(conversation.id == .rawNumber("12345678901234567890"))
}

@Test func missingMessagesFieldIsNamedInTheError() throws {
    let record = try Fixture.object(#"{"id":"c-1"}"#)
    #expect(throws: ClioError(.invalidRecord, "field \"messages\" is missing")) {
        try InputFormat.messages.conversation(from: record)
    }
}

@Test func missingIdIsAnError() throws {
    let record = try Fixture.object(#"{"messages":[{"role":"user","content":"hi"}]}"#)
    #expect(throws: ClioError(.invalidRecord, "field \"id\" is missing")) {
        try InputFormat.messages.conversation(from: record)
    }
}

@Test func messageWithoutRoleIsAnError() throws {
    let record = try Fixture.object(#"{"id":"c","messages":[{"content":"hi"}]}"#)
    #expect(throws: ClioError.self) { try InputFormat.messages.conversation(from: record) }
}

@Test func claudeChatReadsTextAndContentItemsAndAccount() throws {
    let record = try Fixture.object(
        #"{"uuid":"a-1","name":"Title with Ann Smith","created_at":"2024-05-01T10:00:00Z","account":{"uuid":"acc-7"},"chat_messages":[{"sender":"human","text":"Plan a trip to Rome","content":[]},{"sender":"assistant","text":"","content":[{"type":"text","text":"Sure."},{"type":"tool_use","name":"x"}]}]}"#)
    let conversation = try InputFormat.claude.conversation(from: record)
    #expect(conversation.id == .string("a-1"))
    #expect(conversation.user == "acc-7")
    #expect(conversation.createdAt == "2024-05-01T10:00:00Z")
    #expect(conversation.messages == [Message(role: "user", content: "Plan a trip to Rome"), Message(role: "assistant", content: "Sure.")])
    // The chat title is not carried: it is free text that may hold personal details.
    #expect(conversation.record["name"] == nil)
    #expect(conversation.record.keys == ["id", "user", "created_at", "metadata"])
}

@Test func chatGPTFollowsTheCurrentBranchAndSkipsSystemAndNonStringParts() throws {
    // root -> system -> u1 -> a1 (old, regenerated) / a2 (current)
    let record = try Fixture.object(
        #"""
        {"id":"g-1","create_time":1709374500.25,"current_node":"a2","mapping":{
          "root":{"id":"root","message":null,"parent":null,"children":["sys"]},
          "sys":{"id":"sys","parent":"root","children":["u1"],"message":{"author":{"role":"system"},"content":{"content_type":"text","parts":["You are helpful"]}}},
          "u1":{"id":"u1","parent":"sys","children":["a1","a2"],"message":{"author":{"role":"user"},"content":{"content_type":"multimodal_text","parts":[{"content_type":"image_asset_pointer"},"Fix my bike chain"]}}},
          "a1":{"id":"a1","parent":"u1","children":[],"message":{"author":{"role":"assistant"},"content":{"content_type":"text","parts":["OLD ANSWER"]}}},
          "a2":{"id":"a2","parent":"u1","children":[],"message":{"author":{"role":"assistant"},"content":{"content_type":"text","parts":["NEW ANSWER"]}}}
        }}
        """#)
    let conversation = try InputFormat.chatgpt.conversation(from: record)
    #expect(conversation.messages == [Message(role: "user", content: "Fix my bike chain"), Message(role: "assistant", content: "NEW ANSWER")])
    // 1709374500 = 2024-03-02T10:15:00Z (date -u -d @1709374500).
    #expect(conversation.createdAt == "2024-03-02T10:15:00Z")
}

@Test func chatGPTUsesConversationIdWhenIdIsAbsent() throws {
    let record = try Fixture.object(
        #"{"conversation_id":"cid-9","current_node":"u","mapping":{"u":{"parent":null,"children":[],"message":{"author":{"role":"user"},"content":{"parts":["hello there"]}}}}}"#)
    let conversation = try InputFormat.chatgpt.conversation(from: record)
    #expect(conversation.id == .string("cid-9"))
    #expect(conversation.userTurns == 1)
}

/// A ChatGPT record with this `create_time` text and one user turn.
private func chatGPTRecord(createTime: String) throws -> JSONObject {
    try Fixture.object(
        #"{"id":"t","create_time":"# + createTime
            + #","current_node":"u","mapping":{"u":{"parent":null,"children":[],"message":{"author":{"role":"user"},"content":{"parts":["hi"]}}}}}"#)
}

@Test func chatGPTCreateTimeInMillisecondsGivesTheSameDate() throws {
    let conversation = try InputFormat.chatgpt.conversation(from: chatGPTRecord(createTime: "1709374500250"))
    #expect(conversation.createdAt == "2024-03-02T10:15:00Z")
}

@Test func chatGPTCreateTimeBefore1970IsADate() throws {
    let conversation = try InputFormat.chatgpt.conversation(from: chatGPTRecord(createTime: "-1"))
    #expect(conversation.createdAt == "1969-12-31T23:59:59Z")
}

@Test(arguments: ["1e300", "-1e300", "1e15", "-1e15", "2.6e14", "-6.3e13", "9223372036854775808"])
func chatGPTCreateTimeOutOfRangeIsAnErrorNamingTheField(time: String) throws {
    // Issue 16: 1e300 trapped converting to Int64 and killed the whole run.
    let record = try chatGPTRecord(createTime: time)
    #expect {
        try InputFormat.chatgpt.conversation(from: record)
    } throws: { error in
        "\(error)".contains("field \"create_time\" is out of range: ")
    }
}

@Test func shareGPTMapsSpeakersToRoles() throws {
    let record = try Fixture.object(
        #"{"id":"s-1","conversations":[{"from":"system","value":"be nice"},{"from":"human","value":"Write a haiku"},{"from":"gpt","value":"Leaves fall"}]}"#)
    let conversation = try InputFormat.sharegpt.conversation(from: record)
    #expect(conversation.messages.map(\.role) == ["system", "user", "assistant"])
    #expect(conversation.userTurns == 1)
}

@Test func autoDetectionReadsEachJSONLRecordByItsKeys() throws {
    let path = try Fixture.file(
        """
        {"id":"m","messages":[{"role":"user","content":"one"}]}

        {"id":"s","conversations":[{"from":"human","value":"two"}]}
        """)
    let conversations = try Fixture.conversations([path])
    #expect(conversations.map(\.messages.first?.content) == ["one", "two"])
    #expect(conversations.map(\.location?.line) == [1, 3])
}

@Test func arrayDocumentIsDetectedByItsFirstElement() throws {
    let path = try Fixture.file(
        """
        [
          {"uuid":"c1","chat_messages":[{"sender":"human","text":"first"}]},
          {"uuid":"c2","chat_messages":[{"sender":"human","text":"second"}]}
        ]
        """)
    let conversations = try Fixture.conversations([path])
    #expect(conversations.map(\.id) == [.string("c1"), .string("c2")])
    #expect(conversations.map(\.location?.line) == [2, 3])
}

@Test func unknownRecordShapeIsAnErrorNamingTheLine() throws {
    let path = try Fixture.file("{\"id\":1,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}\n{\"id\":2,\"text\":\"y\"}\n")
    do {
        _ = try Fixture.conversations([path])
        Issue.record("expected an error")
    } catch let error as ClioError {
        #expect(error.location?.line == 2)
        #expect(error.message.contains("cannot tell the conversation format"))
    }
}

@Test func skipInvalidContinuesPastBadRecordsAndCountsThem() throws {
    let path = try Fixture.file("{\"id\":1,\"messages\":[]}\n{broken\n{\"id\":2}\n{\"id\":3,\"messages\":[{\"role\":\"user\",\"content\":\"ok\"}]}\n")
    let reader = ConversationReader(paths: [path], format: .messages, skipInvalid: true)
    var ids: [JSON] = []
    while let (conversation, _) = try reader.next() { ids.append(conversation.id) }
    #expect(ids == [.number(1), .number(3)])
    #expect(reader.skipped == 2)
}

@Test func badArrayElementIsNamedByLineAndPosition() throws {
    let path = try Fixture.file(#"[{"id":"a","messages":[{"role":"user","content":"x"}]},{"id":"b","messages":"oops"}]"#)
    do {
        _ = try Fixture.conversations([path])
        Issue.record("expected an error")
    } catch let error as ClioError {
        #expect(error.description == "\(path):1: field \"messages\" must be an array, got a string (array element 2)")
    }
}

/// Found by `scripts/fuzz.sh adapters` (the input as libFuzzer wrote it): no `current_node`, and
/// node "a" lists itself as its child, so following the last child from the root never ended.
@Test func chatGPTChildrenCycleWithoutCurrentNodeEnds() throws {
    let record = try Fixture.object(
        #"{"id": "g", "create_time": 3418749000.25, "curr_nt_node": "a", "mapping": {"r": {"parent": null, "children": ["u"], "mess[ge": null}, "u": {"parent": "r", "children": ["a"], "message": {"author": {"role": "user"}, "content": {"parts": ["Fix my chain", {"x": 0}]}}}, "a": {"pat": "r", "children": ["a"], "message": {"author": {"role": "assisantt"}, "content": {"text": "ok"}}}}}"#)
    let conversation = try InputFormat.chatgpt.conversation(from: record)
    // The walk stops at the cycle; "a" has no parent field and an unknown role: no messages.
    #expect(conversation.messages.isEmpty)
}

