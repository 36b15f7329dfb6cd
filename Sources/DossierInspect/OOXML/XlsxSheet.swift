import DossierCore
import Foundation

/// A sheet of a workbook: cell values as shown, by row and column (dense).
public struct XlsxSheet: Sendable, Equatable {
    public var name: String
    public var rows: [[String]]
    public var merges: [String]
    /// True when rows or columns beyond the limits were left out.
    public var truncated: Bool
}
