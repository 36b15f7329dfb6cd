import DossierRules
import DossierTestSupport
import Foundation
import Testing

@testable import DossierServe

/// The folder browser and the file route list and read nothing outside the roots, and follow no symlink.
@Suite(.serialized) struct FolderBrowserTests {
    /// A root holding a copy of the valid sample, a plain folder, a zip, and symlinks out of the root.
    private func makeRoot() throws -> (TemporaryFolder, TemporaryFolder, URL) {
        let root = try TemporaryFolder()
        let outside = try TemporaryFolder()
        try "secret".write(to: outside.url.appendingPathComponent("private.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(
            at: outside.url.appendingPathComponent("外面"), withIntermediateDirectories: true)
        let unit = try root.copy(ofSample: "valid")
        try FileManager.default.createDirectory(
            at: root.url.appendingPathComponent("其他文件夹"), withIntermediateDirectories: true)
        try Data("PK".utf8).write(to: root.url.appendingPathComponent("某单位.zip"))
        try FileManager.default.createSymbolicLink(
            atPath: root.url.appendingPathComponent("链接").path, withDestinationPath: outside.url.path)
        return (root, outside, unit)
    }

    @Test func rootsRefuseTraversalSymlinksAndOutsidePaths() throws {
        let (root, outside, unit) = try makeRoot()
        let roots = AllowedRoots([root.url.path])
        let base = try #require(roots.roots.first)
        #expect(try roots.resolve(base) == base)
        #expect(try roots.resolve(base + "/" + unit.lastPathComponent + "/") == base + "/" + unit.lastPathComponent)
        #expect(throws: AllowedRoots.Refusal.outside) { try roots.resolve(base + "/../") }
        #expect(throws: AllowedRoots.Refusal.outside) { try roots.resolve(base + "/其他文件夹/../../etc") }
        #expect(throws: AllowedRoots.Refusal.outside) { try roots.resolve(base + "/./其他文件夹") }
        #expect(throws: AllowedRoots.Refusal.outside) { try roots.resolve("/etc/passwd") }
        #expect(throws: AllowedRoots.Refusal.outside) { try roots.resolve(outside.url.path) }
        #expect(throws: AllowedRoots.Refusal.outside) { try roots.resolve("其他文件夹") }
        #expect(throws: AllowedRoots.Refusal.outside) { try roots.resolve(base + "/其他文件夹\0") }
        #expect(throws: AllowedRoots.Refusal.outside) { try roots.resolve(base + "x") }
        #expect(throws: AllowedRoots.Refusal.symlink) { try roots.resolve(base + "/链接") }
        #expect(throws: AllowedRoots.Refusal.symlink) { try roots.resolve(base + "/链接/private.txt") }
        #expect(throws: AllowedRoots.Refusal.missing) { try roots.resolve(base + "/没有") }
        #expect(try roots.resolve(base + "/新的", mustExist: false) == base + "/新的")
        #expect(roots.parent(of: base) == nil)
        #expect(roots.parent(of: base + "/其他文件夹") == base)
    }

    @Test func theListingShowsUnitsZipsAndFoldersAndNamesLinksWithoutFollowingThem() throws {
        let (root, _, unit) = try makeRoot()
        let roots = AllowedRoots([root.url.path])
        let base = try #require(roots.roots.first)
        let ruleSet = try DossierRules.RuleSet.load(folder: Repository.rules)
        let listing = try #require(FolderListing.list(base, layout: ruleSet.layout))
        let kinds = Dictionary(uniqueKeysWithValues: listing.entries.map { ($0.name, $0.kind) })
        #expect(kinds[unit.lastPathComponent] == .unit)
        #expect(kinds["其他文件夹"] == .folder)
        #expect(kinds["某单位.zip"] == .zip)
        #expect(kinds["链接"] == .symlink)
        #expect(listing.entries.first?.kind == .unit)
    }

    @Test func theBrowserPageRefusesWhatIsOutsideTheRoots() async throws {
        let (root, outside, _) = try makeRoot()
        let harness = try await ServerHarness(roots: [root.url.path])
        defer { Task { await harness.stop() } }
        let base = try #require(harness.server.allowedRoots.first)
        let page = try await harness.get("/browse?path=\(Query.encode(base))")
        #expect(page.status == 200)
        #expect(page.body.contains("其他文件夹"))
        #expect(page.body.contains("某单位.zip"))
        #expect(!page.body.contains("href=\"/browse?path=\(Query.encode(base + "/链接"))"))
        for target in [
            "/browse?path=/etc", "/browse?path=\(Query.encode(base + "/.."))",
            "/browse?path=\(Query.encode(base))%2F..%2F..%2Fetc", "/browse?path=%2Fetc%2F", "/browse?path=..%2F..",
            "/browse?path=\(Query.encode(outside.url.path))",
        ] {
            let response = try await harness.get(target)
            #expect(response.status == 403, "\(target)")
            #expect(!response.body.contains("passwd") && !response.body.contains("private.txt"), "\(target)")
        }
        let link = try await harness.get("/browse?path=\(Query.encode(base + "/链接"))")
        #expect(link.status == 404)
        #expect(!link.body.contains("private.txt") && !link.body.contains("外面"))
        // Starting work outside the roots, or through a link, is refused the same way.
        #expect(try await harness.post("/check", ["path": "/etc"]).status == 403)
        #expect(try await harness.post("/check", ["path": base + "/链接"]).status == 404)
        #expect(try await harness.post("/new", ["in": base + "/链接", "unit": "甲"]).body.contains("符号链接"))
        #expect(!FileManager.default.fileExists(atPath: outside.url.appendingPathComponent("甲").path))
        #expect(try await harness.post("/verify", ["zip": "/etc/passwd"]).status == 403)
    }

    @Test func theFileRouteServesOnlyFilesOfTheCheckedBundle() async throws {
        let root = try TemporaryFolder()
        let unit = try root.copy(ofSample: "photo-problems")
        let outside = try TemporaryFolder()
        try "secret".write(to: outside.url.appendingPathComponent("private.txt"), atomically: true, encoding: .utf8)
        let harness = try await ServerHarness(roots: [root.url.path])
        defer { Task { await harness.stop() } }
        let base = try #require(harness.server.allowedRoots.first)
        let started = try await harness.post("/check", ["path": base + "/" + unit.lastPathComponent])
        #expect(started.status == 303)
        let location = try #require(started.header("Location"))
        let page = try await harness.finishedJob(location)
        #expect(page.status == 200)
        // A photo a finding names is a link that opens it.
        let link = try #require(
            page.body.firstMatch(of: #/href="(/jobs/[0-9a-f-]+/file\?b=0&amp;p=[^"]+)"/#).map { String($0.1) })
        let target = link.replacingOccurrences(of: "&amp;", with: "&")
        let photo = try await harness.get(target)
        #expect(photo.status == 200)
        #expect(photo.header("Content-Type")?.hasPrefix("image/jpeg") == true || photo.header("Content-Type") != nil)
        let id = String(target.split(separator: "/")[1])
        for bad in [
            "../../\(outside.url.lastPathComponent)/private.txt", "/etc/passwd", "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
            "nothing.jpg",
        ] {
            #expect(try await harness.get("/jobs/\(id)/file?b=0&p=\(bad)").status == 404, "\(bad)")
        }
        #expect(try await harness.get("/jobs/\(id)/file?b=7&p=x").status == 404)
        // A file swapped for a symlink after the check is not followed.
        let named = String(target.split(separator: "=").last ?? "").removingPercentEncoding ?? ""
        let onDisk = unit.appendingPathComponent(named)
        try FileManager.default.removeItem(at: onDisk)
        try FileManager.default.createSymbolicLink(
            atPath: onDisk.path, withDestinationPath: outside.url.appendingPathComponent("private.txt").path)
        let swapped = try await harness.get(target)
        #expect(swapped.status == 404)
        #expect(!swapped.body.contains("secret"))
    }
}
