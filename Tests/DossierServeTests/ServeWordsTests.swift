import DossierCore
import DossierTestSupport
import Foundation
import Testing

@testable import DossierServe

/// The web app's words come from its table (and the templates' `[[中文|English]]`): no code picks a language itself.
@Suite struct ServeWordsTests {
    @Test func noSourceOfTheWebAppChoosesBetweenLanguagesItself() throws {
        let folder = Repository.root.appendingPathComponent("Sources/DossierServe")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".swift") && $0 != "ServeWords.swift"
        }
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                #expect(line.firstMatch(of: #/\bzh\s*\?|==\s*\.zh\b|==\s*\.en\b/#) == nil, "\(file): \(line)")
            }
        }
    }

    /// One words table for the module: words written out in both languages (`LocalizedText(zh: "…"`) live in
    /// `ServeWords.swift` only, and no other `…Words` table of the same kind sits beside it.
    @Test func theWebAppHasOneWordsTable() throws {
        let folder = Repository.root.appendingPathComponent("Sources/DossierServe")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        for file in files where file != "ServeWords.swift" {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(text.firstMatch(of: #/LocalizedText\(\s*zh:\s*"/#) == nil, "\(file) writes its own words")
            #expect(!file.hasSuffix("Words.swift"), "\(file): a second words table")
        }
        #expect(ServeWords.ledgerTitle.zh == "收件登记" && ServeWords.recheckTitle.en == "Recheck")
        #expect(ServeWords.marked(3, "已撤回").zh == "已把第 3 号版本标记为“已撤回”。")
    }

    @Test func textsWithValuesSayThemInBothLanguages() {
        #expect(ServeWords.size(1_572_864).zh == "1.5 MB（1572864 字节）")
        #expect(ServeWords.size(1_572_864).en == "1.5 MB (1572864 bytes)")
        #expect(ServeWords.contentErrors(0).text(.zh).contains("没有错误"))
        #expect(ServeWords.contentErrors(3).text(.en).contains("3 errors"))
        for kind in [Job.Kind.check, .seal, .verify, .intake] {
            #expect(!ServeWords.title(kind).zh.isEmpty && !ServeWords.title(kind).en.isEmpty)
        }
        #expect(ServeWords.dropTooLarge("2048 MB").text(.en).contains("2048 MB"))
        #expect(ServeWords.intakePlace(.folder, bundles: 1).en == "folder (1 bundle)")
        #expect(ServeWords.intakePlace(.drive, bundles: 3).en == "drive (3 bundles)")
        #expect(ServeWords.intakePlace(.drive, bundles: 3).zh == "U盘或移动硬盘（3 份材料）")
    }
}
