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

    @Test func textsWithValuesSayThemInBothLanguages() {
        #expect(ServeWords.size(1_572_864).zh == "1.5 MB（1572864 字节）")
        #expect(ServeWords.size(1_572_864).en == "1.5 MB (1572864 bytes)")
        #expect(ServeWords.contentErrors(0).text(.zh).contains("没有错误"))
        #expect(ServeWords.contentErrors(3).text(.en).contains("3 errors"))
        for kind in [Job.Kind.check, .seal, .verify, .intake] {
            #expect(!ServeWords.title(kind).zh.isEmpty && !ServeWords.title(kind).en.isEmpty)
        }
        #expect(ServeWords.dropTooLarge("2048 MB").text(.en).contains("2048 MB"))
    }
}
