import Crypto
import DossierBundles
import DossierCore
import DossierFiles
import DossierInspect
import DossierReport
import DossierRules
import Foundation

/// The SHA-256 of each file, computed on a second core while the caller copies the same chunks: every file's
/// chunks are hashed in order on one serial queue, at most four chunks in flight (4 MiB), so the copy and the hash
/// overlap instead of adding up, across files too: the copy goes on to the next file without waiting for a digest.
final class PipelinedSHA256: @unchecked Sendable {
    private var hasher = SHA256()
    private var digests: [String] = []
    private let queue = DispatchQueue(label: "dossier.seal.sha256")
    private let inFlight = DispatchSemaphore(value: 4)

    /// Hashes the next chunk of the current file.
    func update(_ chunk: [UInt8]) {
        inFlight.wait()
        queue.async {
            self.hasher.update(data: chunk)
            self.inFlight.signal()
        }
    }

    /// Ends the current file: its digest becomes the next of `finish()`'s, and `then` gets it on the hashing queue
    /// (the next file's hashing waits for `then`).
    func endFile(then: (@Sendable (String) -> Void)? = nil) {
        queue.async {
            let digest = self.hasher.finalize().hexDigits
            self.hasher = SHA256()
            self.digests.append(digest)
            then?(digest)
        }
    }

    /// Waits for every chunk, then gives the digest of every file ended, in order.
    func finish() -> [String] {
        queue.sync { digests }
    }
}
