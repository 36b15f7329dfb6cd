import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The drop zone's private working folder: dragged folders and zips are copied here (never worked on where they
/// came from), within a size limit over all drops; the folder is made at start (mode 0700, under the system's
/// temporary folder), is one of the browser's roots, and is removed when the server stops.
final class DropZone: @unchecked Sendable {
    let limit: Int
    /// The working folder, or nil when it could not be made (the drop zone is then not offered).
    let folder: String?
    private let lock = NSLock()
    private var used = 0

    init(limit: Int) {
        self.limit = limit
        var template = Array((NSTemporaryDirectory() + "/dossier-drop-XXXXXX").utf8CString)
        folder = template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
        }.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
    }

    /// Why a dropped file was not taken.
    enum Refusal: Error, Equatable {
        case badName
        case tooLarge
        case exists
        case unwritable
    }

    /// The place of `relative` (a dragged file's path, `/`-separated) inside drop `batch`: no empty, `.` or `..`
    /// component, no NUL, no hidden name; nil otherwise.
    func place(batch: String, relative: String) -> String? {
        guard let folder, batch.range(of: #"^[0-9a-f]{8,64}$"#, options: .regularExpression) != nil,
            !relative.contains("\0"), !relative.hasPrefix("/")
        else { return nil }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 16,
            parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.hasPrefix(".") && $0.utf8.count <= 255 })
        else { return nil }
        return folder + "/" + batch + "/" + parts.joined(separator: "/")
    }

    /// Writes `chunks` to `relative` in `batch`, counting every byte against the limit; a refused or cut file is
    /// removed. Returns the batch's folder.
    func receive<Chunks: AsyncSequence>(batch: String, relative: String, chunks: Chunks) async throws -> String
    where Chunks.Element == [UInt8] {
        guard let path = place(batch: batch, relative: relative), let folder else { throw Refusal.badName }
        let parent = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Refusal.unwritable
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw errno == EEXIST ? Refusal.exists : Refusal.unwritable }
        var finished = false
        defer {
            close(descriptor)
            if !finished { unlink(path) }
        }
        for try await chunk in chunks {
            let allowed = lock.withLock { () -> Bool in
                guard used + chunk.count <= limit else { return false }
                used += chunk.count
                return true
            }
            guard allowed else { throw Refusal.tooLarge }
            var offset = 0
            while offset < chunk.count {
                let written = chunk[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                guard written > 0 else { throw Refusal.unwritable }
                offset += written
            }
        }
        finished = true
        return folder + "/" + batch
    }

    /// Removes the working folder and everything copied into it.
    func removeAll() {
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }
}
