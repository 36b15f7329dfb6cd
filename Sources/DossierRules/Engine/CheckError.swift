import DossierCore

/// Why a check run could not be done at all (exit 2): not a finding.
public enum CheckError: Error, Equatable, BilingualMessage {
    case missingPath(String)
    case notAFolder(String)
    case unreadableFolder(String)
    case unknownUnitType(String, [String])
    /// The path (first) is one candidate's folder, not a unit's; the second is the folder above it.
    case candidateFolder(String, String)
    /// The run was cancelled (`Cancellation`) before it finished: nothing it would have written was kept.
    case cancelled

    public func text(_ language: Language) -> String {
        let words =
            switch self {
            case .missingPath(let path): RulesWords.missingPath(path)
            case .notAFolder(let path): RulesWords.notAFolder(path)
            case .unreadableFolder(let path): RulesWords.unreadableFolder(path)
            case .unknownUnitType(let type, let known): RulesWords.unknownUnitType(type, known: known)
            case .candidateFolder(let path, let parent): RulesWords.candidateFolder(path, parent: parent)
            case .cancelled: RulesWords.cancelled
            }
        return words.text(language)
    }
}
