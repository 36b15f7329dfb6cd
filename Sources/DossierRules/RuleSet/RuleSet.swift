import Crypto
import DossierCore
import Foundation

/// A campaign's rules, loaded from a folder of YAML files (`rules/zuimei-2021/`). Everything campaign-specific
/// lives here; the checks only read it.
public struct RuleSet: Sendable {
    /// The files of a rule-set folder, in the order they are hashed.
    public static let fileNames = [
        "ruleset.yaml", "catalogue.yaml", "layout.yaml", "naming.yaml", "photos.yaml", "videos.yaml", "forms.yaml",
        "units.yaml", "judgement.yaml",
    ]

    public var header: RuleSetHeader
    public var rules: [RuleDescription]
    /// The rules checked on each file, by its kind.
    public var fileRules: FileRules
    public var layout: LayoutFile
    public var naming: NamingRules
    public var photos: PhotoRules
    public var videos: VideoRules
    public var forms: FormRules
    public var units: UnitRules
    public var judgement: JudgementRules
    /// SHA-256 over the files, each preceded by its name: any change to the rules changes it.
    public var sha256: String
    /// Where it was loaded from.
    public var folder: String

    private var index: [RuleID: Int]

    /// The rule `id`, or nil when the rule set does not have it.
    public func rule(_ id: RuleID) -> RuleDescription? { index[id].map { rules[$0] } }

    /// What reports say of the rule set.
    public var info: RuleSetInfo { RuleSetInfo(id: header.id, title: header.title.zh, sha256: sha256) }

    /// Loads and validates the rule set in `folder`.
    public static func load(folder: String) throws(RuleSetError) -> RuleSet {
        var texts: [String: String] = [:]
        var hasher = SHA256()
        for name in fileNames {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RuleSetError(file: path, problem: "cannot be read (is this a rule-set folder?)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw RuleSetError(file: path, problem: "not UTF-8 text")
            }
            hasher.update(data: Data(name.utf8) + Data([0]) + data)
            texts[name] = text
        }
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        let header = try StrictYAML.decode(
            RuleSetHeader.self, from: texts["ruleset.yaml"] ?? "", file: path("ruleset.yaml"))
        let catalogue = try StrictYAML.decode(
            RuleCatalogueFile.self, from: texts["catalogue.yaml"] ?? "", file: path("catalogue.yaml"))
        let layout = try StrictYAML.decode(LayoutFile.self, from: texts["layout.yaml"] ?? "", file: path("layout.yaml"))
        let naming = try StrictYAML.decode(NamingFile.self, from: texts["naming.yaml"] ?? "", file: path("naming.yaml"))
        let photos = try StrictYAML.decode(PhotosFile.self, from: texts["photos.yaml"] ?? "", file: path("photos.yaml"))
        let videos = try StrictYAML.decode(VideosFile.self, from: texts["videos.yaml"] ?? "", file: path("videos.yaml"))
        let forms = try StrictYAML.decode(FormsFile.self, from: texts["forms.yaml"] ?? "", file: path("forms.yaml"))
        try RuleSetValidation.validate(forms: forms.forms, file: path("forms.yaml"))
        let units = try StrictYAML.decode(UnitsFile.self, from: texts["units.yaml"] ?? "", file: path("units.yaml"))
        try RuleSetValidation.validate(units: units.units, file: path("units.yaml"))
        try RuleSetValidation.validate(
            office: units.units.office, fields: Set(forms.forms.fields.map(\.key)), file: path("units.yaml"))
        let judgement = try StrictYAML.decode(
            JudgementFile.self, from: texts["judgement.yaml"] ?? "", file: path("judgement.yaml"))
        try RuleSetValidation.validate(
            judgement: judgement.judgement, fields: Set(forms.forms.fields.map(\.key)),
            rules: Set(catalogue.rules.map(\.id)),
            file: path("judgement.yaml"))
        try RuleSetValidation.validate(catalogue: catalogue, file: path("catalogue.yaml"))
        try RuleSetValidation.validate(layout: layout, catalogue: catalogue, file: path("layout.yaml"))
        try RuleSetValidation.validate(naming: naming.naming, file: path("naming.yaml"))
        try RuleSetValidation.validate(photos: photos.photos, file: path("photos.yaml"))
        try RuleSetValidation.validate(videos: videos.videos, file: path("videos.yaml"))
        let digest = hasher.finalize().hexDigits
        return RuleSet(
            header: header, rules: catalogue.rules, fileRules: catalogue.fileRules, layout: layout,
            naming: naming.naming, photos: photos.photos, videos: videos.videos, forms: forms.forms,
            units: units.units, judgement: judgement.judgement, sha256: digest, folder: folder,
            index: Dictionary(catalogue.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        )
    }

    /// The running binary's own path: the kernel's link (`/proc/self/exe`), since `argv[0]` is a bare `dossier` when
    /// the binary was found through `PATH` (an installed package); else `argv[0]`.
    public static var runningExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first
            ?? ""
    }

    /// The bundled rule set's folder: `$DOSSIER_RULES`, else `rules/zuimei-2021` beside the executable or in
    /// `../share/dossier/` (installed), else the source checkout the binary was built from.
    public static func defaultFolder(executable: String = runningExecutable) -> String? {
        let setName = "zuimei-2021"
        var candidates: [String] = []
        if let fromEnvironment = ProcessInfo.processInfo.environment["DOSSIER_RULES"], !fromEnvironment.isEmpty {
            candidates.append(fromEnvironment)
        }
        let executableURL = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(executableURL.appendingPathComponent("rules/\(setName)").path)
        candidates.append(executableURL.appendingPathComponent("../share/dossier/rules/\(setName)").standardized.path)
        // Sources/DossierRules/RuleSet/RuleSet.swift → the checkout's rules/.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(checkout.appendingPathComponent("rules/\(setName)").path)
        return candidates.first {
            FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent("ruleset.yaml"))
        }
    }
}
