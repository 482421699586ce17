import Testing
@testable import ClioSummarize

private let masker = PIIMasker()

/// Numbers whose shape alone reads as a quantity (one run of five to seven digits) but which a
/// cue names as a phone or an account number.
@Test(arguments: [
    ("carta d'identità AY 3817264, grazie.", "carta d'identità [NUMBER], grazie."),
    ("my passport number is AB 1234567", "my passport number is [NUMBER]"),
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

/// Identifiers of the world set: a UK driving licence written in groups, a German student number,
/// a Japanese insurance card's 記号, a group number with a leading zero.
@Test(arguments: [
    ("Driving licence: SOLBE 712045 IS9AB.", "Driving licence: [NUMBER]."),
    ("Matrikelnummer 4412087, bitte", "Matrikelnummer [NUMBER], bitte"),
    ("保険証の記号 31-4087 です", "保険証の記号 [NUMBER] です"),
    ("Member ID 55, Group 0097321.", "Member ID 55, Group [NUMBER]."),
])
func identifiersOfTheWorldSet(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// A number given to reach a person is a phone number; a time after the same words is not; a UK
/// insurance number written in its groups counts whatever its last letter.
@Test(arguments: [
    ("Text Ana on 9634260 to say the car is ready", "Text [NAME] on [PHONE] to say the car is ready"),
    ("their social security number ZZ 25 53 80 T was on a letter", "their social security number [NUMBER] was on a letter"),
    ("call her at 10.30 tomorrow", "call her at 10.30 tomorrow"),
])
func numbersGivenToReachSomeone(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// Identity and tax numbers of more countries after their names, an Indian PAN by its shape; the
/// same words before quantities stay.
@Test(arguments: [
    ("My NRIC is S1234567D", "My NRIC is [NUMBER]"),
    ("Aadhaar 2345 6789 0123", "Aadhaar [NUMBER]"),
    ("my pan card ABCDE1234F is lost", "my pan card [NUMBER] is lost"),
    ("frying pan 1200 watts", "frying pan 1200 watts"),
    ("run 10000 times", "run 10000 times"),
    ("registration opens 2025", "registration opens 2025"),
])
func identityNumbersOfMoreCountries(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// The last digits of a card given without "ending", an account's user name, a handle with a
/// hyphen; the same words before other things stay.
@Test(arguments: [
    ("the last 4 digits of my card are 0921", "the last 4 digits of my card are [NUMBER]"),
    ("last four 4471", "last four [NUMBER]"),
    ("my username is kwame_okafor88", "my username is [HANDLE]"),
    ("Login: ko1988", "Login: [HANDLE]"),
    ("Venmo @kwame-okafor", "Venmo [HANDLE]"),
    ("the last 3 years", "the last 3 years"),
    ("my username is long", "my username is long"),
    ("change the login screen", "change the login screen"),
    ("how to handle Swal input", "how to handle Swal input"),
])
func lastDigitsUserNamesAndHandles(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}
