import Crypto
import DossierBundles
import DossierCore
import DossierFiles
import DossierInspect
import DossierReport
import DossierRules
import Foundation

/// SHA-256 computed on a second core while the caller copies the same chunks: chunks are hashed in order on a
/// serial queue, at most four in flight (4 MiB), so the copy and the hash overlap instead of adding up.
final class PipelinedSHA256: @unchecked Sendable {
    private var hasher = SHA256()
    private let queue = DispatchQueue(label: "dossier.seal.sha256")
    private let inFlight = DispatchSemaphore(value: 4)

    func update(_ chunk: [UInt8]) {
        inFlight.wait()
        queue.async {
            self.hasher.update(data: chunk)
            self.inFlight.signal()
        }
    }

    /// Waits for every chunk, then gives the hex digest.
    func finalize() -> String {
        queue.sync { hasher.finalize().hexDigits }
    }
}
