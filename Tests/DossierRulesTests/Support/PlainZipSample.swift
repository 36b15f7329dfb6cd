import DossierBundles
import DossierCore
import DossierFiles
import DossierInspect
import DossierPacking
import DossierRules
import DossierTestSupport
import Foundation

@testable import DossierSeal

/// Plain zips of Samples/valid, every entry deflated (as zip tools do), names in UTF-8 or, as Chinese Windows zip
/// tools write them, in GBK without the UTF-8 flag.
enum PlainZipSample {
    static func make(gbk: Bool, in folder: TemporaryFolder) throws -> String {
        guard let unit = Repository.unitFolder(ofSample: "valid") else { throw CocoaError(.fileNoSuchFile) }
        let path = folder.url.appendingPathComponent(gbk ? "gbk.zip" : "plain.zip").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(descriptor) }
        let writer = ZipWriter(descriptor: descriptor, year: 2021, month: 6, day: 1)
        let files = (try FileManager.default.subpathsOfDirectory(atPath: unit.path)).sorted().filter {
            !Repository.isFolder(unit.appendingPathComponent($0))
        }
        for relative in files {
            let name = "湖北省科协/" + relative
            let nameBytes =
                gbk
                ? Array(name.data(using: String.Encoding(rawValue: 0x8000_0632)) ?? Data(name.utf8)) : Array(name.utf8)
            let bytes = Array(try Data(contentsOf: unit.appendingPathComponent(relative)))
            try writer.add(nameBytes: nameBytes, utf8: !gbk, size: UInt64(bytes.count), compress: true) {
                try $0(bytes)
            }
        }
        try writer.finish()
        return path
    }
}
