import DossierCore
import DossierRules
import Foundation

/// `dossier ledger status`: every unit of the rule set's registry, and every unit that sent without being in it,
/// with its state; counts per unit type; candidates per unit against its quota and by the rule set's breakdowns;
/// days to the deadline. A value every frontend renders (`LedgerStatusRenderer`).
public struct LedgerStatus: Codable, Sendable, Equatable {
    /// Whether and how a unit's electronic bundle came in.
    public enum State: String, Codable, Sendable, CaseIterable {
        case notReceived
        /// A version counts (it passed, or the office marked it so).
        case passed
        /// Received, but no version passed.
        case failed
        /// Received, but every version was withdrawn by the office: nothing counts, nothing is compared.
        case withdrawn
    }

    /// What the unit's stamped paper says against its sealed bundles.
    public enum PaperState: String, Codable, Sendable, CaseIterable {
        case none
        /// Paper came, and the unit sent no sealed bundle to compare it with.
        case received
        /// The fingerprint on the paper is a sealed bundle's of the unit.
        case matches
        /// It is no sealed bundle's of the unit (CROSS-PAPER-MISMATCH).
        case mismatch
    }

    /// One version, as the desk shows it.
    public struct Version: Codable, Sendable, Equatable {
        public var id: Int64
        public var kind: String
        public var verdict: String
        public var errors: Int
        public var warnings: Int
        public var fingerprint: String?
        public var bagDate: String?
        public var firstReceived: String
        public var receipts: Int
        public var mark: String?
        public var archivedAs: String

        private enum CodingKeys: String, CodingKey {
            case id, kind, verdict, errors, warnings, fingerprint, bagDate, firstReceived, receipts, mark, archivedAs
        }

        // Every key is written, null included: readers rely on the keys being there.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(kind, forKey: .kind)
            try container.encode(verdict, forKey: .verdict)
            try container.encode(errors, forKey: .errors)
            try container.encode(warnings, forKey: .warnings)
            try container.encode(fingerprint, forKey: .fingerprint)
            try container.encode(bagDate, forKey: .bagDate)
            try container.encode(firstReceived, forKey: .firstReceived)
            try container.encode(receipts, forKey: .receipts)
            try container.encode(mark, forKey: .mark)
            try container.encode(archivedAs, forKey: .archivedAs)
        }
    }

    public struct Unit: Codable, Sendable, Equatable {
        public var name: String
        public var type: String?
        public var registered: Bool
        public var state: State
        /// Receipts of any version: more than one is a resubmission.
        public var receipts: Int
        /// Distinct versions (contents): more than one means the content changed.
        public var versions: [Version]
        public var resubmitted: Bool
        public var contentChanged: Bool
        /// The version that counts, if any.
        public var counting: Int64?
        /// The version compared across units and counted here: the one that counts, else the newest received.
        public var current: Int64?
        public var paper: PaperState
        /// The fingerprint on the latest paper entry.
        public var paperFingerprint: String?
        public var paperReceivedOn: String?
        public var candidates: Int
        public var quota: Int?
        public var overQuota: Bool
        public var lastReceived: String?

        private enum CodingKeys: String, CodingKey {
            case name, type, registered, state, receipts, versions, resubmitted, contentChanged, counting, current
            case paper, paperFingerprint, paperReceivedOn, candidates, quota, overQuota, lastReceived
        }

        // Every key is written, null included: readers rely on the keys being there.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(type, forKey: .type)
            try container.encode(registered, forKey: .registered)
            try container.encode(state, forKey: .state)
            try container.encode(receipts, forKey: .receipts)
            try container.encode(versions, forKey: .versions)
            try container.encode(resubmitted, forKey: .resubmitted)
            try container.encode(contentChanged, forKey: .contentChanged)
            try container.encode(counting, forKey: .counting)
            try container.encode(current, forKey: .current)
            try container.encode(paper, forKey: .paper)
            try container.encode(paperFingerprint, forKey: .paperFingerprint)
            try container.encode(paperReceivedOn, forKey: .paperReceivedOn)
            try container.encode(candidates, forKey: .candidates)
            try container.encode(quota, forKey: .quota)
            try container.encode(overQuota, forKey: .overQuota)
            try container.encode(lastReceived, forKey: .lastReceived)
        }
    }

    /// The units of one type, counted by state.
    public struct TypeCount: Codable, Sendable, Equatable {
        /// The type's key; nil for units of unknown type.
        public var type: String?
        public var title: String
        public var units: Int
        public var states: [String: Int]
        public var resubmitted: Int
        public var papers: [String: Int]
        public var candidates: Int
    }

    /// Candidates counted by one field's values (or by age band).
    public struct Breakdown: Codable, Sendable, Equatable {
        public struct Count: Codable, Sendable, Equatable {
            public var value: String
            public var count: Int
        }
        /// The field's key, or `age`.
        public var field: String
        public var title: String
        public var counts: [Count]
    }

    public var schemaVersion = 1
    public var ruleSet: RuleSetInfo
    public var asOf: String
    public var deadline: String
    /// Days from `asOf` to the deadline: negative once it has passed.
    public var daysToDeadline: Int
    public var units: [Unit]
    public var types: [TypeCount]
    public var candidates: Int
    public var breakdowns: [Breakdown]
    /// What the desk finds across units (CROSS-PAPER-MISMATCH).
    public var findings: [Finding] = []
}

/// Makes the desk's values from a ledger and a rule set.
public struct LedgerDesk: Sendable {
    public var ruleSet: RuleSet
    public var language: Language
    /// `YYYY-MM-DD`: the day the deadline is counted from.
    public var asOf: String

    public init(ruleSet: RuleSet, language: Language, asOf: String) {
        self.ruleSet = ruleSet
        self.language = language
        self.asOf = asOf
    }

    /// Opens the ledger of the archive folder `archive`; an archive that is not one is an error, and nothing is
    /// created.
    public static func open(archive: String) throws(IntakeError) -> Ledger {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: archive, isDirectory: &isFolder), isFolder.boolValue else {
            throw .notAnArchive(archive)
        }
        let path = (archive as NSString).appendingPathComponent("ledger.sqlite")
        guard FileManager.default.fileExists(atPath: path) else { throw .notAnArchive(archive) }
        return try Ledger(path: path)
    }

    /// The status of every unit.
    public func status(_ ledger: Ledger) throws -> LedgerStatus {
        let snapshot = try ledger.snapshot()
        let byUnit = Dictionary(uniqueKeysWithValues: UnitVersions.byUnit(snapshot).map { ($0.unit, $0) })
        let papers = Dictionary(grouping: snapshot.papers, by: \.unit)
        let current = byUnit.values.compactMap(\.current).map(\.entry.id)
        let candidates = try ledger.candidates(versions: current)
        let perVersion = Dictionary(grouping: candidates, by: \.intake)
        let resolver = UnitResolver(rules: ruleSet.units)

        var names = ruleSet.units.registry.map(\.name)
        let known = Set(names)
        let unlisted = Set(byUnit.keys).union(papers.keys).subtracting(known)
        // Units outside the registry follow, in the order they first sent (paper alone: by name).
        let firstSent = snapshot.entries.map(\.unit)
        names += firstSent.filter(unlisted.contains).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        names += unlisted.subtracting(firstSent).sorted()

        var units: [LedgerStatus.Unit] = []
        for name in names {
            let versions = byUnit[name]
            let registered = known.contains(name)
            let type =
                registered
                ? ruleSet.units.registry.first { $0.name == name }?.type
                : versions?.versions.last?.entry.unitType ?? resolver.identify(name).type
            let counting = versions?.counting
            let shown = versions?.current
            let state: LedgerStatus.State =
                counting != nil
                ? .passed : shown != nil ? .failed : (versions?.versions.isEmpty ?? true) ? .notReceived : .withdrawn
            let sealed = Set((versions?.versions ?? []).compactMap(\.entry.fingerprint))
            let paper = papers[name]?.last
            let paperState: LedgerStatus.PaperState =
                paper == nil
                ? .none : sealed.isEmpty ? .received : sealed.contains(paper?.fingerprint ?? "") ? .matches : .mismatch
            let count = shown.map { perVersion[$0.entry.id]?.count ?? 0 } ?? 0
            let quota = shown?.entry.quota ?? ruleSet.units.types.first { $0.key == type }?.quota
            units.append(
                LedgerStatus.Unit(
                    name: name, type: type, registered: registered, state: state,
                    receipts: versions?.receiptCount ?? 0,
                    versions: (versions?.versions ?? []).map(Self.version),
                    resubmitted: (versions?.receiptCount ?? 0) > 1, contentChanged: (versions?.versions.count ?? 0) > 1,
                    counting: counting?.entry.id, current: shown?.entry.id, paper: paperState,
                    paperFingerprint: paper?.fingerprint, paperReceivedOn: paper?.receivedOn, candidates: count,
                    quota: quota, overQuota: quota.map { count > $0 } ?? false,
                    lastReceived: versions?.versions.flatMap(\.receipts).map(\.receivedAt).max()))
        }
        let counted = units.compactMap(\.current).flatMap { perVersion[$0] ?? [] }
        var status = LedgerStatus(
            ruleSet: ruleSet.info, asOf: asOf, deadline: ruleSet.units.deadline,
            daysToDeadline: Self.days(from: asOf, to: ruleSet.units.deadline), units: units, types: types(units),
            candidates: counted.count, breakdowns: breakdowns(counted))
        status.findings = paperFindings(status)
        return status
    }

    private static func version(_ version: UnitVersions.Version) -> LedgerStatus.Version {
        LedgerStatus.Version(
            id: version.entry.id, kind: version.entry.kind, verdict: version.entry.verdict,
            errors: version.entry.errors, warnings: version.entry.warnings, fingerprint: version.entry.fingerprint,
            bagDate: version.entry.bagDate,
            firstReceived: version.receipts.first?.receivedAt ?? version.entry.receivedAt,
            receipts: version.receipts.count, mark: version.mark?.rawValue, archivedAs: version.entry.archivedAs)
    }

    private func types(_ units: [LedgerStatus.Unit]) -> [LedgerStatus.TypeCount] {
        var keys: [String?] = ruleSet.units.types.map(\.key)
        if units.contains(where: { $0.type == nil || !keys.contains($0.type) }) { keys.append(nil) }
        return keys.map { key in
            let members = units.filter { key == nil ? ($0.type == nil || !keys.contains($0.type)) : $0.type == key }
            let title =
                key.flatMap { key in ruleSet.units.types.first { $0.key == key }?.title.text(language) }
                ?? LedgerWords.unknownType.text(language)
            return LedgerStatus.TypeCount(
                type: key, title: title, units: members.count,
                states: Dictionary(
                    uniqueKeysWithValues: LedgerStatus.State.allCases.map { state in
                        (state.rawValue, members.filter { $0.state == state }.count)
                    }),
                resubmitted: members.filter(\.resubmitted).count,
                papers: Dictionary(
                    uniqueKeysWithValues: LedgerStatus.PaperState.allCases.map { state in
                        (state.rawValue, members.filter { $0.paper == state }.count)
                    }),
                candidates: members.reduce(0) { $0 + $1.candidates })
        }
    }

    private func breakdowns(_ candidates: [Ledger.Candidate]) -> [LedgerStatus.Breakdown] {
        guard let office = ruleSet.units.office else { return [] }
        var result: [LedgerStatus.Breakdown] = []
        let unfilled = LedgerWords.unfilled.text(language)
        for field in office.breakdowns ?? [] {
            var counts: [String: Int] = [:]
            var order: [String] = []
            for candidate in candidates {
                let value = candidate.fields[field].flatMap { $0.isEmpty ? nil : $0 } ?? unfilled
                if counts[value] == nil { order.append(value) }
                counts[value, default: 0] += 1
            }
            result.append(
                LedgerStatus.Breakdown(
                    field: field, title: fieldTitle(field),
                    counts: order.sorted { (counts[$0] ?? 0, $1) > (counts[$1] ?? 0, $0) }.map {
                        .init(value: $0, count: counts[$0] ?? 0)
                    }))
        }
        if let bands = office.ageBands, !bands.isEmpty {
            let field = office.birthField ?? "birth"
            var counts = Array(repeating: 0, count: bands.count)
            var unknown = 0
            for candidate in candidates {
                guard let age = Self.age(birth: candidate.fields[field] ?? "", on: ruleSet.units.deadline) else {
                    unknown += 1
                    continue
                }
                let band = bands.firstIndex { $0.under.map { age < $0 } ?? true } ?? bands.count - 1
                counts[band] += 1
            }
            var rows = zip(bands, counts).map {
                LedgerStatus.Breakdown.Count(value: $0.label.text(language), count: $1)
            }
            if unknown > 0 { rows.append(.init(value: unfilled, count: unknown)) }
            result.append(
                LedgerStatus.Breakdown(field: "age", title: LedgerWords.ageAtDeadline.text(language), counts: rows))
        }
        return result
    }

    /// A field's title: the first label the forms give it.
    func fieldTitle(_ key: String) -> String {
        ruleSet.forms.fields.first { $0.key == key }?.labels.first ?? key
    }

    /// Whole years from a birth month (`YYYY-MM`) to `date` (`YYYY-MM-DD`); a birthday in the deadline's month is
    /// taken as passed. Nil when the birth month cannot be read.
    public static func age(birth: String, on date: String) -> Int? {
        let parts = birth.split(separator: "-").compactMap { Int($0) }
        let day = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count >= 2, day.count >= 2, (1...12).contains(parts[1]) else { return nil }
        return day[0] - parts[0] - (day[1] < parts[1] ? 1 : 0)
    }

    /// Days from one `YYYY-MM-DD` to another.
    static func days(from: String, to: String) -> Int {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        guard let start = formatter.date(from: from), let end = formatter.date(from: to) else { return 0 }
        return Int((end.timeIntervalSince(start) / 86_400).rounded())
    }
}

extension LedgerDesk {
    /// What a paper entry says against the unit's sealed bundles.
    public enum PaperOutcome: String, Sendable, Codable {
        /// The fingerprint is one of the unit's sealed bundles'.
        case matches
        /// It is none of them (CROSS-PAPER-MISMATCH).
        case mismatch
        /// The unit sent no sealed bundle (yet): nothing to compare with.
        case noSealedBundle
    }

    /// `F` as written on paper (dashes or spaces, any case) as 20 upper-case hex digits in groups of four; nil when
    /// it is not 20 hex digits.
    public static func fingerprint(_ text: String) -> String? {
        let digits = text.uppercased().filter { !"- \u{3000}".contains($0) }
        guard digits.count == 20, digits.allSatisfy({ $0.isHexDigit && $0.isASCII }) else { return nil }
        let characters = Array(digits)
        return stride(from: 0, to: 20, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// The unit `name` names: the registry's (by name or alias), else a unit the ledger knows; an error suggesting
    /// the closest names when it is neither.
    public func unit(named name: String, ledger: Ledger) throws -> String {
        let resolver = UnitResolver(rules: ruleSet.units)
        if let unit = resolver.unit(named: name) { return unit.name }
        let known = Set(try ledger.entries().map(\.unit))
        let key = UnitResolver.key(name)
        if let unit = known.first(where: { UnitResolver.key($0) == key }) { return unit }
        var suggestions = resolver.suggestions(for: name)
        // Units outside the registry that the ledger knows: the closest by edits, when really close.
        let scored = known.map { ($0, Self.distance(Array(UnitResolver.key($0)), Array(key))) }
            .filter { $0.1 * 3 <= max($0.0.count, 1) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        suggestions += scored.map(\.0).filter { !suggestions.contains($0) }
        throw IntakeError.noSuchUnit(name, Array(suggestions.prefix(3)))
    }

    /// Records the arrival of `unit`'s paper with the fingerprint written on it (a new entry, never an overwrite);
    /// returns what it says against the unit's sealed bundles.
    public func recordPaper(
        unit name: String, fingerprint text: String, receivedOn: String, by: String?, ledger: Ledger, now: Date = Date()
    ) throws -> (unit: String, outcome: PaperOutcome) {
        guard let fingerprint = Self.fingerprint(text) else { throw IntakeError.badFingerprint(text) }
        let unit = try unit(named: name, ledger: ledger)
        try ledger.record(
            Ledger.PaperEntry(
                unit: unit, fingerprint: fingerprint, receivedOn: receivedOn, recordedAt: IntakeRunner.isoTime(now),
                recordedBy: by))
        return (unit, Self.outcome(fingerprint, sealed: try ledger.entries(unit: unit).compactMap(\.fingerprint)))
    }

    /// Levenshtein distance between two names.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }

    static func outcome(_ fingerprint: String, sealed: [String]) -> PaperOutcome {
        let fingerprints = Set(sealed.compactMap { Self.fingerprint($0) })
        return fingerprints.isEmpty ? .noSealedBundle : fingerprints.contains(fingerprint) ? .matches : .mismatch
    }

    /// CROSS-PAPER-MISMATCH for every unit whose latest paper names none of its sealed bundles.
    public func paperFindings(_ status: LedgerStatus) -> [Finding] {
        let sink = FindingSink(ruleSet: ruleSet, language: language)
        for unit in status.units where unit.paper == .mismatch {
            let sealed = unit.versions.compactMap(\.fingerprint)
            sink.emit(
                .crossPaperMismatch, path: "",
                data: [
                    "unit": .string(unit.name), "fingerprint": .string(unit.paperFingerprint ?? ""),
                    "sealed": .string(sealed.joined(separator: ", ")),
                ],
                display: ["receivedOn": unit.paperReceivedOn ?? ""])
        }
        return sink.findings
    }
}
