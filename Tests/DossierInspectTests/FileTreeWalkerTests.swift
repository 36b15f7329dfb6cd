import DossierFiles
import DossierInspect
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct FileTreeWalkerTests {
    private func makeFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("walker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("张三"), withIntermediateDirectories: true)
        return url
    }

    @Test func symlinksAreListedNeverFollowed() throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("张三/张三1.jpg").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("系统").path, withDestinationPath: "/etc")
        let entries = try FileTreeWalker().walk(RawPath(root.path))
        let link = try #require(entries.first { $0.path == "张三/张三1.jpg" })
        #expect(link.kind == .symlink && link.linkTarget == "/etc/passwd" && link.bytes == 0)
        #expect(entries.first { $0.path == "系统" }?.kind == .symlink)
        #expect(!entries.contains { $0.path.hasPrefix("系统/") })
    }

    @Test func specialFilesAreRecognised() throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(mkfifo(root.appendingPathComponent("张三/fifo").path, 0o644) == 0)
        let entry = try #require(try FileTreeWalker().walk(RawPath(root.path)).first { $0.name == "fifo" })
        #expect(entry.kind == .special && entry.specialKind == "fifo")
    }

    @Test func undecodableNamesAreKeptRaw() throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let raw: [UInt8] = [0xD5, 0xC5, 0xC8, 0xFD] + Array("2.jpg".utf8)
        let descriptor = RawPath(root.path).appending(raw).withCString { open($0, O_WRONLY | O_CREAT, 0o644) }
        #expect(descriptor >= 0)
        close(descriptor)
        let entry = try #require(try FileTreeWalker().walk(RawPath(root.path)).first { $0.rawName == raw })
        #expect(!entry.nameIsUTF8)
        #expect(entry.name.contains("\u{FFFD}"))
        #expect(FileBytes.readPrefix(entry.location, count: 4) == [])
    }

    @Test func depthIsBounded() throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var deep = root
        for level in 0..<40 { deep = deep.appendingPathComponent("d\(level)") }
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let entries = try FileTreeWalker(maximumDepth: 10).walk(RawPath(root.path))
        #expect(entries.map { $0.components.count }.max() == 10)
        // The folder where the walk stopped says so: what it holds is never left out unseen.
        let stopped = entries.filter { $0.limit != nil }
        #expect(stopped.map(\.path) == [(0..<10).map { "d\($0)" }.joined(separator: "/")])
        #expect(stopped.first?.limit == .depth(10))
    }

    @Test func entryCountIsBoundedVisibly() throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        for index in 0..<20 { try Data([1]).write(to: root.appendingPathComponent("f\(index)")) }
        let entries = try FileTreeWalker(maximumEntries: 5).walk(RawPath(root.path))
        #expect(entries.count == 5)
        #expect(entries.filter { $0.limit == .entries(5) }.count == 1)
    }

    @Test func missingRootIsAnError() {
        #expect(throws: FileTreeWalker.WalkError.self) { try FileTreeWalker().walk(RawPath("/no/such/folder")) }
    }

    @Test func readingIsBounded() throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("big")
        try Data(count: 4096).write(to: file)
        #expect(throws: FileBytes.ReadError.tooLarge(bytes: 4096, limit: 100)) {
            try FileBytes.readAll(RawPath(file.path), limit: 100)
        }
        #expect(try FileBytes.readAll(RawPath(file.path), limit: 4096).count == 4096)
    }
}
