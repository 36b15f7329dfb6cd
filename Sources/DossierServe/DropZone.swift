import Foundation

/// The drop zone's private working folder: dragged folders and zips are copied here (never worked on where they
/// came from), within a size limit; the folder is removed when the server stops.
final class DropZone: @unchecked Sendable {
    let limit: Int
    private let lock = NSLock()
    private var folder: String?

    init(limit: Int) { self.limit = limit }

    /// Removes the working folder and everything copied into it.
    func removeAll() {
        let folder = lock.withLock { () -> String? in
            defer { self.folder = nil }
            return self.folder
        }
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }
}
