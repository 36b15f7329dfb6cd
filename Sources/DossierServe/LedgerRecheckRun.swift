import DossierCore
import DossierIntake
import Foundation

/// The web app's recheck of every kept version (`dossier ledger recheck`): one at a time, on a thread of its own
/// (it judges every bundle again, which takes a while); the page shows it running, then what changed. The office may
/// cancel it as a job is cancelled (a POST with the secret); so does the server's stop. A cancelled recheck records
/// nothing. The last outcome is kept until the next recheck.
final class LedgerRecheckRun: @unchecked Sendable {
    enum State: Sendable {
        case idle
        case running(since: Date, cancelling: Bool)
        case done(LedgerRecheck)
        case failed(LocalizedText)
        /// Stopped before the end: by the office, or by the server's stop.
        case cancelled(byUser: Bool)
    }

    private let lock = NSLock()
    private var current: State = .idle
    private var cancellation: Cancellation?
    private var userCancelled = false
    private let finished = DispatchGroup()

    var state: State { lock.withLock { current } }

    /// Starts `work` unless a recheck is running; whether it started. `work` stops when its cancellation is.
    func start(_ work: @escaping @Sendable (Cancellation) throws -> LedgerRecheck) -> Bool {
        let cancellation = Cancellation()
        let started: Bool = lock.withLock {
            if case .running = current { return false }
            current = .running(since: Date(), cancelling: false)
            self.cancellation = cancellation
            userCancelled = false
            return true
        }
        guard started else { return false }
        finished.enter()
        let thread = Thread { [self] in
            var outcome: State
            do {
                outcome = .done(try work(cancellation))
            } catch  where LibraryAdapter.isCancelled(error) {
                outcome = .cancelled(byUser: false)
            } catch {
                outcome = .failed(
                    LocalizedText(
                        zh: LibraryAdapter.message(for: error, language: .zh),
                        en: LibraryAdapter.message(for: error, language: .en)))
            }
            lock.withLock {
                if case .cancelled = outcome { outcome = .cancelled(byUser: userCancelled) }
                current = outcome
                self.cancellation = nil
            }
            finished.leave()
        }
        thread.stackSize = 16 << 20
        thread.start()
        return true
    }

    /// The office's 取消: the recheck stops at the next file and records nothing. Whether one was running.
    @discardableResult
    func cancel() -> Bool {
        let running: Cancellation? = lock.withLock {
            guard case .running(let since, _) = current, let cancellation else { return nil }
            current = .running(since: since, cancelling: true)
            userCancelled = true
            return cancellation
        }
        running?.cancel()
        return running != nil
    }

    /// The server's stop: the running recheck is told to stop; waits up to `timeout` seconds for it.
    func stop(timeout: Double) {
        lock.withLock { cancellation }?.cancel()
        _ = finished.wait(timeout: .now() + timeout)
    }
}
