import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program and collects what it printed.
public enum CommandRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: Data
        public var stderr: String
        /// Standard output as text.
        public var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs `executable` with `arguments` from `directory` (the checkout by default).
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        directory: URL = Repository.root
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs the dossier binary from the checkout, with a plain environment.
    public static func dossier(
        _ arguments: [String], environment: [String: String] = ["LANG": "C.UTF-8"], directory: URL = Repository.root
    ) throws -> Result {
        try run(
            Repository.binary.path, arguments,
            environment: environment.merging(["PATH": "/usr/bin:/bin"]) { current, _ in current }, directory: directory)
    }
}
