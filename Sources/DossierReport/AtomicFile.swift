import DossierCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes outputs whole or not at all: a temporary file beside the destination, synced, then renamed.
public enum AtomicFile {
    /// Why an output could not be written: the system's reason, in the run's language.
    public struct WriteError: Error, BilingualMessage {
        public var path: String
        public var reason: SystemReason

        public func text(_ language: Language) -> String {
            language == .zh
                ? "无法写入报告 \(path)（\(reason.text(.zh))）：请把 -o 指到可以写入的文件夹。"
                : "\(path): cannot write the report (\(reason.text(.en))): point -o at a folder you can write to"
        }
    }

    /// Writes `data` to `path` atomically.
    public static func write(_ data: Data, to path: String) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: .current) }
        var failure: SystemReason?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = .current
                    return
                }
                offset += written
            }
        }
        if failure == nil && fsync(descriptor) != 0 { failure = .current }
        close(descriptor)
        if failure == nil && rename(temporary, path) != 0 { failure = .current }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
    }
}
