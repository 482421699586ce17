import Testing
@testable import ClioCore

@Suite struct StringNumbersTests {
    @Test func stringsAreNumberedInTheOrderFirstSeenAndKeepTheirNumber() {
        var table = StringNumbers()
        let numbers = ["es", "en", "es", "zh", "en"].map { table.number($0) }
        #expect(numbers == [0, 1, 0, 2, 1])
        #expect(table.names == ["es", "en", "zh"])
        #expect(table[2] == "zh")
        #expect(table.count == 3)
    }

    @Test func lookingUpDoesNotNumberAnUnseenString() {
        var table = StringNumbers()
        _ = table.number("a")
        #expect(table.existing("a") == 0)
        #expect(table.existing("b") == nil)
        #expect(table.count == 1)
    }
}
