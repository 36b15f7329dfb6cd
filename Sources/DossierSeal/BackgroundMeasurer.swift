import DossierCore
import DossierFiles
import DossierInspect
import DossierRules
import Foundation

/// Measures photos on other cores while the seal goes on copying: each photo's bytes, read once for the zip, are
/// handed over with their SHA-256; at most `inFlight` photos wait or decode at once (their bytes are held in memory
/// until measured).
final class BackgroundMeasurer: @unchecked Sendable {
    private let measurer: PhotoMeasurer
    private let queue = DispatchQueue(label: "dossier.seal.measure", attributes: .concurrent)
    private let group = DispatchGroup()
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var measured: [RawPath: PhotoMeasurer.Known] = [:]

    init(_ measurer: PhotoMeasurer, inFlight: Int = 2) {
        self.measurer = measurer
        slots = DispatchSemaphore(value: inFlight)
    }

    /// Measures the photo at `location` (its `bytes`, whose SHA-256 is `digest`); waits while `inFlight` photos are.
    func measure(_ bytes: [UInt8], digest: String, at location: RawPath) {
        slots.wait()
        group.enter()
        queue.async {
            let known = self.measurer.known(bytes, digest: digest)
            self.lock.lock()
            self.measured[location] = known
            self.lock.unlock()
            self.slots.signal()
            self.group.leave()
        }
    }

    /// Every photo's measurement, once all are done.
    func finish() -> [RawPath: PhotoMeasurer.Known] {
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        return measured
    }
}
