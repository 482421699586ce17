import Testing
@testable import ClioEmbed
