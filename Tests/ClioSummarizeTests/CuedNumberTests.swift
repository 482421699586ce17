import Testing
@testable import ClioSummarize

private let masker = PIIMasker()

/// Numbers whose shape alone reads as a quantity (one run of five to seven digits) but which a
/// cue names as a phone or an account number.
@Test(arguments: [
    ("please call me on 5550142 after six", "please call me on [PHONE] after six"),
    ("my cell is 8675309", "my cell is [PHONE]"),
    ("WhatsApp: 612 345", "WhatsApp: [PHONE]"),
    ("mi teléfono es 912345", "mi teléfono es [PHONE]"),
    ("meine Handynummer ist 0151 2345", "meine Handynummer ist [PHONE]"),
    ("我的电话是8825123", "我的电话是[PHONE]"),
    ("my account number is 4417229", "my account number is [NUMBER]"),
    ("Order #558120 never arrived", "Order #[NUMBER] never arrived"),
    ("policy no. 77812 was cancelled", "policy no. [NUMBER] was cancelled"),
    ("SSN 123-45-6789 on file", "SSN [NUMBER] on file"),
    ("número de cuenta 8812345", "número de cuenta [NUMBER]"),
    ("ma commande n° 99812 est en retard", "ma commande n° [NUMBER] est en retard"),
    ("Kundennummer: 55123", "Kundennummer: [NUMBER]"),
    ("IBAN ES9121000418450200051332 ok", "IBAN [NUMBER] ok"),
])
func aNumberAfterAPhoneOrAccountCueIsMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// Quantities, years and dates after the same cues stay: they identify no one.
@Test(arguments: [
    "the card game has 52 cards",
    "order 3 pizzas for 12 people",
    "invoice 2024-03-02 for the project", "policy 12/03/2024 renewed",
    "my phone is from 2019",
    "customer satisfaction rose by 1000 points",
    "case study: 30 days of running",
    "write a policy for 2025",
])
func quantitiesAfterTheCuesStay(input: String) {
    #expect(masker.mask(input) == input)
}
