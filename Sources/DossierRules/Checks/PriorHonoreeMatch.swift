import DossierCore
import Foundation

/// A candidate found in the list of earlier honorees.
struct PriorHonoreeMatch: Equatable {
    var year: Int
    var source: String
    /// The list's birth year or month, when it gives one.
    var born: String?
    /// The candidate's birth month, when the form or table gives one.
    var candidateBirth: String?
    /// Name and birth agree; otherwise only the name is known to agree.
    var confirmed: Bool

    /// The catalogue's wording: the rule's own when confirmed, else why the birth could not be compared.
    var variant: String? { confirmed ? nil : born == nil ? "nameOnly" : "noBirth" }

    /// The entries of `honorees` that `candidate` may be, the candidate's birth read from the field `birthField`. An
    /// entry whose birth differs from the candidate's is a namesake and left out.
    static func matches(_ candidate: CandidateRecord, in honorees: JudgementRules.PriorHonorees, birthField: String)
        -> [Self]
    {
        let name = key(candidate.name)
        let birth = candidate.fields[birthField].flatMap(FieldExtractor.yearMonth)
        return honorees.lists.flatMap { list in
            list.people.compactMap { person -> Self? in
                guard key(person.name) == name else { return nil }
                let born = person.born.flatMap(Self.born)
                if let born, let birth, !birth.hasPrefix(born) { return nil }
                return Self(
                    year: list.year, source: list.source, born: born, candidateBirth: birth,
                    confirmed: born != nil && birth != nil)
            }
        }
    }

    /// A name as compared: as unit names are (NFC, no spaces of any width), and no middle dots (次旦·央吉 is 次旦央吉).
    static func key(_ name: String) -> String {
        UnitResolver.key(name).filter { !["·", "•", "・"].contains($0) }
    }

    /// `YYYY` or `YYYY-MM` (month 01–12) as written in a list; nil for anything else.
    static func born(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count == 4, Int(parts[0]) != nil else { return nil }
        if parts.count == 2 {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        }
        return text
    }
}
