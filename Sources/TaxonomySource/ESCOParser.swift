import CSV
import Foundation
import Taxonomy

/// Turns ESCO CSV tables into taxonomy values, checking each row: URIs of the right kind,
/// required labels present, known skill types and relation types, no duplicates, and every
/// relation pointing at a concept that exists.
struct ESCOParser {
    let source: (String, String?) -> String
    private var occupations: [String: Occupation] = [:]
    private var occupationOrder: [String] = []
    private var skills: [String: Skill] = [:]
    private var skillOrder: [String] = []
    private var iscoGroups: [ISCOGroup] = []
    private var skillGroups: [SkillGroup] = []
    private var occupationSkills: [OccupationSkill] = []
    private var skillBroader: [BroaderLink] = []
    private var skillRelations: [SkillRelation] = []
    private var danglingOccupations: [String: Int] = [:]

    init(source: @escaping (String, String?) -> String) {
        self.source = source
    }

    static let occupationPrefix = "http://data.europa.eu/esco/occupation/"
    static let skillPrefix = "http://data.europa.eu/esco/skill/"

    mutating func readOccupations(_ table: CSVTable, language: Language, file: String, entry: String?) throws(TaxonomySourceError) {
        let c = try columns(table, ["conceptUri", "iscoGroup", "preferredLabel", "altLabels", "hiddenLabels", "description", "code"], file, entry)
        for (row, line) in zip(table.records, table.lines) {
            let uri = row[c["conceptUri"]!]
            try require(uri.hasPrefix(Self.occupationPrefix), file, entry, line, "conceptUri \"\(uri)\" is not an ESCO occupation URI")
            let label = row[c["preferredLabel"]!].trimmingCharacters(in: .whitespacesAndNewlines)
            try require(!label.isEmpty, file, entry, line, "preferredLabel is empty")
            let labels = LabelSet(
                preferred: label, alternative: Self.lines(row[c["altLabels"]!]),
                hidden: Self.lines(row[c["hiddenLabels"]!]))
            let description = row[c["description"]!].trimmingCharacters(in: .whitespacesAndNewlines)
            if var existing = occupations[uri] {
                try require(existing.labels[language] == nil, file, entry, line, "occupation \(uri) appears twice")
                existing.labels[language] = labels
                existing.descriptions[language] = description
                occupations[uri] = existing
            } else {
                // Dutch labels must belong to occupations the English classification defines.
                try require(language == .en, file, entry, line, "occupation \(uri) is not in the English classification")
                let isco = row[c["iscoGroup"]!]
                try require(isco.count == 4 && isco.allSatisfy(\.isNumber), file, entry, line, "iscoGroup \"\(isco)\" is not a 4-digit ISCO code")
                occupations[uri] = Occupation(
                    uri: uri, code: row[c["code"]!], iscoGroup: isco,
                    labels: [language: labels], descriptions: [language: description])
                occupationOrder.append(uri)
            }
        }
    }

    mutating func readSkills(_ table: CSVTable, file: String, entry: String) throws(TaxonomySourceError) {
        let c = try columns(table, ["conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels", "description"], file, entry)
        for (row, line) in zip(table.records, table.lines) {
            let uri = row[c["conceptUri"]!]
            try require(uri.hasPrefix(Self.skillPrefix), file, entry, line, "conceptUri \"\(uri)\" is not an ESCO skill URI")
            try require(skills[uri] == nil, file, entry, line, "skill \(uri) appears twice")
            let typeText = row[c["skillType"]!], reuseText = row[c["reuseLevel"]!]
            // ESCO leaves the type or reuse level empty for a handful of skills; an unknown value is an error.
            let type = SkillType(rawValue: typeText)
            try require(typeText.isEmpty || type != nil, file, entry, line, "skillType \"\(typeText)\" is unknown")
            let reuse = ReuseLevel(rawValue: reuseText)
            try require(reuseText.isEmpty || reuse != nil, file, entry, line, "reuseLevel \"\(reuseText)\" is unknown")
            let label = row[c["preferredLabel"]!].trimmingCharacters(in: .whitespacesAndNewlines)
            try require(!label.isEmpty, file, entry, line, "preferredLabel is empty")
            skills[uri] = Skill(
                uri: uri, type: type, reuseLevel: reuse, label: label,
                alternativeLabels: Self.lines(row[c["altLabels"]!]),
                description: row[c["description"]!].trimmingCharacters(in: .whitespacesAndNewlines))
            skillOrder.append(uri)
        }
    }

    /// Dutch labels for skills the English classification defines (a partial file: skills it
    /// does not name keep their English label only).
    mutating func readDutchSkills(_ table: CSVTable, file: String) throws(TaxonomySourceError) {
        let c = try columns(table, ["conceptUri", "preferredLabel", "altLabels"], file, nil)
        for (row, line) in zip(table.records, table.lines) {
            let uri = row[c["conceptUri"]!]
            try require(skills[uri] != nil, file, nil, line, "skill \(uri) is not in the English classification")
            try require(skills[uri]?.dutchLabel == nil, file, nil, line, "skill \(uri) appears twice")
            let label = row[c["preferredLabel"]!].trimmingCharacters(in: .whitespacesAndNewlines)
            try require(!label.isEmpty, file, nil, line, "preferredLabel is empty")
            skills[uri]?.dutchLabel = label
            skills[uri]?.dutchAlternativeLabels = Self.lines(row[c["altLabels"]!])
        }
    }

    mutating func readISCOGroups(_ table: CSVTable, file: String, entry: String) throws(TaxonomySourceError) {
        let c = try columns(table, ["conceptUri", "code", "preferredLabel", "description"], file, entry)
        for (row, line) in zip(table.records, table.lines) {
            let code = row[c["code"]!]
            try require(!code.isEmpty && code.count <= 4 && code.allSatisfy(\.isNumber), file, entry, line, "code \"\(code)\" is not an ISCO code")
            iscoGroups.append(
                ISCOGroup(
                    uri: row[c["conceptUri"]!], code: code, label: row[c["preferredLabel"]!],
                    description: row[c["description"]!].trimmingCharacters(in: .whitespacesAndNewlines)))
        }
    }

    mutating func readSkillGroups(_ table: CSVTable, file: String, entry: String) throws(TaxonomySourceError) {
        let c = try columns(table, ["conceptUri", "code", "preferredLabel"], file, entry)
        for (row, line) in zip(table.records, table.lines) {
            let uri = row[c["conceptUri"]!]
            try require(!uri.isEmpty, file, entry, line, "conceptUri is empty")
            skillGroups.append(SkillGroup(uri: uri, code: row[c["code"]!], label: row[c["preferredLabel"]!]))
        }
    }

    mutating func readOccupationSkills(_ table: CSVTable, file: String, entry: String) throws(TaxonomySourceError) {
        let c = try columns(table, ["occupationUri", "relationType", "skillUri"], file, entry)
        occupationSkills.reserveCapacity(table.records.count)
        var seen = Set<String>()
        for (row, line) in zip(table.records, table.lines) {
            let occupation = row[c["occupationUri"]!], skill = row[c["skillUri"]!], kind = row[c["relationType"]!]
            // ESCO v1.1.1 itself links 67 skills to one occupation URI that its occupation files
            // do not define; keep the links as published (the counts stay ESCO's) and report them.
            if occupations[occupation] == nil { danglingOccupations[occupation, default: 0] += 1 }
            try require(skills[skill] != nil, file, entry, line, "skillUri \(skill) is not a known skill")
            guard let relevance = Relevance(rawValue: kind) else {
                throw error(file, entry, line, "relationType \"\(kind)\" is not essential or optional")
            }
            try require(seen.insert(occupation + " " + skill).inserted, file, entry, line, "the same occupation–skill pair appears twice")
            occupationSkills.append(OccupationSkill(occupationURI: occupation, skillURI: skill, relevance: relevance))
        }
    }

    mutating func readSkillBroader(_ table: CSVTable, file: String, entry: String) throws(TaxonomySourceError) {
        let c = try columns(table, ["conceptUri", "broaderUri"], file, entry)
        for (row, line) in zip(table.records, table.lines) {
            let uri = row[c["conceptUri"]!], broader = row[c["broaderUri"]!]
            try require(!uri.isEmpty && !broader.isEmpty, file, entry, line, "conceptUri or broaderUri is empty")
            skillBroader.append(BroaderLink(uri: uri, broaderURI: broader))
        }
    }

    mutating func readSkillRelations(_ table: CSVTable, file: String, entry: String) throws(TaxonomySourceError) {
        let c = try columns(table, ["originalSkillUri", "relationType", "relatedSkillUri"], file, entry)
        for (row, line) in zip(table.records, table.lines) {
            let from = row[c["originalSkillUri"]!], to = row[c["relatedSkillUri"]!], kind = row[c["relationType"]!]
            try require(skills[from] != nil && skills[to] != nil, file, entry, line, "a skill URI is not a known skill")
            guard let relevance = Relevance(rawValue: kind) else {
                throw error(file, entry, line, "relationType \"\(kind)\" is not essential or optional")
            }
            skillRelations.append(SkillRelation(skillURI: from, relatedSkillURI: to, relevance: relevance))
        }
    }

    func finish(version: String) throws(TaxonomySourceError) -> TaxonomyDataset {
        if let missing = occupationOrder.first(where: { occupations[$0]?.labels[.nl] == nil }) {
            throw TaxonomySourceError(file: source(ESCODistribution.dutchOccupationsFile, nil), reason: "no Dutch labels for occupation \(missing)")
        }
        let notes = danglingOccupations.sorted { $0.key < $1.key }.map {
            "\($0.value) occupation–skill relations refer to occupation \($0.key), which this release does not define; they are stored but not shown"
        }
        return TaxonomyDataset(
            version: version, notes: notes,
            occupations: occupationOrder.compactMap { occupations[$0] },
            skills: skillOrder.compactMap { skills[$0] },
            occupationSkills: occupationSkills, iscoGroups: iscoGroups, skillGroups: skillGroups,
            skillBroader: skillBroader, skillRelations: skillRelations)
    }

    // MARK: - Helpers

    /// ESCO separates alternative labels by line breaks inside one field.
    static func lines(_ field: String) -> [String] {
        field.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private func columns(_ table: CSVTable, _ names: [String], _ file: String, _ entry: String?) throws(TaxonomySourceError) -> [String: Int] {
        do { return try table.columns(names) } catch { throw self.error(file, entry, error.line, error.reason) }
    }

    private func require(_ condition: Bool, _ file: String, _ entry: String?, _ line: Int, _ reason: String) throws(TaxonomySourceError) {
        if !condition { throw error(file, entry, line, reason) }
    }

    private func error(_ file: String, _ entry: String?, _ line: Int, _ reason: String) -> TaxonomySourceError {
        TaxonomySourceError(file: source(file, entry), line: line, reason: reason)
    }
}
