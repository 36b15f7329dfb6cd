import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The dossier binary and its rules copied into a folder anyone may read, run as an ordinary user: as user nobody
/// when the tests run as root (root reads and writes everything, so a closed file or folder would be no test).
public struct UnprivilegedDossier {
    public let binary: URL

    /// Copies the binary and the bundled rules into `place`.
    public init(in place: TemporaryFolder) throws {
        binary = place.url.appendingPathComponent("dossier")
        try FileManager.default.copyItem(at: Repository.binary, to: binary)
        try FileManager.default.createDirectory(
            at: place.url.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: Repository.rules), to: place.url.appendingPathComponent("rules/zuimei-2021"))
    }

    /// Runs the copy with `arguments`, as nobody when this process is root.
    public func run(_ arguments: [String]) throws -> CommandRunner.Result {
        let asRoot = geteuid() == 0
        return try CommandRunner.run(
            asRoot ? "/usr/bin/setpriv" : binary.path,
            asRoot ? ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments : arguments,
            environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
    }
}
