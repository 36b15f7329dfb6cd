import DossierCore
import Foundation

/// A Word document's text: body paragraphs, tables, and the text of headers and footers.
public struct DocxDocument: Sendable, Equatable {
    public var paragraphs: [String] = []
    public var tables: [[[DocxCell]]] = []
    /// Headers and footers, by part name (`word/header1.xml`).
    public var headersAndFooters: [String: String] = [:]

    public init() {}

    /// All the text, body first, in reading order.
    public var text: String {
        (paragraphs + tables.flatMap { $0.flatMap { $0.map(\.text) } }).joined(separator: "\n")
    }
}
