import DossierInspect
import Testing

@Suite struct ContentTypeTests {
    @Test func sniffsByContent() {
        #expect(ContentType.sniff([0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(ContentType.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) == .png)
        #expect(ContentType.sniff(Array("\0\0\0\u{18}ftypheic\0\0\0\0".utf8)) == .heic)
        #expect(ContentType.sniff(Array("\0\0\0\u{18}ftypisom\0\0\0\0".utf8)) == .mp4)
        #expect(ContentType.sniff(Array("\0\0\0\u{14}ftypqt  \0\0\0\0".utf8)) == .mov)
        #expect(ContentType.sniff([0x1A, 0x45, 0xDF, 0xA3]) == .matroska)
        #expect(ContentType.sniff([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) == .ole2)
        #expect(ContentType.sniff(Array("PK\u{3}\u{4}".utf8)) == .zip)
        #expect(ContentType.sniff(Array("照片稍后补交".utf8)) == .text)
        #expect(ContentType.sniff([]) == .unknown)
    }
}
