import ArgumentParser
import DossierCore
import DossierFiles
import DossierInspect
import DossierReport
import DossierRules
import Foundation

extension Dossier {
    /// `dossier inspect FILE…`
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: words("显示单个文件的实测信息。", "Print the measured facts of single files."))

        @Argument(help: .words("要测量的文件（照片、视频、推荐表、汇总表）。", "Files to measure (photos, videos, forms, summary tables)."))
        var files: [String]

        @OptionGroup var common: CommonOptions
        @OptionGroup var destination: ReportOutput

        /// The JSON shape of SPEC §6: `{"schemaVersion":1,"files":[…]}`.
        struct Output: Encodable {
            var schemaVersion = 1
            var files: [FileEntry]
        }

        func run() throws {
            let ruleSet = common.loadRuleSet()
            let jpegLimits = ruleSet.photos.jpegLimits
            var results: [SingleFileInspector.Result] = []
            for file in files {
                do {
                    var result = try SingleFileInspector.inspect(
                        file, jpegLimits: jpegLimits, limit: ruleSet.photos.limits.maximumBytes,
                        videoLimits: ruleSet.videos.mp4Limits)
                    if result.entry.kind == .form || result.entry.kind == .summary {
                        readDocument(&result, ruleSet: ruleSet)
                    }
                    results.append(result)
                } catch {
                    Dossier.fail(error)
                }
            }
            if common.format == JSONReporter.name {
                common.emit(
                    try JSONReporter.encode(Output(files: results.map(\.entry))), to: destination.output, inputs: files)
            } else {
                common.emit(
                    results.map { describe($0, language: common.language) }.joined(), to: destination.output,
                    inputs: files)
            }
            if results.contains(where: { $0.problem != nil }) { throw ExitCode(1) }
        }

        /// Fields, text and tables of a .docx; sheets of an .xlsx.
        private func readDocument(_ result: inout SingleFileInspector.Result, ruleSet: RuleSet) {
            guard let bytes = try? FileBytes.readAll(RawPath(result.entry.path), limit: 256 << 20) else { return }
            if result.entry.kind == .form {
                switch DocumentFacts.docx(bytes, ruleSet: ruleSet) {
                case .success(let (_, facts)): result.entry.docx = facts
                case .failure(let problem): result.problem = LocalizedText(problem)
                }
            } else {
                switch DocumentFacts.xlsx(bytes) {
                case .success(let (_, facts)): result.entry.xlsx = facts
                case .failure(let problem): result.problem = LocalizedText(problem)
                }
            }
        }

        private func describe(_ result: SingleFileInspector.Result, language: Language) -> String {
            let zh = language == .zh
            var lines = ["\(result.entry.path)"]
            lines.append(
                "  \(zh ? "大小" : "bytes"): \(result.entry.bytes)  (\((Double(result.entry.bytes) / 1_048_576).formatted2) MB)"
            )
            lines.append("  \(zh ? "内容" : "content"): \(result.content.rawValue)")
            if let jpeg = result.entry.jpeg {
                lines.append(
                    "  \(zh ? "像素" : "pixels"): \(jpeg.width)×\(jpeg.height)  \(zh ? "显示为" : "displayed") \(jpeg.displayWidth)×\(jpeg.displayHeight)  (\(zh ? "EXIF 方向" : "EXIF orientation") \(jpeg.orientation))"
                )
                lines.append(
                    "  \(zh ? "颜色" : "colour"): \(jpeg.colorSpace), \(jpeg.components) \(zh ? "个分量" : "components")")
                lines.append(
                    "  \(zh ? "编码" : "coding"): \(jpeg.progressive ? (zh ? "渐进式" : "progressive") : (zh ? "基线" : "baseline"))"
                )
                lines.append("  \(zh ? "完整解码" : "decodes"): \(jpeg.decodes ? (zh ? "是" : "yes") : (zh ? "否" : "no"))")
                lines.append("  \(zh ? "结束标记后的字节" : "bytes after end of image"): \(jpeg.trailingBytes)")
            }
            if let video = result.entry.video {
                lines.append(
                    "  \(zh ? "容器" : "container"): \(video.container)  \(zh ? "编码" : "codec"): \(video.codec.isEmpty ? "-" : video.codec)"
                )
                lines.append(
                    "  \(zh ? "时长" : "duration"): \(video.durationSeconds.formatted2) s  \(zh ? "帧率" : "frame rate"): \(video.frameRate.formatted2)"
                )
                lines.append(
                    "  \(zh ? "编码尺寸" : "coded size"): \(video.width)×\(video.height)  \(zh ? "显示为" : "displayed") \(video.displayWidth)×\(video.displayHeight)  (\(zh ? "旋转" : "rotation") \(video.rotation)°)"
                )
                lines.append(
                    "  \(zh ? "画面轨道" : "video track"): \(video.hasVideoTrack ? (zh ? "有" : "yes") : (zh ? "无" : "no"))  \(zh ? "读取字节" : "bytes read"): \(result.bytesRead)"
                )
            }
            if let docx = result.entry.docx {
                lines.append(zh ? "  找到的字段（来自哪个标签）：" : "  fields found (and the label each came from):")
                for (key, field) in docx.fields.sorted(by: { $0.key < $1.key }) {
                    lines.append("    \(key) = “\(field.value)”  ← \(field.label)")
                }
                for (index, table) in docx.tables.enumerated() {
                    lines.append("  \(zh ? "表格" : "table") \(index + 1):")
                    for row in table {
                        lines.append(
                            "    | " + row.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: " | ")
                                + " |")
                    }
                }
            }
            if let xlsx = result.entry.xlsx {
                for sheet in xlsx.sheets {
                    lines.append("  \(zh ? "工作表" : "sheet") “\(sheet.name)”: \(sheet.rows.count) \(zh ? "行" : "rows")")
                    for row in sheet.rows.prefix(50) { lines.append("    | " + row.joined(separator: " | ") + " |") }
                }
            }
            if let problem = result.problem {
                // In Chinese, the reader's own English words follow as a detail.
                let detail = zh && problem.zh != problem.en ? "（\(problem.en)）" : ""
                lines.append("  \(zh ? "问题：" : "problem: ")\(problem.text(language))\(detail)")
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
