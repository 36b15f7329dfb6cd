import Testing

@testable import DossierFiles

@Suite struct PartialNameTests {
    /// The temporary file's name says who wrote it, and reads back.
    @Test func temporaryNamesReadBack() {
        let name = PartialName.mine()
        #expect(PartialName(fileName: name.fileName) == name)
        #expect(PartialName(fileName: ".dossier-123-ABCDEF12.partial")?.pid == 123)
        #expect(PartialName(fileName: ".dossier-123-ABCDEF12.partial")?.host == nil)
        for other in [".dossier-0-ABCDEF12.partial", ".dossier-x-ABCDEF12.partial", ".dossier-1-2-3.partial", "a.zip"] {
            #expect(PartialName(fileName: other) == nil)
        }
    }
}
