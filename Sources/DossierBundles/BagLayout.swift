import Foundation

/// The names and text formats of a BagIt 1.0 bag (RFC 8493) as dossier writes and reads them.
public enum BagLayout {
    public static let bagit = "bagit.txt"
    public static let bagInfo = "bag-info.txt"
    public static let manifest = "manifest-sha256.txt"
    public static let tagManifest = "tagmanifest-sha256.txt"
    public static let reportJSON = "report/report.json"
    public static let reportHTML = "report/report.html"
    public static let payload = "data/"

    /// bag-info.txt labels dossier reads back.
    public static let sourceOrganization = "Source-Organization"
    public static let unitType = "Unit-Type"
    public static let quota = "Quota"
    public static let quotaApproval = "Quota-Approval"

    /// bag-info.txt: one `Label: value` line per field, in the order given; a value's line breaks become spaces
    /// (a value cannot span lines without the reader's folding rules, RFC 8493 §2.2.2).
    public static func bagInfoText(_ fields: [(String, String)]) -> String {
        fields.map { label, value in
            let flat = value.split(whereSeparator: \.isNewline).joined(separator: " ")
            return "\(label): \(flat)\n"
        }.joined()
    }

    /// Reads bag-info.txt: label → value (the first of a repeated label), continuation lines (starting with a space
    /// or tab) joined to the value before them.
    public static func parseBagInfo(_ text: String) -> [String: String] {
        var fields: [(String, String)] = []
        for line in text.split(whereSeparator: \.isNewline) {
            if let first = line.first, first == " " || first == "\t", let last = fields.popLast() {
                fields.append((last.0, last.1 + " " + line.trimmingCharacters(in: .whitespaces)))
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let label = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            fields.append((label, value))
        }
        return Dictionary(fields, uniquingKeysWith: { first, _ in first })
    }

    /// `bagit.txt`.
    public static let declaration = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"

    /// A manifest line's path, with CR, LF and % percent-encoded (RFC 8493 §2.1.3).
    public static func encodePath(_ path: String) -> String {
        path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    public static func decodePath(_ path: String) -> String {
        path.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%25", with: "%")
    }

    /// `hash  path` lines, sorted by path.
    public static func manifestText(_ hashes: [(path: String, sha256: String)]) -> String {
        hashes.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            .map { "\($0.sha256)  \(encodePath($0.path))\n" }.joined()
    }

    /// Reads a manifest: path → hash; nil when a line is not `hash  path`.
    public static func parseManifest(_ text: String) -> [String: String]? {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            guard let space = trimmed.firstIndex(of: " ") else { return nil }
            let hash = String(trimmed[..<space]).lowercased()
            let path = trimmed[space...].drop { $0 == " " || $0 == "\t" }
            guard hash.count == 64, hash.allSatisfy(\.isHexDigit), !path.isEmpty else { return nil }
            result[decodePath(String(path))] = hash
        }
        return result
    }
}
