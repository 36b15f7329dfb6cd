import Foundation

/// The Office documents of Tests/Fixtures/office (scripts/make-office-fixtures.py made them with python-docx,
/// openpyxl and LibreOffice) and what a person reads in them.
public enum OfficeFixture {
    public static let folder = Repository.root.appendingPathComponent("Tests/Fixtures/office")

    /// What a person reads in the form and the summary table (the script wrote it beside them).
    public struct Expected: Decodable, Sendable {
        public var form: [String: String]
        public var summary: [[String]]
    }

    /// The fixture called `name`.
    public static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// The bytes of the fixture called `name`.
    public static func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: url(name))) }

    /// expected.json, or nil when it cannot be read.
    public static let expected: Expected? = {
        guard let data = try? Data(contentsOf: url("expected.json")) else { return nil }
        return try? JSONDecoder().decode(Expected.self, from: data)
    }()
}
