import Foundation
import Passport
import Taxonomy

/// Stored passport rows read for people: the record, its issuer's name and the skills it shows.
enum PassportReading {
    /// The stored rows as page entries, with issuer names and the skills each record shows.
    static func entries(_ rows: [PassportRecordRow], store: PassportStore, taxonomy: TaxonomyIndex?) async throws -> [PassportEntry] {
        var issuerNames: [String: String] = [:]
        for id in Set(rows.compactMap(\.issuerID)) { issuerNames[id] = try await store.issuer(id: id)?.name }
        return rows.compactMap { row in
            guard let json = try? JSONValue.parse(row.recordJSON), let record = try? WorkRecord(validated: json) else { return nil }
            return PassportEntry(
                row: row, record: record, issuerName: row.issuerID.flatMap { issuerNames[$0] },
                occupation: record.occupation.flatMap { taxonomy?.occupation(id: $0) },
                skills: skillsShown(by: record, taxonomy))
        }
    }

    /// The skills a record shows: those it names, then the occupation's essential skills.
    static func skillsShown(by record: WorkRecord, _ taxonomy: TaxonomyIndex?) -> [Skill] {
        guard let taxonomy else { return [] }
        var seen = Set<String>()
        var skills: [Skill] = []
        for uri in record.skills { if let s = taxonomy.skill(uri: uri), seen.insert(uri).inserted { skills.append(s) } }
        if let occupation = record.occupation.flatMap({ taxonomy.occupation(id: $0) }) {
            for s in taxonomy.profile(of: occupation).essentialSkills where seen.insert(s.uri).inserted { skills.append(s) }
        }
        return skills
    }
}

/// A record as the pages and the KlusCV show it.
struct PassportEntry {
    let row: PassportRecordRow
    let record: WorkRecord
    let issuerName: String?
    let occupation: Occupation?
    let skills: [Skill]
}
