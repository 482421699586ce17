import ClioTestSupport
import Testing
@testable import ClioCore

@Suite struct LanguageCentringTests {
    @Test func thePrimaryLanguageIsTheFirstNamed() {
        #expect(LanguageCentring.primary("English; Chinese") == "English")
        #expect(LanguageCentring.primary(" ; Spanish ") == "Spanish")
        #expect(LanguageCentring.primary("German") == "German")
        #expect(LanguageCentring.primary("") == "")
        #expect(LanguageCentring.primary(nil) == "")
        #expect(LanguageCentring.primary("Unknown") == "")
    }

    @Test func eachLanguageWithEnoughRecordsGetsItsOwnMeanAndTheLargestIsTheReference() throws {
        // 3 English at (1,0) ± 1 in y, 2 Spanish at (0,2), 1 French (too few): minimum 2.
        let vectors: [Float] = [1, 1, 1, -1, 1, 0, 0, 2, 0, 2, 5, 5]
        let languages = ["English", "English", "English", "Spanish", "Spanish", "French"]
        let centring = try #require(LanguageCentring.estimate(vectors: vectors, dimension: 2, languages: languages, minimum: 2))
        #expect(centring.reference == "English")
        #expect(centring.means == ["English": [1, 0], "Spanish": [0, 2]])
        #expect(centring.counts == ["English": 3, "Spanish": 2])
        // French has too few records to have a mean of its own: it is centred at English's.
        #expect(centring.mean(for: "French") == [1, 0])
        #expect(centring.mean(for: "") == [1, 0])
    }

    @Test func noLanguageWithEnoughRecordsMeansNoCentring() {
        #expect(LanguageCentring.estimate(vectors: [1, 0, 0, 1], dimension: 2, languages: ["English", "Spanish"], minimum: 2) == nil)
        #expect(LanguageCentring.estimate(vectors: [], dimension: 2, languages: []) == nil)
        // Records without a language are no language of their own, however many.
        #expect(LanguageCentring.estimate(vectors: [1, 0, 0, 1], dimension: 2, languages: ["", ""], minimum: 1) == nil)
    }

    @Test func aCentredVectorHasUnitLengthAndAZeroDifferenceStaysZero() {
        let centring = LanguageCentring(reference: "English", means: ["English": [1, 0]], counts: ["English": 10])
        var vectors: [Float] = [4, 4, 1, 0]
        centring.centre(&vectors, languages: ["English", "English"])
        #expect(abs(vectors[0] - 0.6) < 1e-6 && abs(vectors[1] - 0.8) < 1e-6)
        #expect(vectors[2] == 0 && vectors[3] == 0)
    }

    @Test func theCentroidsFileLinesReadBackToTheSameMeans() throws {
        let centring = LanguageCentring(reference: "English", means: ["English": [1, 0.5], "Spanish": [-0.25, 2]],
                                        counts: ["English": 60, "Spanish": 51])
        for compact in [false, true] {
            let lines = centring.records(compact: compact).map { JSONSerializer.string(.object($0)) }
            #expect(lines.first?.contains(#""reference":true"#) == true)
            let back = try LanguageCentring(records: try lines.map { try JSONParser.parse($0).objectValue! })
            #expect(back == centring)
        }
        #expect(try LanguageCentring(records: []) == nil)
        #expect(throws: ClioError.self) {
            try LanguageCentring(records: [["language": "English", "mean": [1, 2]]])
        }
    }

    @Test func sumsAddedOneByOneGiveWhatTheWholeInputGives() {
        let vectors: [Float] = (0..<120).map { Float($0 % 7) - 3 }
        let languages = (0..<60).map { $0 % 3 == 0 ? "Spanish" : "English" }
        var sums = LanguageSums(dimension: 2)
        for i in 0..<60 { sums.add(Array(vectors[(2 * i)..<(2 * i + 2)]), language: languages[i]) }
        #expect(sums.centring(minimum: 20) == LanguageCentring.estimate(vectors: vectors, dimension: 2, languages: languages, minimum: 20))
        #expect(sums.centring(minimum: 20)?.means.keys.sorted() == ["English", "Spanish"])
    }
}
