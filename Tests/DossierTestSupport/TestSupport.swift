import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Places in the checkout the tests read from.
public enum Repository {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public static let samples = root.appendingPathComponent("Samples")
    public static let rules = root.appendingPathComponent("rules/zuimei-2021").path
    public static let fixtures = root.appendingPathComponent("Tests/Fixtures/jpeg")
    /// The debug binary `swift build` made: end-to-end tests run it as a user would.
    public static let binary = root.appendingPathComponent(".build/debug/dossier")

    /// The sample folders that carry an expected.json.
    public static var sampleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []).filter {
            FileManager.default.fileExists(atPath: samples.appendingPathComponent("\($0)/expected.json").path)
        }.sorted()
    }

    /// The unit folder inside a sample folder.
    public static func unitFolder(ofSample name: String) -> URL? {
        let folder = samples.appendingPathComponent(name)
        let children = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return children.sorted().map { folder.appendingPathComponent($0) }.first { isFolder($0) }
    }

    public static func isFolder(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }
}

/// A folder under the system's temporary folder, readable by every user, removed when released.
public final class TemporaryFolder: @unchecked Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        chmod(url.path, 0o755)
    }

    /// A copy of a sample's unit folder in this folder (named `name`, else as in the sample); its location.
    public func copy(ofSample sample: String, as name: String? = nil) throws -> URL {
        guard let unit = Repository.unitFolder(ofSample: sample) else { throw CocoaError(.fileNoSuchFile) }
        let copy = url.appendingPathComponent(name ?? unit.lastPathComponent)
        try FileManager.default.copyItem(at: unit, to: copy)
        return copy
    }

    deinit {
        // Restore permissions a test took away, so that everything can be removed.
        if let walker = FileManager.default.enumerator(atPath: url.path) {
            for case let relative as String in walker { chmod(url.appendingPathComponent(relative).path, 0o755) }
        }
        try? FileManager.default.removeItem(at: url)
    }
}

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

/// Real JPEGs (Pillow's, Tests/Fixtures/jpeg) with one byte-level change.
public enum JPEGFixture {
    /// `jpeg` with its EXIF orientation tag's value replaced by `value` (any 16-bit number, valid or not).
    public static func withOrientation(_ value: UInt16, from jpeg: Data) throws -> Data {
        var bytes = [UInt8](jpeg)
        guard let exif = bytes.firstRange(of: Array("Exif\0\0".utf8)) else { throw CocoaError(.fileReadCorruptFile) }
        let tiff = exif.upperBound
        let little = bytes[tiff] == 0x49
        let tag: [UInt8] = little ? [0x12, 0x01, 0x03, 0x00] : [0x01, 0x12, 0x00, 0x03]
        guard let entry = bytes[tiff...].firstRange(of: tag) else { throw CocoaError(.fileReadCorruptFile) }
        let at = entry.lowerBound + 8
        bytes[at] = UInt8(little ? value & 0xFF : value >> 8)
        bytes[at + 1] = UInt8(little ? value >> 8 : value & 0xFF)
        return Data(bytes)
    }

    /// `jpeg` grown to exactly `size` bytes by comment (COM) segments after its start marker: the image and its
    /// end are untouched, so every byte counts as the photo's own.
    public static func withComments(toSize size: Int, from jpeg: Data) throws -> Data {
        var bytes = [UInt8](jpeg)
        guard bytes.starts(with: [0xFF, 0xD8]), size >= bytes.count else { throw CocoaError(.fileReadCorruptFile) }
        var segments: [UInt8] = []
        var missing = size - bytes.count
        while missing > 0 {
            // A segment is 4 bytes of marker and length, then up to 65,533 bytes; never leave fewer than 4 over.
            var payload = min(missing - 4, 65_533)
            if (1..<4).contains(missing - (payload + 4)) { payload -= 4 }
            guard payload >= 0 else { throw CocoaError(.fileReadCorruptFile) }
            let length = payload + 2
            segments +=
                [0xFF, 0xFE, UInt8(length >> 8), UInt8(length & 0xFF)] + [UInt8](repeating: 0x20, count: payload)
            missing -= payload + 4
        }
        bytes.insert(contentsOf: segments, at: 2)
        return Data(bytes)
    }
}

extension JPEGFixture {
    /// `jpeg` with a comment segment (COM) right after its start marker: the same picture, other bytes.
    public static func withComment(_ text: String, from jpeg: Data) -> Data {
        let comment = Array(text.utf8)
        let length = comment.count + 2
        var bytes = [UInt8](jpeg)
        bytes.insert(contentsOf: [0xFF, 0xFE, UInt8(length >> 8), UInt8(length & 0xFF)] + comment, at: 2)
        return Data(bytes)
    }
}

/// A national society's bundle with three candidates, one more than its quota of two: 中国化学会's summary table and
/// forms (python-docx, openpyxl: scripts/make-unit-fixtures.py) with Samples/valid's photos and videos, each
/// candidate's photos made distinct by a comment segment.
public enum SocietySample {
    public static let unit = "中国化学会"
    public static let candidates = ["张三", "李四", "王五"]

    /// Builds the bundle in `folder`; the unit folder.
    public static func make(in folder: TemporaryFolder) throws -> URL {
        let unit = try folder.copy(ofSample: "valid", as: Self.unit)
        let fixtures = Repository.root.appendingPathComponent("Tests/Fixtures/units")
        let manager = FileManager.default
        let table = unit.appendingPathComponent("2021年“最美科技工作者”推荐人选汇总表.xlsx")
        try manager.removeItem(at: table)
        try manager.copyItem(at: fixtures.appendingPathComponent("society-three-summary.xlsx"), to: table)
        let model = unit.appendingPathComponent("张三")
        let files = try manager.contentsOfDirectory(atPath: model.path).sorted()
        for name in candidates {
            let person = unit.appendingPathComponent(name)
            if name != "张三" { try manager.createDirectory(at: person, withIntermediateDirectories: true) }
            for file in files {
                let target = person.appendingPathComponent(name + file.dropFirst("张三".count))
                if file.hasSuffix("推荐表.docx") {
                    if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
                    try manager.copyItem(
                        at: fixtures.appendingPathComponent("society-three-\(name)推荐表.docx"), to: target)
                } else if name != "张三" {
                    let bytes = try Data(contentsOf: model.appendingPathComponent(file))
                    try (file.hasSuffix(".jpg") ? JPEGFixture.withComment(name, from: bytes) : bytes).write(to: target)
                }
            }
        }
        return unit
    }
}
