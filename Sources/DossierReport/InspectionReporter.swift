import DossierCore
import DossierInspect
import Foundation

/// `dossier inspect`'s output: the measured facts of single files, as text (in the run's language) or as the JSON
/// of SPEC §6, `{"schemaVersion":1,"files":[…]}`.
public enum InspectionReporter {
    /// The JSON shape of SPEC §6.
    struct Output: Encodable {
        var schemaVersion = 1
        var files: [FileEntry]
    }

    public static func json(_ results: [SingleFileInspector.Result]) throws -> String {
        try JSONReporter.encode(Output(files: results.map(\.entry)))
    }

    public static func text(_ results: [SingleFileInspector.Result], language: Language) -> String {
        results.map { describe($0, language: language) }.joined()
    }

    private static func describe(_ result: SingleFileInspector.Result, language: Language) -> String {
        let words = InspectionWords(language)
        let yes = words(.yes)
        let no = words(.no)
        var lines = ["\(result.entry.path)"]
        lines.append(
            "  \(words(.bytes)): \(result.entry.bytes)  (\((Double(result.entry.bytes) / 1_048_576).formatted2) MB)")
        lines.append("  \(words(.content)): \(result.content.rawValue)")
        if let jpeg = result.entry.jpeg {
            lines.append(
                "  \(words(.pixels)): \(jpeg.width)×\(jpeg.height)  \(words(.displayed)) "
                    + "\(jpeg.displayWidth)×\(jpeg.displayHeight)  (\(words(.orientation)) \(jpeg.orientation))")
            lines.append("  \(words(.colour)): \(jpeg.colorSpace), \(jpeg.components) \(words(.components))")
            lines.append("  \(words(.coding)): \(words(jpeg.progressive ? .progressive : .baseline))")
            lines.append("  \(words(.decodes)): \(jpeg.decodes ? yes : no)")
            lines.append("  \(words(.trailing)): \(jpeg.trailingBytes)")
        }
        if let video = result.entry.video {
            lines.append(
                "  \(words(.container)): \(video.container)  \(words(.codec)): \(video.codec.isEmpty ? "-" : video.codec)"
            )
            lines.append(
                "  \(words(.duration)): \(video.durationSeconds.formatted2) s  "
                    + "\(words(.frameRate)): \(video.frameRate.formatted2)")
            lines.append(
                "  \(words(.codedSize)): \(video.width)×\(video.height)  \(words(.displayed)) "
                    + "\(video.displayWidth)×\(video.displayHeight)  (\(words(.rotation)) \(video.rotation)°)")
            lines.append(
                "  \(words(.videoTrack)): \(words(video.hasVideoTrack ? .present : .absent))  \(words(.bytesRead)): \(result.bytesRead)"
            )
        }
        if let docx = result.entry.docx {
            lines.append("  \(words(.fieldsFound))")
            for (key, field) in docx.fields.sorted(by: { $0.key < $1.key }) {
                lines.append("    \(key) = “\(field.value)”  ← \(field.label)")
            }
            for (index, table) in docx.tables.enumerated() {
                lines.append("  \(words(.table)) \(index + 1):")
                for row in table {
                    lines.append(
                        "    | " + row.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: " | ")
                            + " |")
                }
            }
        }
        if let xlsx = result.entry.xlsx {
            for sheet in xlsx.sheets {
                lines.append("  \(words(.sheet)) “\(sheet.name)”: \(sheet.rows.count) \(words(.rows))")
                for row in sheet.rows.prefix(50) { lines.append("    | " + row.joined(separator: " | ") + " |") }
            }
        }
        if let problem = result.problem {
            // In Chinese, the reader's own English words follow as a detail.
            lines.append("  \(words(.problem))\(problem.text(language))\(words.readerDetail(problem))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
