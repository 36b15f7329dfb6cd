import DossierCore
import DossierInspect

/// `ruleset.yaml`: what the rule set is.
public struct RuleSetHeader: Codable, Sendable, Equatable {
    public var id: String
    public var title: LocalizedText
    public var notice: String?
    /// Removed from the front of file names before matching (“2021年“最美科技工作者”推荐人选汇总表”).
    public var campaignPrefixes: [String]
    /// What no program can check, listed for a person at the end of text and HTML reports.
    public var manualChecks: [LocalizedText]?
}

/// A place in a sample bundle where a rule must, or must not, fire.
public struct RuleExample: Codable, Sendable, Equatable {
    /// A folder under `Samples/`, or a bundle the tests build, named with a leading `@`.
    public var sample: String
    /// The finding's path in that bundle (empty for the bundle itself).
    public var path: String
}

/// Examples of a rule: documentation and tests at once.
public struct RuleExamples: Codable, Sendable, Equatable {
    public var triggering: [RuleExample]
    public var nonTriggering: [RuleExample]
}

/// The words of one way a rule can fire.
public struct RuleWording: Codable, Sendable, Equatable {
    public var message: LocalizedText
    public var hint: LocalizedText
    /// A variant may be less (or more) serious than the rule's default.
    public var severity: Severity?
}

/// One rule of `catalogue.yaml`.
public struct RuleDescription: Codable, Sendable, Equatable {
    public var id: RuleID
    public var severity: Severity
    public var title: LocalizedText
    public var description: LocalizedText
    /// The notice's own words that the rule enforces.
    public var notice: String?
    public var message: LocalizedText
    public var hint: LocalizedText
    /// Other wordings for other causes of the same rule, by name.
    public var variants: [String: RuleWording]?
    public var examples: RuleExamples?

    /// The wording of `variant`, or the rule's own when nil or unknown.
    public func wording(_ variant: String?) -> RuleWording {
        if let variant, let wording = variants?[variant] { return wording }
        return RuleWording(message: message, hint: hint, severity: nil)
    }
}

/// `catalogue.yaml`.
public struct RuleCatalogueFile: Codable, Sendable, Equatable {
    public var rules: [RuleDescription]
    public var fileRules: FileRules
}

/// The rules checked on each file, by the file's kind (`catalogue.yaml`'s `fileRules`): JUnit reports one test case
/// per file and rule, passing when the rule found nothing there.
public struct FileRules: Codable, Sendable, Equatable {
    public struct Group: Codable, Sendable, Equatable {
        public var kinds: [FileKind]
        /// Rule families: an ID up to its first hyphen (`FS` for FS-SYMLINK).
        public var families: [String]

        public init(kinds: [FileKind], families: [String]) {
            self.kinds = kinds
            self.families = families
        }
    }
    public var groups: [Group]
    /// Rules of those families that judge a candidate or the bundle as a whole, not each file.
    public var bundleLevel: [RuleID]

    /// The IDs of `rules` checked on every file of `kind`, in the catalogue's order.
    public func ids(for kind: FileKind, in rules: [RuleDescription]) -> [RuleID] {
        let families = Set(groups.filter { $0.kinds.contains(kind) }.flatMap(\.families))
        let bundleLevel = Set(bundleLevel)
        return rules.map(\.id).filter { families.contains($0.family) && !bundleLevel.contains($0) }
    }
}

/// A document the unit folder must hold, found by its name.
public struct DocumentRequirement: Codable, Sendable, Equatable {
    /// What a matching file is; required for the unit-level documents.
    public var kind: FileKind?
    public var nameContains: [String]
    public var extensions: [String]
    public var missingRule: RuleID?
}

/// What a candidate's folder holds.
public struct CandidateLayout: Codable, Sendable, Equatable {
    public var form: DocumentRequirement
    public var scan: DocumentRequirement
    public var photoExtensions: [String]
    public var canonicalPhotoExtension: String
    public var otherImageExtensions: [String]
    public var videoExtensions: [String]
    public var otherVideoExtensions: [String]
}

/// Files the operating system makes.
public struct JunkPatterns: Codable, Sendable, Equatable {
    public var names: [String]
    public var folders: [String]
    public var prefixes: [String]
}

/// `layout.yaml`.
public struct LayoutFile: Codable, Sendable, Equatable {
    public var documents: [DocumentRequirement]
    public var candidate: CandidateLayout
    public var junk: JunkPatterns
}

/// `naming.yaml`: 姓名+序号 and portable names.
public struct NamingRules: Codable, Sendable, Equatable {
    public var idPhotoNumber: Int
    public var firstLifePhotoNumber: Int
    public var firstVideoNumber: Int
    public var separators: [String]
    public var maximumNameBytes: Int
    public var forbiddenCharacters: String
    public var reservedNames: [String]
}

/// The `naming.yaml` file.
public struct NamingFile: Codable, Sendable, Equatable {
    public var naming: NamingRules
}

/// A closed range from the rule set.
public struct CountRange: Codable, Sendable, Equatable {
    public var minimum: Int
    public var maximum: Int

    public init(minimum: Int, maximum: Int) {
        self.minimum = minimum
        self.maximum = maximum
    }
}

/// `photos.yaml`.
public struct PhotoRules: Codable, Sendable, Equatable {
    public struct IDPhoto: Codable, Sendable, Equatable {
        public var minimumAspect: Double
        public var maximumAspect: Double
        public var minimumWidth: Int
        public var minimumHeight: Int
    }
    public struct LifePhoto: Codable, Sendable, Equatable {
        public var minimumLongSide: Int
        public var minimumShortSide: Int
    }
    public struct Colour: Codable, Sendable, Equatable {
        public var chromaThreshold: Int
        public var minimumColouredFraction: Double
        /// Colour spaces of print (CMYK, YCCK) in which an ID photo gets a warning: browsers and photo viewers
        /// show them wrongly or not at all. Absent: none.
        public var printColourSpaces: [String]?
    }
    public struct Limits: Codable, Sendable, Equatable {
        public var maximumPixels: Int
        public var maximumScans: Int
        public var maximumBytes: Int
        public var scaleDenominator: Int
    }

    public var minimumBytes: Int
    public var sizeIgnoresTrailingBytes: Bool
    public var lifePhotos: CountRange
    public var idPhoto: IDPhoto
    public var lifePhoto: LifePhoto
    public var colour: Colour
    public var paddingMinimumBytes: Int
    public var limits: Limits
}

/// The `photos.yaml` file.
public struct PhotosFile: Codable, Sendable, Equatable {
    public var photos: PhotoRules
}

extension PhotoRules {
    /// What one JPEG may cost to inspect, from the rule set's limits.
    public var jpegLimits: JPEGLimits {
        JPEGLimits(
            maximumPixels: limits.maximumPixels, maximumScans: limits.maximumScans,
            scaleDenominator: limits.scaleDenominator, chromaThreshold: colour.chromaThreshold)
    }
}

/// `videos.yaml`.
public struct VideoRules: Codable, Sendable, Equatable {
    public struct Size: Codable, Sendable, Equatable {
        public var width: Int
        public var height: Int
    }
    public struct Limits: Codable, Sendable, Equatable {
        public var maximumMovieBytes: Int
        public var maximumBoxes: Int
        public var maximumDepth: Int
        public var maximumSamples: Int
    }

    public var maximumSeconds: Double
    public var sizes: [Size]
    public var limits: Limits

    /// What reading one video may cost.
    public var mp4Limits: MP4Limits {
        MP4Limits(
            maximumMovieBytes: limits.maximumMovieBytes, maximumBoxes: limits.maximumBoxes,
            maximumDepth: limits.maximumDepth, maximumSamples: limits.maximumSamples)
    }
}

/// The `videos.yaml` file.
public struct VideosFile: Codable, Sendable, Equatable {
    public var videos: VideoRules
}

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
    }

    public var fields: [Field]
    public var required: [String]
    public var summaryHeaderMinimumLabels: Int
    public var unitLabels: [String]
    public var secretMarkings: [String]
    /// FORM-INCONSISTENT: the fields compared between the form and the summary table, in this order.
    public var compared: [Comparison]
    /// Words that make a bracketed group at the start of a value a filling hint (`（1500字以内）`), left out of
    /// the value; none when absent.
    public var hintWords: [String]?
    public var templates: Templates
}

/// The `forms.yaml` file.
public struct FormsFile: Codable, Sendable, Equatable {
    public var forms: FormRules
}

/// `units.yaml`: unit types, their quotas, the registry of units, the deadline.
public struct UnitRules: Codable, Sendable, Equatable {
    public struct UnitType: Codable, Sendable, Equatable {
        public var key: String
        public var quota: Int
        public var title: LocalizedText
    }
    public struct Unit: Codable, Sendable, Equatable {
        public var type: String
        public var name: String
        public var aliases: [String]
    }
    /// How the type of a unit the registry does not know is told from its name.
    public struct Inference: Codable, Sendable, Equatable {
        public struct Suffix: Codable, Sendable, Equatable {
            public var suffix: String
            public var type: String
        }
        /// Words many names begin with (中国, 全国): left out when judging whether two names are close.
        public var prefixes: [String]
        /// A name ending in `suffix` is of `type`; the longest matching suffix wins.
        public var suffixes: [Suffix]
    }

    /// `YYYY-MM-DD`: materials are due by this day (DEADLINE-PASSED after it).
    public var deadline: String
    public var types: [UnitType]
    public var registry: [Unit]
    /// Absent: a unit the registry does not know has no type (and no quota) unless `--unit-type` gives one.
    public var inference: Inference?
    /// What the campaign office keeps and shows of the bundles it receives; absent: every field, no breakdowns.
    public var office: OfficeRules?
}

/// `units.office`: what the intake ledger keeps of each candidate and how the office's desk groups them.
public struct OfficeRules: Codable, Sendable, Equatable {
    /// An age band of the office's charts: ages below `under` (the last band has none), with its label.
    public struct AgeBand: Codable, Sendable, Equatable {
        public var under: Int?
        public var label: LocalizedText
    }

    /// The form fields the ledger keeps for every candidate (the summary table's), in the national table's order.
    public var candidateFields: [String]
    /// Fields that, all equal and filled, make two units' candidates one person (CROSS-DUPLICATE-CANDIDATE).
    public var samePerson: [String]
    /// The field holding the birth month (`YYYY-MM`), for ages at the deadline.
    public var birthField: String?
    /// Age bands, youngest first.
    public var ageBands: [AgeBand]?
    /// Fields whose values the office counts candidates by (category, gender).
    public var breakdowns: [String]?
}

/// The `units.yaml` file.
public struct UnitsFile: Codable, Sendable, Equatable {
    public var units: UnitRules
}
