import DossierCore
import DossierInspect

/// `forms.yaml`: the fields of the forms and tables, by the labels that name them.
public struct FormRules: Codable, Sendable, Equatable {
    /// How a field's value is normalised.
    public enum Normalisation: String, Codable, Sendable {
        /// `1975.03`, `1975年3月`, `1975-03`, `1975/3`, `1975-03-01` → `1975-03`.
        case yearMonth
        /// 男/女 from `男性`, `☑男 □女` …
        case gender
        /// The ticked option of `☑是 □否`, `√是`, `■`.
        case checkbox

        /// True when a value that cannot be normalised this way is invalid (FORM-FIELD-INVALID).
        public var validates: Bool { self != .checkbox }
    }

    public struct Field: Codable, Sendable, Equatable {
        public var key: String
        public var labels: [String]
        public var normalise: Normalisation?
        /// What a valid value looks like, for FORM-FIELD-INVALID's hint (required when `normalise` validates).
        public var expected: LocalizedText?
    }

    /// A field FORM-INCONSISTENT compares between a candidate's form and its row of the summary table.
    public struct Comparison: Codable, Sendable, Equatable {
        /// How two values are compared.
        public enum Match: String, Codable, Sendable {
            /// As read (after the field's normalisation).
            case equal
            /// One contains the other once spaces are gone (the table often shortens an employer's title).
            case contains
        }
        public var field: String
        /// `equal` when absent.
        public var match: Match?
    }

    /// How FORM-INCONSISTENT names where each of two values was read.
    public struct Sources: Codable, Sendable, Equatable {
        /// A candidate's form.
        public var form: LocalizedText
        /// The summary table.
        public var summary: LocalizedText
        /// The name of the candidate's folder.
        public var folder: LocalizedText
    }

    /// What `dossier init` writes.
    public struct Templates: Codable, Sendable, Equatable {
        public var formTitle: String
        public var formFile: String
        public var summaryTitle: String
        public var summaryFile: String
        public var summaryColumns: [String]
        /// The name of the summary table's worksheet.
        public var summarySheet: String
        public var activityTitle: String
        public var activityFile: String
        public var activityColumns: [String]
        /// The name of the activity table's worksheet.
        public var activitySheet: String
        public var guideFile: String
        /// `{unit}` is replaced by the unit's name.
        public var guide: String

        /// The files `init` writes that are no document of the unit (the blank form, the guide): recognised as
        /// templates at the top of a folder, not as unknown files.
        public var blankFiles: [String] { [formFile, guideFile] }
    }

    public var fields: [Field]
    /// The field that names a candidate: compared with the folder's name (FORM-INCONSISTENT); a summary-table row
    /// without it is no candidate's.
    public var nameField: String
    /// The field FORM-PUBLICITY-MISSING wants filled in.
    public var publicityField: String
    public var required: [String]
    public var summaryHeaderMinimumLabels: Int
    public var unitLabels: [String]
    public var secretMarkings: [String]
    /// FORM-INCONSISTENT: the fields compared between the form and the summary table, in this order.
    public var compared: [Comparison]
    public var sources: Sources
    /// Words that make a bracketed group at the start of a value a filling hint (`（1500字以内）`), left out of
    /// the value; none when absent.
    public var hintWords: [String]?
    public var templates: Templates
}
