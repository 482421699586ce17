import Testing
@testable import ClioSummarize

private let masker = PIIMasker()

/// Names introduced by cues added after the held-out run: more relations in six languages,
/// "named", and verbs whose object is a person opening a request.
@Test(arguments: [
    ("Help me write a birthday message for my niece Saoirse.", "Help me write a birthday message for my niece [NAME]."),
    ("Our new hire, Lucía Fernández, starts Monday.", "Our new hire, [NAME], starts Monday."),
    ("My roommate Bartholomew never cleans.", "My roommate [NAME] never cleans."),
    ("Escribe un poema para mi abuela Remedios.", "Escribe un poema para mi abuela [NAME]."),
    ("Un message pour ma voisine Ghislaine, s'il te plaît.", "Un message pour ma voisine [NAME], s'il te plaît."),
    ("Ein Gedicht für meine Nichte Friederike.", "Ein Gedicht für meine Nichte [NAME]."),
    ("The tenant named Pieter de Vries has not paid rent.", "The tenant named [NAME] has not paid rent."),
    ("Write a story about a girl named Oluwadamilare.", "Write a story about a girl named [NAME]."),
    ("Ask Siobhan whether the report is done.", "Ask [NAME] whether the report is done."),
    ("The slides are late. Remind Kwabena Asante to bring them.", "The slides are late. Remind [NAME] to bring them."),
    ("Her name was Zsófia and she loved painting.", "Her name was [NAME] and she loved painting."),
    ("Happy birthday to Wanjiru!", "Happy birthday to [NAME]!"),
    ("Congratulations to Siddharth on his promotion.", "Congratulations to [NAME] on his promotion."),
    ("This letter is for Emeka Chukwu, my landlord.", "This letter is for [NAME], my landlord."),
    // The other half of a pair whose one half a cue or the lists found.
    ("Send a reminder to Priyanka Deshmukh and Arjun Mehta.", "Send a reminder to [NAME] and [NAME]."),
    ("Invite my sister Mireille and Gwendolyn to dinner.", "Invite my sister [NAME] and [NAME] to dinner."),
])
func aNameAfterTheNewCuesIsMasked(input: String, expected: String) {
    #expect(masker.mask(input) == expected)
}

/// What those cues also introduce, and stays.
@Test(arguments: [
    "Assume the types are defined in a file named Types.ts.",
    "Create a Java class named Parser that reads CSV.",
    "Run this function on the tab named Summary.",
    "Ask Python to sort the list.",
    "Tell me a joke about cats.",
    "Thank you for the help.",
    "My coach says to run more.",
    "Compare Python and Rust for my student project.",
    "Congratulations on the launch!",
])
func thingsAfterTheNewCuesStay(input: String) {
    #expect(masker.mask(input) == input)
}
