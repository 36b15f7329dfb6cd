import DossierCore
import Foundation

/// The `judgement.yaml` file.
public struct JudgementFile: Codable, Sendable, Equatable {
    public var judgement: JudgementRules
}
