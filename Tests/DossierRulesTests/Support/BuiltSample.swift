import DossierBundles
import DossierCore
import DossierFiles
import DossierInspect
import DossierIntake
import DossierRules
import DossierSeal
import DossierTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Bundles the tests build at run time for what git cannot hold (symlinks to system files, FIFOs, permissions,
/// undecodable names) or should not (2 MiB of padding). Each starts as a copy of Samples/valid.
enum BuiltSample {
    /// Builds sample `name` (with its leading @) in `folder` and returns the unit folder.
    static func make(_ name: String, in folder: TemporaryFolder) throws -> URL {
        if name == "@init" {
            // A new folder as `dossier init` (the web app's 新建) makes it, checked before anything is filled in.
            let unit = folder.url.appendingPathComponent("湖北省科协")
            _ = try SubmissionTemplates.create(folder: unit.path, unit: "湖北省科协", ruleSet: try Repository.ruleSet())
            return unit
        }
        // A misspelt unit: the folder is named 湖北省科学协会 (and its summary table is taken out below).
        // A society the registry does not know: its type is read from its name.
        let renamed = ["@unit-unknown": "湖北省科学协会", "@unit-inferred": "中国心理学会"][name]
        let unit = try folder.copy(ofSample: "valid", as: renamed)
        let person = unit.appendingPathComponent("张三")
        func fixture(_ file: String) throws -> Data {
            try Data(contentsOf: Repository.fixtures.appendingPathComponent(file))
        }
        func office(_ file: String) -> String {
            Repository.root.appendingPathComponent("Tests/Fixtures/office/\(file)").path
        }
        switch name {
        case "@symlink":
            try FileManager.default.createSymbolicLink(
                atPath: person.appendingPathComponent("张三5.jpg").path, withDestinationPath: "/etc/passwd")
        case "@fifo":
            guard mkfifo(person.appendingPathComponent("管道").path, 0o644) == 0 else {
                throw CocoaError(.fileWriteUnknown)
            }
        case "@unreadable":
            chmod(person.appendingPathComponent("张三4.jpg").path, 0)
        case "@undecodable":
            // 张三 in GBK, as a Chinese Windows zip tool would store it: not UTF-8.
            let raw = RawPath(person.path).appending([0xD5, 0xC5, 0xC8, 0xFD] + Array("2.jpg".utf8))
            let bytes = try Data(contentsOf: person.appendingPathComponent("张三2.jpg"))
            let descriptor = raw.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL, 0o644) }
            guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
            _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        case "@huge-header":
            try fixture("huge-header.jpg").write(to: person.appendingPathComponent("张三5.jpg"))
        case "@padded-small":
            // A small real JPEG padded past 2 MiB with zeros: the image itself is still small.
            var bytes = try fixture("whole.jpg")
            bytes.append(Data(count: 2_097_152 + 1000))
            try bytes.write(to: person.appendingPathComponent("张三5.jpg"))
        case "@just-under-2mb":
            // A real JPEG grown by comments to 2,097,151 bytes: one byte short of 2 MiB.
            try JPEGFixture.withComments(toSize: 2_097_151, from: try fixture("whole.jpg"))
                .write(to: person.appendingPathComponent("张三5.jpg"))
        case "@late", "@video-deep-clean":
            break
        case _ where name.hasPrefix("@video-frames-"):
            // A clip made by scripts/make-frame-fixtures.sh in place of 张三's landscape clip.
            try Data(
                contentsOf: Repository.videoFixtures.appendingPathComponent(
                    "frames/\(name.dropFirst("@video-frames-".count)).mp4")
            )
            .write(to: person.appendingPathComponent("张三1.mp4"))
        case _ where name.hasPrefix("@video-deep-clip-") || name.hasPrefix("@video-deep-broken-"):
            // A clip of scripts/make-frame-fixtures.sh (another codec or container) in place of 张三's MP4 or MOV,
            // checked with `--deep`; `broken`: its media data damaged halfway (`HostileVideo.damagedMiddle`).
            let clip = String(name.split(separator: "-", maxSplits: 3).last ?? "")
            let original = Array(
                try Data(contentsOf: Repository.videoFixtures.appendingPathComponent("frames/\(clip)")))
            let bytes =
                name.hasPrefix("@video-deep-broken-")
                ? try HostileVideo.damagedMiddle.make(from: original) : original
            try Data(bytes).write(to: person.appendingPathComponent(clip.hasSuffix(".mov") ? "张三2.mov" : "张三1.mp4"))
        case "@not-nfc":
            try NonNFCSample.make(from: unit)
        case "@deep":
            // A photo 25 folders down (24 under 张三): deeper than the walk follows.
            var deep = person
            for letter in "abcdefghijklmnopqrstuvwx" { deep = deep.appendingPathComponent(String(letter)) }
            try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: person.appendingPathComponent("张三2.jpg"), to: deep.appendingPathComponent("张三7.jpg"))
        case "@unit-unknown", "@unit-inferred":
            // The summary table names the unit: take it out, so the (misspelt) folder name is the unit's name.
            try FileManager.default.removeItem(at: unit.appendingPathComponent("2021年“最美科技工作者”推荐人选汇总表.xlsx"))
        case "@gender-invalid":
            // python-docx's form with 性别 “未知” (scripts/make-office-fixtures.py).
            try Data(
                contentsOf: Repository.root.appendingPathComponent("Tests/Fixtures/office/form-gender-invalid.docx")
            )
            .write(to: person.appendingPathComponent("张三推荐表.docx"))
        case _ where name.hasPrefix("@form-hinted-"):
            // A form whose labels carry hints (`主要事迹（1500字以内）`): scripts/make-office-fixtures.py hinted.
            try Data(contentsOf: URL(fileURLWithPath: office("\(name.dropFirst()).docx")))
                .write(to: person.appendingPathComponent("张三推荐表.docx"))
        case "@orientation-invalid":
            try JPEGFixture.withOrientation(9, from: try fixture("orientation-6.jpg"))
                .write(to: person.appendingPathComponent("张三5.jpg"))
        case "@grey-id":
            try fixture("grey.jpg").write(to: person.appendingPathComponent("张三1.jpg"))
        case "@cmyk-id":
            try fixture("cmyk.jpg").write(to: person.appendingPathComponent("张三1.jpg"))
        case _ where HostileVideo(rawValue: name) != nil:
            // 张三's landscape clip, made hostile in place.
            let video = person.appendingPathComponent("张三1.mp4")
            let original = Array(try Data(contentsOf: video))
            try Data(try HostileVideo(rawValue: name)?.make(from: original) ?? original).write(to: video)
        case "@table-unreadable":
            // LibreOffice's table, its shared strings refused: a DTD, as no Office program writes.
            let table = unit.appendingPathComponent("2021年“最美科技工作者”推荐人选汇总表.xlsx")
            try FileManager.default.removeItem(at: table)
            try TestZip.rewrite(office("summary-libreoffice.xlsx"), to: table.path) { name, bytes in
                guard name == "xl/sharedStrings.xml" else { return bytes }
                let text = String(decoding: bytes, as: UTF8.self)
                return Array(text.replacingOccurrences(of: "?>\n", with: "?>\n<!DOCTYPE sst>\n").utf8)
            }
        case "@form-unpackaged":
            // The form without [Content_Types].xml, which Word and python-docx refuse to open.
            let form = person.appendingPathComponent("张三推荐表.docx")
            let original = folder.url.appendingPathComponent("form.docx")
            try FileManager.default.moveItem(at: form, to: original)
            try TestZip.rewrite(original.path, to: form.path) { $0 == "[Content_Types].xml" ? nil : $1 }
        default:
            throw CocoaError(.featureUnsupported)
        }
        return unit
    }
}
