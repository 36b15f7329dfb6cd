import DossierCore
import DossierIntake
import Foundation

/// The web app's recheck of every kept version (`dossier ledger recheck`): one at a time, on a thread of its own
/// (it judges every bundle again, which takes a while); the page shows it running, then what changed. The last
/// outcome is kept until the next recheck.
final class LedgerRecheckRun: @unchecked Sendable {
    enum State: Sendable {
        case idle
        case running(since: Date)
        case done(LedgerRecheck)
        case failed(LocalizedText)
    }

    private let lock = NSLock()
    private var current: State = .idle

    var state: State { lock.withLock { current } }

    /// Starts `work` unless a recheck is running; whether it started.
    func start(_ work: @escaping @Sendable () throws -> LedgerRecheck) -> Bool {
        let started: Bool = lock.withLock {
            if case .running = current { return false }
            current = .running(since: Date())
            return true
        }
        guard started else { return false }
        let thread = Thread { [self] in
            let outcome: State
            do {
                outcome = .done(try work())
            } catch {
                outcome = .failed(
                    LocalizedText(
                        zh: LibraryAdapter.message(for: error, language: .zh),
                        en: LibraryAdapter.message(for: error, language: .en)))
            }
            lock.withLock { current = outcome }
        }
        thread.stackSize = 16 << 20
        thread.start()
        return true
    }
}
