import DossierCore
import Foundation

/// The JSON report of SPEC §6: keys sorted, so the same run gives the same bytes.
public struct JSONReporter: Reporter {
    public static let name = "json"

    public init() {}

    public static func make() -> JSONReporter { JSONReporter() }

    public func render(_ report: Report, context: ReportContext) throws -> String {
        try Self.encode(report)
    }

    /// Any Encodable value as the project's JSON: pretty, sorted keys, slashes unescaped, trailing newline.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
