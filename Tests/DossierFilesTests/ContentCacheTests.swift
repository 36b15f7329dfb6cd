import Crypto
import DossierCore
import DossierTestSupport
import Foundation
import Testing

@testable import DossierFiles

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ContentCacheTests {
    private let digest = SHA256.hash(data: Array("照片".utf8)).hexDigits

    @Test func whatIsStoredIsFoundAgainInItsContextOnly() throws {
        let folder = try TemporaryFolder()
        let cache = ContentCache(folder: folder.url.path, context: ["build 1", "rules a"])
        #expect(cache.value(for: digest) == nil)
        cache.store(Array("facts".utf8), for: digest)
        #expect(cache.value(for: digest) == Array("facts".utf8))
        // Another build or rule set: a miss, never another context's facts.
        #expect(ContentCache(folder: folder.url.path, context: ["build 2", "rules a"]).value(for: digest) == nil)
        #expect(ContentCache(folder: folder.url.path, context: ["build 1", "rules b"]).value(for: digest) == nil)
    }

    @Test func damagedForeignOrLinkedEntriesAreMisses() throws {
        let folder = try TemporaryFolder()
        let cache = ContentCache(folder: folder.url.path, context: ["c"])
        cache.store(Array("facts".utf8), for: digest)
        let path = try #require(cache.path(for: digest))
        // Cut short inside its header.
        try Data(Array("dossier-facts 1\n".utf8).prefix(10)).write(to: URL(fileURLWithPath: path))
        #expect(cache.value(for: digest) == nil)
        // Not ours at all.
        try Data("{\"facts\":1}".utf8).write(to: URL(fileURLWithPath: path))
        #expect(cache.value(for: digest) == nil)
        // A symlink to a good entry is not followed.
        let elsewhere = folder.url.appendingPathComponent("good").path
        cache.store(Array("facts".utf8), for: digest)
        try FileManager.default.moveItem(atPath: path, toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: elsewhere)
        #expect(cache.value(for: digest) == nil)
        // Written again, it serves again.
        unlink(path)
        cache.store(Array("facts".utf8), for: digest)
        #expect(cache.value(for: digest) == Array("facts".utf8))
    }

    @Test func onlyDigestsNameEntries() throws {
        let folder = try TemporaryFolder()
        let cache = ContentCache(folder: folder.url.path, context: ["c"])
        for key in ["", "../../etc/passwd", String(repeating: "A", count: 64), String(repeating: "g", count: 64)] {
            cache.store([1], for: key)
            #expect(cache.value(for: key) == nil)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test func aFolderThatCannotBeWrittenIsNoCache() throws {
        let cache = ContentCache(folder: "/proc/dossier-cache", context: ["c"])
        cache.store([1, 2, 3], for: digest)
        #expect(cache.value(for: digest) == nil)
    }

    @Test func growingPastItsBoundRemovesTheOldestFirst() throws {
        let folder = try TemporaryFolder()
        let cache = ContentCache(folder: folder.url.path, context: ["c"], maximumBytes: 10_000)
        var digests: [String] = []
        for index in 0..<8 {
            let key = SHA256.hash(data: Array("\(index)".utf8)).hexDigits
            digests.append(key)
            cache.store([UInt8](repeating: UInt8(index), count: 2_000), for: key)
            // Ages one second apart, oldest first.
            var times = [
                timespec(tv_sec: 1_000_000 + index, tv_nsec: 0), timespec(tv_sec: 1_000_000 + index, tv_nsec: 0),
            ]
            _ = utimensat(AT_FDCWD, try #require(cache.path(for: key)), &times, 0)
        }
        cache.trim()
        let kept = digests.map { cache.value(for: $0) != nil }
        #expect(kept.filter { $0 }.count <= 3)
        #expect(kept.last == true)
        #expect(kept.first == false)
    }

    @Test func theUsersCacheFolder() {
        #expect(
            ContentCache.userFolder(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"])
                == "/x/cache/dossier/facts-v1")
        #expect(ContentCache.userFolder(environment: ["HOME": "/home/u"]) == "/home/u/.cache/dossier/facts-v1")
        #expect(
            ContentCache.userFolder(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"])
                == "/h/.cache/dossier/facts-v1")
        #expect(ContentCache.userFolder(environment: [:]) == nil)
    }
}
