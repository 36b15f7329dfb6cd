import DossierFiles
import DossierTestSupport
import Foundation
import Testing

@Suite struct LocalPathTests {
    @Test func oneTrailingSlashIsTrimmedButNotTheRoot() {
        #expect(LocalPath.trimmingTrailingSlash("unit/") == "unit")
        #expect(LocalPath.trimmingTrailingSlash("unit") == "unit")
        #expect(LocalPath.trimmingTrailingSlash("/") == "/")
        #expect(LocalPath.trimmingTrailingSlash("") == "")
    }

    /// Inside means the folder itself or below it, through symlinks; a sibling sharing a prefix is not inside.
    @Test func insideFollowsSymlinksAndWholeNames() throws {
        let folder = try TemporaryFolder()
        let input = folder.url.appendingPathComponent("unit")
        let sibling = folder.url.appendingPathComponent("unit-reports")
        let link = folder.url.appendingPathComponent("link")
        for made in [input.appendingPathComponent("sub"), sibling] {
            try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
        }
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: input)
        #expect(LocalPath.isInside(input.path, folder: input.path))
        #expect(LocalPath.isInside(input.appendingPathComponent("sub").path, folder: input.path + "/"))
        #expect(LocalPath.isInside(link.appendingPathComponent("sub").path, folder: input.path))
        #expect(!LocalPath.isInside(sibling.path, folder: input.path))
        #expect(!LocalPath.isInside(folder.url.path, folder: input.path))
    }
}
