import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Samples/valid turned into a bundle whose candidate 金明 has a folder and files spelt, on disk, with the
/// compatibility ideograph U+F90A (金), which NFC maps to U+91D1: as some input methods and converted old documents
/// give it. The summary table and the form (rewritten by Python's `zipfile`) spell the name the usual way, U+91D1.
public enum NonNFCSample {
    /// The candidate's name as the forms spell it (NFC).
    public static let name = "\u{91D1}明"
    /// The candidate's name as the folder and files are spelt on disk (not NFC).
    public static let onDisk = "\u{F90A}明"

    /// Rewrites the copy of Samples/valid at `unit` in place: 张三 becomes 金明 in the table and the form, and the
    /// folder and its files are renamed with U+F90A.
    public static func make(from unit: URL) throws {
        let old = unit.appendingPathComponent("张三")
        let new = unit.appendingPathComponent(onDisk)
        try FileManager.default.moveItem(at: old, to: new)
        for file in try FileManager.default.contentsOfDirectory(atPath: new.path) where file.hasPrefix("张三") {
            try FileManager.default.moveItem(
                at: new.appendingPathComponent(file),
                to: new.appendingPathComponent(onDisk + file.dropFirst("张三".count)))
        }
        let table = unit.appendingPathComponent("2021年“最美科技工作者”推荐人选汇总表.xlsx")
        try replaceName(in: table)
        try replaceName(in: new.appendingPathComponent(onDisk + "推荐表.docx"))
    }

    /// The names in `folder` as the file system stores them (Foundation may show them otherwise).
    public static func namesOnDisk(_ folder: String) -> [[UInt8]] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let item = readdir(directory) {
            names.append(withUnsafeBytes(of: item.pointee.d_name) { Array($0.prefix { $0 != 0 }) })
        }
        return names
    }

    /// Replaces 张三 with 金明 (U+91D1) in every XML part of the Office file at `url`.
    private static func replaceName(in url: URL) throws {
        let script = """
            import os, sys, zipfile
            path, old, new = sys.argv[1], sys.argv[2], sys.argv[3]
            with zipfile.ZipFile(path) as source, zipfile.ZipFile(path + ".new", "w") as target:
                for info in source.infolist():
                    data = source.read(info.filename)
                    if info.filename.endswith(".xml"):
                        # openpyxl writes non-ASCII text as character references (&#24352;&#19977;).
                        escaped = "".join("&#%d;" % ord(c) for c in old)
                        text = data.decode("utf-8").replace(old, new).replace(escaped, new)
                        data = text.encode("utf-8")
                    target.writestr(info, data)
            os.replace(path + ".new", path)
            """
        let result = try CommandRunner.run("/usr/bin/env", ["python3", "-c", script, url.path, "张三", name])
        guard result.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: ["python": result.stderr]) }
    }
}
