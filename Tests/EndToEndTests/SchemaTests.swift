import ClioCore
import Testing

/// The validator itself must be able to say no, or the contract tests built on it prove nothing.
@Suite struct SchemaValidatorTests {
    @Test func aConformingSummaryPasses() throws {
        let summary = try JSONParser.parse(
            #"{"id":"a","facets":{"request":"r","task":"t","language":"English","concerning":1,"turns":2},"summarizer":{"name":"extractive"}}"#)
        #expect(try SchemaValidator(named: "summary").violations(summary).isEmpty)
    }

    @Test func violationsAreReportedWithTheirPath() throws {
        let bad = try JSONParser.parse(
            #"{"id":"a","facets":{"request":"","task":"t","language":"English","concerning":9,"turns":1.5},"summarizer":{"name":"magic"}}"#)
        let problems = try SchemaValidator(named: "summary").violations(bad)
        #expect(problems.contains { $0.hasPrefix("$.facets.request") })
        #expect(problems.contains { $0.hasPrefix("$.facets.concerning") })
        #expect(problems.contains { $0.hasPrefix("$.facets.turns") })
        #expect(problems.contains { $0.hasPrefix("$.summarizer.name") })
    }

    @Test func bothVectorFormsAreValidEmbeddings() throws {
        let validator = try SchemaValidator(named: "embedded")
        let array = try JSONParser.parse(#"{"embedding":[0.1,0.2],"embedding_model":{"name":"hash-v1","dimension":2}}"#)
        let compact = try JSONParser.parse(#"{"embedding":"f32le:zczMPQ==","embedding_model":{"name":"x","dimension":1}}"#)
        let wrong = try JSONParser.parse(#"{"embedding":"not a vector","embedding_model":{"name":"x","dimension":1}}"#)
        #expect(validator.violations(array).isEmpty)
        #expect(validator.violations(compact).isEmpty)
        #expect(!validator.violations(wrong).isEmpty)
    }
}
