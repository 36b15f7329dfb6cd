import DossierFiles
import DossierInspect
import DossierTestSupport
import Foundation
import Testing

@Suite struct ZipArchiveTests {
    @Test func gbkNamesFromChineseWindowsToolsAreDecoded() {
        // 张三.jpg in GBK, without the UTF-8 flag.
        let (name, wasGBK) = ZipArchive.decodeName([0xD5, 0xC5, 0xC8, 0xFD] + Array(".jpg".utf8), utf8Flag: false)
        #expect(name == "张三.jpg" && wasGBK)
        #expect(ZipArchive.decodeName(Array("张三.jpg".utf8), utf8Flag: false) == ("张三.jpg", false))
    }

    @Test func hostileArchivesAreErrorsNotCrashes() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("x.zip").path
        for bytes: [UInt8] in [
            [], Array("PK\u{5}\u{6}".utf8), [UInt8](repeating: 0x50, count: 100),
            Array("PK\u{3}\u{4}".utf8) + [UInt8](repeating: 0, count: 60),
        ] {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(throws: ZipError.self) { try ZipArchive(RawPath(path)) }
        }
        // An end record whose directory lies far past the end of the file.
        // Signature; disk numbers 0, 0; one entry here and in all; directory size and offset 0x7FFF_FFFF; no comment
        // (little-endian).
        let lying: [UInt8] =
            [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0] + [0xFF, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF, 0x7F, 0, 0]
        try Data(lying).write(to: URL(fileURLWithPath: path))
        #expect(throws: ZipError.self) { try ZipArchive(RawPath(path)) }
    }
}
