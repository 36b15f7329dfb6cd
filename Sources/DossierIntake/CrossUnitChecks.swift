import DossierCore
import DossierRules
import Foundation

/// What only comparing units can show, over the version of each unit that is compared (`UnitVersions.current`):
/// the same person recommended by two units, the same photo sent for two units' differently named candidates.
/// Only pairs involving a version received in this run are reported.
struct CrossUnitChecks {
    var ruleSet: RuleSet

    func run(ledger: Ledger, received: Set<Int64>, sink: FindingSink) throws {
        let current = UnitVersions.byUnit(try ledger.snapshot()).compactMap(\.current).map(\.entry.id)
        let candidates = try ledger.candidates(versions: current)
        duplicateCandidates(candidates, received: received, sink: sink)
        duplicatePhotos(try ledger.photos(versions: current), received: received, sink: sink)
    }

    /// The fields that make two candidates one person; name and birth month when the rule set says nothing.
    private var samePerson: [String] { ruleSet.units.office?.samePerson ?? ["name", "birth"] }

    private func key(_ candidate: Ledger.Candidate) -> [String]? {
        let values = samePerson.map { $0 == "name" ? candidate.name : candidate.fields[$0] ?? "" }
        return values.contains(where: \.isEmpty) ? nil : values
    }

    private func duplicateCandidates(_ candidates: [Ledger.Candidate], received: Set<Int64>, sink: FindingSink) {
        let byPerson = Dictionary(
            grouping: candidates.compactMap { candidate in key(candidate).map { ($0, candidate) } }
        ) {
            $0.0
        }
        var reported: Set<[String]> = []
        for candidate in candidates where received.contains(candidate.intake) {
            guard let person = key(candidate) else { continue }
            for (_, other) in byPerson[person] ?? [] where other.unit != candidate.unit {
                guard reported.insert(person + [candidate.unit, other.unit].sorted()).inserted else { continue }
                sink.emit(
                    .crossDuplicateCandidate, path: "", candidate: candidate.name,
                    data: [
                        "unit": .string(candidate.unit), "otherUnit": .string(other.unit),
                        "birth": .string(candidate.fields[ruleSet.units.office?.birthField ?? "birth"] ?? ""),
                    ])
            }
        }
    }

    private func duplicatePhotos(_ photos: [Ledger.Photo], received: Set<Int64>, sink: FindingSink) {
        let byBytes = Dictionary(grouping: photos, by: \.sha256)
        var reported: Set<[String]> = []
        for photo in photos where received.contains(photo.intake) {
            for other in byBytes[photo.sha256] ?? []
            where other.unit != photo.unit && other.candidate != photo.candidate {
                let pair = [[photo.unit, photo.path], [other.unit, other.path]].sorted { $0.joined() < $1.joined() }
                guard reported.insert(pair.flatMap { $0 }).inserted else { continue }
                sink.emit(
                    .crossDuplicatePhoto, path: photo.path, candidate: photo.candidate,
                    data: [
                        "unit": .string(photo.unit), "otherUnit": .string(other.unit),
                        "otherCandidate": .string(other.candidate), "otherPath": .string(other.path),
                        "sha256": .string(photo.sha256),
                    ],
                    display: ["path": photo.path])
            }
        }
    }
}
