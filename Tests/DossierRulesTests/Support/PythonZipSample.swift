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

/// Plain zips of Samples/valid made by Python's `zipfile`: one whose 张三2.jpg has its local header moved past the
/// end of the file, one holding 张三2.jpg twice (the second a copy of 张三3.jpg).
enum PythonZipSample {
    static func make(_ name: String, in folder: TemporaryFolder) throws -> String {
        let unit = try folder.copy(ofSample: "valid")
        let path = folder.url.appendingPathComponent("\(name.dropFirst()).zip").path
        switch name {
        case "@zip-damaged":
            var zip = try PatchedZip.python(zipping: unit, to: path)
            try zip.moveLocalHeaderPastTheEnd(of: "张三/张三2.jpg")
            try zip.write(to: path)
        case "@zip-collision":
            try PatchedZip.python(
                zipping: unit, to: path,
                extra: [("湖北省科协/张三/张三2.jpg", unit.appendingPathComponent("张三/张三3.jpg").path)])
        default:
            throw CocoaError(.featureUnsupported)
        }
        return path
    }
}
