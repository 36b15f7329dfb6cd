import DossierCore
import DossierKit
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C (SIGINT) and SIGTERM answered by cancelling the command's work instead of ending the process: the work
/// stops at its next file and leaves nothing half-done, and the command says so in one line. A second signal ends
/// the process at once (the ledger's transaction is all or nothing either way).
final class CancelOnSignal {
    let cancellation = Cancellation()
    private var sources: [any DispatchSourceSignal] = []
    private static let signals = [SIGINT, SIGTERM]

    init() {
        // The signals are this command's: a write's own cleanup handler must not end the process.
        DossierLibrary.leaveSignalsToCaller()
        // A parent may start us with them blocked (the mask is inherited).
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for number in Self.signals { sigaddset(&unblock, number) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for number in Self.signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [cancellation] in
                cancellation.cancel()
                signal(number, SIG_DFL)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Whether a signal came.
    var interrupted: Bool { cancellation.isCancelled }

    /// Stops listening; the signals end the process again.
    func stop() {
        for source in sources { source.cancel() }
        sources = []
        for number in Self.signals { signal(number, SIG_DFL) }
    }
}
