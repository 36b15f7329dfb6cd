import DossierCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A one-line progress bar on stderr: files done, bytes done, rate, time left. Shown only when stderr is a
/// terminal and `--no-progress` is not given; redrawn at most ten times a second.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let label: String
    /// Set at the first update: the checks that come before the copying do not count toward the rate.
    private var start: Date?
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// A bar, or nil when it should not be shown.
    static func make(label: String, disabled: Bool) -> ProgressBar? {
        disabled || isatty(STDERR_FILENO) == 0 ? nil : ProgressBar(label: label)
    }

    private init(label: String) { self.label = label }

    func update(_ progress: WorkProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let start = self.start ?? now
        self.start = start
        guard now.timeIntervalSince(lastDraw) >= 0.1 || progress.files == progress.totalFiles else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(progress.bytes) / elapsed
        let left = rate > 0 ? Double(progress.totalBytes - min(progress.bytes, progress.totalBytes)) / rate : 0
        let fraction = progress.totalBytes > 0 ? Double(progress.bytes) / Double(progress.totalBytes) : 1
        let width = 24
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let megabytes = { (bytes: UInt64) in (Double(bytes) / 1_048_576).formatted2 }
        let files = "\(progress.files)/\(progress.totalFiles)"
        let bytes = "\(megabytes(progress.bytes))/\(megabytes(progress.totalBytes)) MB"
        let speed = megabytes(UInt64(rate))
        let seconds = Int(left.rounded())
        let text =
            "\(label) \(bar) "
            + words(
                "\(files) 个文件  \(bytes)  \(speed) MB/秒  剩余 \(seconds) 秒",
                "\(files) files  \(bytes)  \(speed) MB/s  \(seconds) s left")
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
        drawn = true
    }

    /// Clears the line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
