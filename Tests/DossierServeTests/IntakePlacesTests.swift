import DossierRules
import DossierTestSupport
import Foundation
import Testing

@testable import DossierServe

/// What the 收件 page offers to take in: drives mounted under the roots, and folders holding bundles.
struct IntakePlacesTests {
    @Test func mountPointsAreReadWithTheirEscapesDecoded() {
        let info = """
            22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
            95 22 8:17 / /media/li/U\\040\\347\\233\\230 rw,nosuid shared:50 - vfat /dev/sdb1 rw
            96 22 8:33 / /run/media/li/DATA rw shared:51 - exfat /dev/sdc1 rw
            """
        #expect(IntakePlaces.mountPoints(info) == ["/", "/media/li/U 盘", "/run/media/li/DATA"])
        #expect(IntakePlaces.unescape("a\\04") == "a\\04")
    }

    @Test func aFolderHoldingBundlesIsOfferedWithHowManyAndOthersAreNot() throws {
        let place = try TemporaryFolder()
        let drive = place.url.appendingPathComponent("drive")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: try #require(Repository.unitFolder(ofSample: "valid")), to: drive.appendingPathComponent("湖北省科协"))
        try Data("PK\u{5}\u{6}".utf8).write(to: drive.appendingPathComponent("某单位.zip"))
        try FileManager.default.createDirectory(
            at: place.url.appendingPathComponent("照片"), withIntermediateDirectories: true)
        // A symlink to the drive is never followed, so never offered.
        try FileManager.default.createSymbolicLink(
            at: place.url.appendingPathComponent("link"), withDestinationURL: drive)
        let roots = AllowedRoots([place.url.path])
        let layout = try RuleSet.load(folder: Repository.rules).layout
        let root = try #require(roots.roots.first)
        let found = IntakePlaces.find(roots: roots, skipping: nil, layout: layout, mountInfo: nil)
        #expect(found.map(\.path) == [root + "/drive"])
        #expect(found.first?.bundles == 2 && found.first?.kind == .folder)
        // A mount point under a root but outside /media, /run/media and /mnt (a bind mount) is no drive.
        let mounted = IntakePlaces.find(
            roots: roots, skipping: nil, layout: layout, mountInfo: "95 22 8:17 / \(root)/照片 rw - vfat /dev/sdb1 rw\n")
        #expect(mounted.map(\.path) == [root + "/drive"])
        // Neither the archive, nor what is inside it, nor what holds it (intake would refuse it) is offered.
        for archive in [root + "/drive", root + "/drive/收件库", root] {
            #expect(
                IntakePlaces.find(roots: roots, skipping: nil, archive: archive, layout: layout, mountInfo: nil)
                    .isEmpty,
                "\(archive)")
        }
        #expect(
            IntakePlaces.find(roots: roots, skipping: nil, archive: root + "/照片", layout: layout, mountInfo: nil).count
                == 1)
    }
}
