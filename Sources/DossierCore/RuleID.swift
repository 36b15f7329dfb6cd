/// A stable rule identifier (SPEC §5). The rule set may add IDs; the ones named here are emitted by code, and
/// `RuleID.all` lists them: the one list the rule-set loader requires every catalogue to describe.
public struct RuleID: RawRepresentable, Hashable, Codable, Sendable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    /// The ID up to its first hyphen: `PHOTO` for PHOTO-SIZE.
    public var family: String { String(rawValue.prefix { $0 != "-" }) }
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension RuleID {
    public static let layoutSummaryMissing: RuleID = "LAYOUT-SUMMARY-MISSING"
    public static let layoutActivityMissing: RuleID = "LAYOUT-ACTIVITY-MISSING"
    public static let layoutReportMissing: RuleID = "LAYOUT-REPORT-MISSING"
    public static let layoutFormMissing: RuleID = "LAYOUT-FORM-MISSING"
    public static let layoutUnknownFile: RuleID = "LAYOUT-UNKNOWN-FILE"
    public static let layoutJunkFile: RuleID = "LAYOUT-JUNK-FILE"
    public static let layoutNoCandidate: RuleID = "LAYOUT-NO-CANDIDATE"

    public static let namePattern: RuleID = "NAME-PATTERN"
    public static let nameMismatch: RuleID = "NAME-MISMATCH"
    public static let nameSequence: RuleID = "NAME-SEQUENCE"
    public static let nameNoncanonical: RuleID = "NAME-NONCANONICAL"
    public static let nameUnsafe: RuleID = "NAME-UNSAFE"
    public static let nameCollision: RuleID = "NAME-COLLISION"

    public static let photoFormat: RuleID = "PHOTO-FORMAT"
    public static let photoCorrupt: RuleID = "PHOTO-CORRUPT"
    public static let photoSize: RuleID = "PHOTO-SIZE"
    public static let photoColor: RuleID = "PHOTO-COLOR"
    public static let photoIDMissing: RuleID = "PHOTO-ID-MISSING"
    public static let photoIDShape: RuleID = "PHOTO-ID-SHAPE"
    public static let photoCount: RuleID = "PHOTO-COUNT"
    public static let photoPadded: RuleID = "PHOTO-PADDED"
    public static let photoLowRes: RuleID = "PHOTO-LOW-RES"
    public static let photoDuplicate: RuleID = "PHOTO-DUPLICATE"
    public static let photoIDFace: RuleID = "PHOTO-ID-FACE"
    public static let photoIDPose: RuleID = "PHOTO-ID-POSE"
    public static let photoIDFraming: RuleID = "PHOTO-ID-FRAMING"
    public static let photoIDBackground: RuleID = "PHOTO-ID-BACKGROUND"
    public static let photoBacklit: RuleID = "PHOTO-BACKLIT"
    public static let photoExposure: RuleID = "PHOTO-EXPOSURE"

    public static let fsSymlink: RuleID = "FS-SYMLINK"
    public static let fsSpecialFile: RuleID = "FS-SPECIAL-FILE"
    public static let fsUnreadable: RuleID = "FS-UNREADABLE"
    public static let fsEmptyFile: RuleID = "FS-EMPTY-FILE"
    public static let fsLimit: RuleID = "FS-LIMIT"
}

extension RuleID {
    public static let zipUnsafePath: RuleID = "ZIP-UNSAFE-PATH"
    public static let zipBomb: RuleID = "ZIP-BOMB"
    public static let zipCorrupt: RuleID = "ZIP-CORRUPT"
    public static let zipEncoding: RuleID = "ZIP-ENCODING"
    public static let sealFormat: RuleID = "SEAL-FORMAT"
    public static let sealTampered: RuleID = "SEAL-TAMPERED"
    public static let sealMissingFile: RuleID = "SEAL-MISSING-FILE"
    public static let sealExtraFile: RuleID = "SEAL-EXTRA-FILE"
    public static let sealFingerprintMismatch: RuleID = "SEAL-FINGERPRINT-MISMATCH"
}

extension RuleID {
    public static let videoFormat: RuleID = "VIDEO-FORMAT"
    public static let videoCorrupt: RuleID = "VIDEO-CORRUPT"
    public static let videoDuration: RuleID = "VIDEO-DURATION"
    public static let videoResolution: RuleID = "VIDEO-RESOLUTION"
    public static let videoNoVideoTrack: RuleID = "VIDEO-NO-VIDEO-TRACK"
    public static let videoBacklit: RuleID = "VIDEO-BACKLIT"
    public static let videoExposure: RuleID = "VIDEO-EXPOSURE"
    public static let videoBlank: RuleID = "VIDEO-BLANK"
}

extension RuleID {
    public static let formFormat: RuleID = "FORM-FORMAT"
    public static let formCorrupt: RuleID = "FORM-CORRUPT"
    public static let formFieldMissing: RuleID = "FORM-FIELD-MISSING"
    public static let formFieldInvalid: RuleID = "FORM-FIELD-INVALID"
    public static let formInconsistent: RuleID = "FORM-INCONSISTENT"
    public static let formSecretMarking: RuleID = "FORM-SECRET-MARKING"
    public static let formPublicityMissing: RuleID = "FORM-PUBLICITY-MISSING"
    public static let layoutCandidateUnlisted: RuleID = "LAYOUT-CANDIDATE-UNLISTED"
    public static let layoutCandidateNoFolder: RuleID = "LAYOUT-CANDIDATE-NO-FOLDER"
}

extension RuleID {
    public static let quotaExceeded: RuleID = "QUOTA-EXCEEDED"
    public static let quotaUnitUnknown: RuleID = "QUOTA-UNIT-UNKNOWN"
    public static let deadlinePassed: RuleID = "DEADLINE-PASSED"
}

extension RuleID {
    public static let exclMilitary: RuleID = "EXCL-MILITARY"
    public static let exclOfficialRank: RuleID = "EXCL-OFFICIAL-RANK"
    public static let exclNationalHonor: RuleID = "EXCL-NATIONAL-HONOR"
    public static let exclPriorHonoree: RuleID = "EXCL-PRIOR-HONOREE"
    public static let crossResubmission: RuleID = "CROSS-RESUBMISSION"
    public static let crossDuplicateCandidate: RuleID = "CROSS-DUPLICATE-CANDIDATE"
    public static let crossDuplicatePhoto: RuleID = "CROSS-DUPLICATE-PHOTO"
    public static let crossPaperMismatch: RuleID = "CROSS-PAPER-MISMATCH"
    public static let balanceCategory: RuleID = "BALANCE-CATEGORY"
    public static let balanceAge: RuleID = "BALANCE-AGE"
}

extension RuleID {
    /// Every ID the code emits: each constant above, once. A rule set must describe all of them (it may add more);
    /// `RuleIDTests` fails when a constant is declared above and left out here.
    public static let all: [RuleID] = [
        .layoutSummaryMissing, .layoutActivityMissing, .layoutReportMissing, .layoutFormMissing, .layoutUnknownFile,
        .layoutJunkFile, .namePattern, .nameMismatch, .nameSequence, .nameNoncanonical, .nameUnsafe, .nameCollision,
        .photoFormat, .photoCorrupt, .photoSize, .photoColor, .photoIDMissing, .photoIDShape, .photoCount,
        .photoPadded, .photoLowRes, .photoDuplicate, .fsSymlink, .fsSpecialFile, .fsUnreadable, .fsEmptyFile,
        .fsLimit, .zipUnsafePath, .zipBomb, .zipCorrupt, .zipEncoding, .sealFormat, .sealTampered, .sealMissingFile,
        .sealExtraFile, .sealFingerprintMismatch, .videoFormat, .videoCorrupt, .videoDuration, .videoResolution,
        .videoNoVideoTrack, .formFormat, .formCorrupt, .formFieldMissing, .formFieldInvalid, .formInconsistent,
        .formSecretMarking, .formPublicityMissing, .layoutCandidateUnlisted, .layoutCandidateNoFolder, .quotaExceeded,
        .quotaUnitUnknown, .deadlinePassed, .exclMilitary, .exclOfficialRank, .exclNationalHonor, .exclPriorHonoree,
        .crossResubmission, .crossDuplicateCandidate, .crossDuplicatePhoto, .crossPaperMismatch, .balanceCategory,
        .balanceAge, .photoIDFace, .photoIDPose, .photoIDFraming, .photoIDBackground, .photoBacklit, .photoExposure,
        .videoBacklit, .videoExposure, .videoBlank, .layoutNoCandidate,
    ]
}
