import DossierCore
import Foundation

/// A cell of a Word table.
public struct DocxCell: Sendable, Equatable {
    public enum Merge: String, Sendable { case none, restart, `continue` }
    public var text: String
    /// Grid columns the cell spans (`w:gridSpan`).
    public var span: Int
    /// Vertical merge (`w:vMerge`).
    public var merge: Merge
    /// The grid column it starts in.
    public var column: Int
}
