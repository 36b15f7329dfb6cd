import Foundation
import Yams

/// Decodes YAML into Codable types and refuses keys the type does not know.
///
/// Yams, like every Codable decoder, ignores unknown keys silently, and a misspelt key in a rules file would
/// then mean a rule quietly using its default. After decoding, the value is encoded again and every key of the
/// YAML that does not come back is reported with its path.
enum StrictYAML {
    static func decode<T: Codable>(_ type: T.Type, from text: String, file: String) throws(RuleSetError) -> T {
        // Parsed once: the tree is decoded and then walked for unknown keys. (Parsing it a second time with
        // `Yams.load`, whose tags are resolved by regular expressions, cost half of loading the rule set.) Only
        // merge keys are resolved, as `YAMLDecoder` does when it parses.
        let parser: Parser
        let tree: Node
        do {
            parser = try Parser(yaml: text, resolver: Resolver.basic.appending(.merge))
            tree = try parser.singleRoot() ?? ""
        } catch {
            throw RuleSetError(file: file, problem: "not valid YAML: \(error)")
        }
        let value: T
        do {
            value = try withExtendedLifetime(parser) { try YAMLDecoder().decode(T.self, from: tree) }
        } catch let error as DecodingError {
            throw describe(error, file: file)
        } catch {
            throw RuleSetError(file: file, problem: "\(error)")
        }
        let echoed: Any
        do {
            let data = try JSONEncoder().encode(value)
            echoed = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw RuleSetError(file: file, problem: "\(error)")
        }
        if let unknown = firstUnknownKey(original: tree, echoed: echoed, path: []) {
            throw RuleSetError(file: file, keyPath: unknown, problem: "unknown key")
        }
        return value
    }

    private static func firstUnknownKey(original: Node, echoed: Any, path: [String]) -> String? {
        if let map = original.mapping {
            let echoedMap = echoed as? [String: Any] ?? [:]
            let pairs = map.map { (key: $0.key.string ?? "\($0.key)", value: $0.value) }
            for pair in pairs.sorted(by: { $0.key < $1.key }) {
                guard let inner = echoedMap[pair.key] else {
                    // `notice: ~` leaves out an optional key the type knows; a key that is no identifier
                    // (`097` after an unquoted comma) with no value is junk.
                    if pair.value.null != nil && isIdentifier(pair.key) { continue }
                    return (path + [pair.key]).joined(separator: ".")
                }
                if let found = firstUnknownKey(original: pair.value, echoed: inner, path: path + [pair.key]) {
                    return found
                }
            }
        } else if let list = original.sequence, let echoedList = echoed as? [Any] {
            for (index, item) in list.enumerated() where index < echoedList.count {
                let here = path.isEmpty ? ["[\(index)]"] : path.dropLast() + ["\(path.last ?? "")[\(index)]"]
                if let found = firstUnknownKey(original: item, echoed: echoedList[index], path: Array(here)) {
                    return found
                }
            }
        }
        return nil
    }

    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return key.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)
        }
    }

    static func describe(_ error: DecodingError, file: String) -> RuleSetError {
        func path(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : "." + key.stringValue
                }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return RuleSetError(
                file: file, keyPath: path(context.codingPath + [key]), problem: "missing required key")
        case .typeMismatch(let type, let context):
            return RuleSetError(
                file: file, keyPath: path(context.codingPath), problem: "expected \(expectation(type))")
        case .valueNotFound(let type, let context):
            return RuleSetError(
                file: file, keyPath: path(context.codingPath), problem: "expected \(expectation(type)), found nothing")
        case .dataCorrupted(let context):
            return RuleSetError(
                file: file, keyPath: path(context.codingPath), problem: "bad value (\(context.debugDescription))")
        @unknown default:
            return RuleSetError(file: file, problem: "\(error)")
        }
    }

    private static func expectation(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is String.Type: "a text"
        default: "\(type)"
        }
    }
}
