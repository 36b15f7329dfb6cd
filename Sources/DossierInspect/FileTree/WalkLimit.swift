import DossierCore
import DossierFiles
import Foundation

/// Why a walk did not list everything: the entry that carries it is where the walk stopped.
public enum WalkLimit: Sendable, Equatable {
    /// A folder at the deepest level followed; its content was not listed.
    case depth(Int)
    /// The walk met its most entries here; later entries were not listed.
    case entries(Int)
    /// The entry's full path is too long for the system to open.
    case pathLength(Int)
}
