/// What was read from a workbook (SPEC §6 `xlsx`).
public struct XlsxFacts: Codable, Sendable, Equatable {
    public struct Sheet: Codable, Sendable, Equatable {
        public var name: String
        public var rows: [[String]]
        public init(name: String, rows: [[String]]) {
            self.name = name
            self.rows = rows
        }
    }
    public var sheets: [Sheet]
    public init(sheets: [Sheet]) { self.sheets = sheets }
}
