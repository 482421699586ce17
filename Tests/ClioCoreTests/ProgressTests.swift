import Testing
@testable import ClioCore

@Suite struct DurationTests {
    /// An estimate from a rate near zero is huge or infinite; `Int(seconds)` trapped on it.
    @Test func hugeAndNonFiniteDurationsAreWords() {
        #expect(formatDuration(.infinity) == "over 30 years")
        #expect(formatDuration(1e300) == "over 30 years")
        #expect(formatDuration(.nan) == "?")
        #expect(formatDuration(3725) == "1h02m")
        #expect(formatDuration(59.94) == "59.9s")
    }
}
