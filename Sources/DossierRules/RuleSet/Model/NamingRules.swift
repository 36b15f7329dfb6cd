import DossierCore
import DossierInspect

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
