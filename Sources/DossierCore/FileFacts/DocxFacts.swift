/// What was read from a Word document (SPEC §6 `docx`).
public struct DocxFacts: Codable, Sendable, Equatable {
    public var fields: [String: FieldFact]
    public var text: String
    /// Every table as rows of cell texts.
    public var tables: [[[String]]]
    public init(fields: [String: FieldFact], text: String, tables: [[[String]]]) {
        self.fields = fields
        self.text = text
        self.tables = tables
    }
}
