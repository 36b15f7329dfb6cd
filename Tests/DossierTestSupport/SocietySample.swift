import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A national society's bundle with three candidates, one more than its quota of two: 中国化学会's summary table and
/// forms (python-docx, openpyxl: scripts/make-unit-fixtures.py) with Samples/valid's photos and videos, each
/// candidate's photos made distinct by a comment segment.
public enum SocietySample {
    public static let unit = "中国化学会"
    public static let candidates = ["张三", "李四", "王五"]

    /// Builds the bundle in `folder`; the unit folder.
    public static func make(in folder: TemporaryFolder) throws -> URL {
        let unit = try folder.copy(ofSample: "valid", as: Self.unit)
        let fixtures = Repository.root.appendingPathComponent("Tests/Fixtures/units")
        let manager = FileManager.default
        let table = unit.appendingPathComponent("2021年“最美科技工作者”推荐人选汇总表.xlsx")
        try manager.removeItem(at: table)
        try manager.copyItem(at: fixtures.appendingPathComponent("society-three-summary.xlsx"), to: table)
        let model = unit.appendingPathComponent("张三")
        let files = try manager.contentsOfDirectory(atPath: model.path).sorted()
        for name in candidates {
            let person = unit.appendingPathComponent(name)
            if name != "张三" { try manager.createDirectory(at: person, withIntermediateDirectories: true) }
            for file in files {
                let target = person.appendingPathComponent(name + file.dropFirst("张三".count))
                if file.hasSuffix("推荐表.docx") {
                    if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
                    try manager.copyItem(
                        at: fixtures.appendingPathComponent("society-three-\(name)推荐表.docx"), to: target)
                } else if name != "张三" {
                    let bytes = try Data(contentsOf: model.appendingPathComponent(file))
                    try (file.hasSuffix(".jpg") ? JPEGFixture.withComment(name, from: bytes) : bytes).write(to: target)
                }
            }
        }
        return unit
    }
}
