import DossierCore
import DossierRules
import DossierTestSupport
import Testing

/// 姓名+序号 and its tolerated spellings (SPEC §3).
@Suite struct MediaNameTests {
    let separators = ["-", "_", " ", "－", "＿", "　", "."]

    @Test func canonical() throws {
        let name = try #require(MediaName.parse(stem: "张三2", separators: separators))
        #expect(name.namePart == "张三" && name.number == 2 && name.irregularities.isEmpty)
    }

    @Test(arguments: [
        ("张三-2", MediaName.Irregularity.separator), ("张三_2", .separator), ("张三　2", .separator),
        ("张三２", .fullWidthDigits), ("张三02", .leadingZero),
    ])
    func tolerated(_ stem: String, _ irregularity: MediaName.Irregularity) throws {
        let name = try #require(MediaName.parse(stem: stem, separators: separators))
        #expect(name.namePart == "张三" && name.number == 2)
        #expect(name.irregularities.contains(irregularity))
    }

    @Test func minorityNamesKeepTheirDot() throws {
        let name = try #require(MediaName.parse(stem: "买买提·艾力3", separators: separators))
        #expect(name.namePart == "买买提·艾力" && name.number == 3)
    }

    @Test func namesAreComparedAfterNFCAndTrimming() {
        // “张三” with a trailing ideographic space, and é in decomposed form.
        #expect(MediaName.normalise("张三\u{3000}") == "张三")
        #expect(MediaName.normalise("Jose\u{301}") == "Jos\u{E9}")
    }

    @Test func noNumberIsNoMediaName() {
        #expect(MediaName.parse(stem: "张三", separators: separators) == nil)
        #expect(MediaName.parse(stem: "", separators: separators) == nil)
    }

    @Test func extensionSplit() {
        #expect(FileNameParts("张三2.JPG").extension == "jpg")
        #expect(FileNameParts(".DS_Store").extension == "")
        #expect(FileNameParts("a.b.jpeg").stem == "a.b")
    }
}
