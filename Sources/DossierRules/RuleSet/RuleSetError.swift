import Foundation
import Yams

/// A rules file could not be used. The message names the file and the key path.
public struct RuleSetError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var keyPath: String
    public var problem: String

    public init(file: String, keyPath: String = "", problem: String) {
        self.file = file
        self.keyPath = keyPath
        self.problem = problem
    }

    public var description: String {
        keyPath.isEmpty ? "\(file): \(problem)" : "\(file): \(keyPath): \(problem)"
    }
}
