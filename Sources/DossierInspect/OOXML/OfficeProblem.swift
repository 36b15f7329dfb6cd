import DossierCore
import Foundation

/// Why an Office document could not be read. A part the content needs that is missing, refused or pointing at
/// nothing is a problem naming the part: the document is never read as if the part said nothing.
public enum OfficeProblem: Error, Equatable, CustomStringConvertible {
    case zip(ZipError)
    /// A part whose XML was refused (damaged, a DTD, too large).
    case xml(part: String, XMLProblem)
    /// A part the document needs (the package's `[Content_Types].xml`, a sheet, the shared strings) is not there.
    case missingPart(String)
    /// A part refers to what is not there: a shared string, a style, a relationship.
    case badReference(part: String, String)

    public var description: String {
        switch self {
        case .zip(let error): error.description
        case .xml(let part, let problem): "\(part): \(problem)"
        case .missingPart(let part): "the part \(part) is missing"
        case .badReference(let part, let what): "\(part): \(what)"
        }
    }
}
