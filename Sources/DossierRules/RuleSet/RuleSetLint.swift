import Foundation

/// `dossier rules lint FILE`: one file of a rule set checked on its own, by its name.
public enum RuleSetLint {
    /// Throws the first problem of the rules file at `path`.
    public static func lint(file path: String) throws(RuleSetError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleSetError(file: path, problem: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuleSetError(file: path, problem: "not UTF-8 text")
        }
        let name = (path as NSString).lastPathComponent
        switch name {
        case "ruleset.yaml":
            _ = try StrictYAML.decode(RuleSetHeader.self, from: text, file: path)
        case "catalogue.yaml":
            let catalogue = try StrictYAML.decode(RuleCatalogueFile.self, from: text, file: path)
            try RuleSetValidation.validate(catalogue: catalogue, file: path)
        case "layout.yaml":
            let layout = try StrictYAML.decode(LayoutFile.self, from: text, file: path)
            let catalogue = sibling("catalogue.yaml", of: path)
                .flatMap { try? StrictYAML.decode(RuleCatalogueFile.self, from: $0.1, file: $0.0) }
            if let catalogue { try RuleSetValidation.validate(layout: layout, catalogue: catalogue, file: path) }
        case "naming.yaml":
            try RuleSetValidation.validate(
                naming: try StrictYAML.decode(NamingFile.self, from: text, file: path).naming, file: path)
        case "judgement.yaml":
            let judgement = try StrictYAML.decode(JudgementFile.self, from: text, file: path).judgement
            let forms = sibling("forms.yaml", of: path).flatMap {
                try? StrictYAML.decode(FormsFile.self, from: $0.1, file: $0.0)
            }
            let catalogue = sibling("catalogue.yaml", of: path)
                .flatMap { try? StrictYAML.decode(RuleCatalogueFile.self, from: $0.1, file: $0.0) }
            if let forms, let catalogue {
                try RuleSetValidation.validate(
                    judgement: judgement, fields: Set(forms.forms.fields.map(\.key)),
                    rules: Set(catalogue.rules.map(\.id)), file: path)
            }
        case "units.yaml":
            try RuleSetValidation.validate(
                units: try StrictYAML.decode(UnitsFile.self, from: text, file: path).units, file: path)
        case "forms.yaml":
            try RuleSetValidation.validate(
                forms: try StrictYAML.decode(FormsFile.self, from: text, file: path).forms, file: path)
        case "videos.yaml":
            try RuleSetValidation.validate(
                videos: try StrictYAML.decode(VideosFile.self, from: text, file: path).videos, file: path)
        case "photos.yaml":
            try RuleSetValidation.validate(
                photos: try StrictYAML.decode(PhotosFile.self, from: text, file: path).photos, file: path)
        case "pictures.yaml":
            try RuleSetValidation.validate(
                pictures: try StrictYAML.decode(PicturesFile.self, from: text, file: path).pictures, file: path)
        default:
            throw RuleSetError(
                file: path, problem: "not a rules file: expected one of \(RuleSet.fileNames.joined(separator: ", "))")
        }
    }

    /// Another file of the same rule set (its path and text), for checks across files.
    private static func sibling(_ name: String, of path: String) -> (String, String)? {
        let other = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
        return FileManager.default.contents(atPath: other).flatMap { String(data: $0, encoding: .utf8) }.map {
            (other, $0)
        }
    }
}
