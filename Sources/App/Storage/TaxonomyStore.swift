import Fluent
import Foundation
import SQLKit
import Taxonomy

/// The last successful ESCO import.
public struct TaxonomyImportRecord: Sendable, Codable {
    public let version: String
    public let checksums: [String: String]
    public let counts: [String: Int]
    public let importedAt: Date
}

/// Reads and replaces the ESCO tables with plain SQL (Fluent's row decoding is much slower for bulk data).
public struct TaxonomyStore: Sendable {
    static let tables = [
        "esco_occupations", "esco_skills", "esco_occupation_skills", "esco_isco_groups",
        "esco_skill_groups", "esco_skill_broader", "esco_skill_relations",
    ]
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Replaces the whole taxonomy in one transaction: on any error the previous data stays.
    public func replace(
        with data: TaxonomyDataset, checksums: [String: String], now: Date,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws {
        try await database.writeTransaction { db in
            let sql = db.sql
            for table in Self.tables { try await sql.delete(from: table).run() }
            progress("writing \(data.occupations.count) occupations")
            try await sql.insertRows(
                "esco_occupations",
                [
                    "uri", "code", "isco_group", "label_en", "label_nl", "alt_labels_en", "alt_labels_nl",
                    "hidden_labels_en", "hidden_labels_nl", "description_en", "description_nl",
                ],
                data.occupations.map { o in
                    let en = o.labels[.en] ?? LabelSet(preferred: ""), nl = o.labels[.nl] ?? LabelSet(preferred: "")
                    return [
                        o.uri, o.code, o.iscoGroup, en.preferred, nl.preferred,
                        en.alternative.joined(separator: "\n"), nl.alternative.joined(separator: "\n"),
                        en.hidden.joined(separator: "\n"), nl.hidden.joined(separator: "\n"),
                        o.descriptions[.en] ?? "", o.descriptions[.nl] ?? "",
                    ]
                })
            progress("writing \(data.skills.count) skills")
            try await sql.insertRows(
                "esco_skills",
                [
                    "uri", "skill_type", "reuse_level", "label_en", "alt_labels_en", "description_en",
                    "label_nl", "alt_labels_nl",
                ],
                data.skills.map {
                    [
                        $0.uri, $0.type?.rawValue, $0.reuseLevel?.rawValue, $0.label,
                        $0.alternativeLabels.joined(separator: "\n"), $0.description,
                        $0.dutchLabel ?? "", $0.dutchAlternativeLabels.joined(separator: "\n"),
                    ]
                })
            progress("writing \(data.occupationSkills.count) occupation–skill relations")
            try await sql.insertRows(
                "esco_occupation_skills", ["occupation_uri", "skill_uri", "relevance"],
                data.occupationSkills.map { [$0.occupationURI, $0.skillURI, $0.relevance.rawValue] })
            progress("writing the ISCO groups and the skill hierarchy")
            try await sql.insertRows(
                "esco_isco_groups", ["uri", "code", "label_en", "description_en"],
                data.iscoGroups.map { [$0.uri, $0.code, $0.label, $0.description] })
            try await sql.insertRows(
                "esco_skill_groups", ["uri", "code", "label_en"],
                data.skillGroups.map { [$0.uri, $0.code, $0.label] })
            try await sql.insertRows(
                "esco_skill_broader", ["uri", "broader_uri"],
                data.skillBroader.map { [$0.uri, $0.broaderURI] })
            try await sql.insertRows(
                "esco_skill_relations", ["skill_uri", "related_skill_uri", "relevance"],
                data.skillRelations.map { [$0.skillURI, $0.relatedSkillURI, $0.relevance.rawValue] })
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            try await sql.insert(into: "esco_imports")
                .columns("id", "version", "checksums", "counts", "imported_at")
                .values(
                    SQLBind(UUID().uuidString), SQLBind(data.version),
                    SQLBind(String(decoding: try encoder.encode(checksums), as: UTF8.self)),
                    SQLBind(String(decoding: try encoder.encode(data.counts), as: UTF8.self)),
                    SQLBind(now)
                )
                .run()
        }
    }

    /// The most recent import, or nil when ESCO was never imported.
    public func latestImport() async throws -> TaxonomyImportRecord? {
        let sql = database.sql
        guard
            let row = try await sql.select().columns("version", "checksums", "counts", "imported_at")
                .from("esco_imports").orderBy("imported_at", .descending).limit(1).first()
        else { return nil }
        let decoder = JSONDecoder()
        return TaxonomyImportRecord(
            version: try row.decode(column: "version", as: String.self),
            checksums: try decoder.decode([String: String].self, from: Data(try row.decode(column: "checksums", as: String.self).utf8)),
            counts: try decoder.decode([String: Int].self, from: Data(try row.decode(column: "counts", as: String.self).utf8)),
            importedAt: try row.decode(column: "imported_at", as: Date.self))
    }

    /// Reads what the in-memory index needs: occupations with labels and descriptions, skills
    /// (without descriptions), occupation–skill links and ISCO groups. Nil when nothing was imported.
    public func loadForIndex() async throws -> TaxonomyDataset? {
        guard let record = try await latestImport() else { return nil }
        var data = try await loadSkillsAndLinks(version: record.version)
        data.occupations = try await loadOccupations()
        return data
    }

    /// Occupations with their labels and descriptions, ordered by URI.
    public func loadOccupations() async throws -> [Occupation] {
        let sql = database.sql
        func lines(_ s: String) -> [String] { s.isEmpty ? [] : s.components(separatedBy: "\n") }
        return try await sql.select()
            .columns(
                "uri", "code", "isco_group", "label_en", "label_nl", "alt_labels_en", "alt_labels_nl",
                "hidden_labels_en", "hidden_labels_nl", "description_en", "description_nl"
            )
            .from("esco_occupations").orderBy("uri").all().map { r in
                Occupation(
                    uri: try r.decode(column: "uri", as: String.self),
                    code: try r.decode(column: "code", as: String.self),
                    iscoGroup: try r.decode(column: "isco_group", as: String.self),
                    labels: [
                        .en: LabelSet(
                            preferred: try r.decode(column: "label_en", as: String.self),
                            alternative: lines(try r.decode(column: "alt_labels_en", as: String.self)),
                            hidden: lines(try r.decode(column: "hidden_labels_en", as: String.self))),
                        .nl: LabelSet(
                            preferred: try r.decode(column: "label_nl", as: String.self),
                            alternative: lines(try r.decode(column: "alt_labels_nl", as: String.self)),
                            hidden: lines(try r.decode(column: "hidden_labels_nl", as: String.self))),
                    ],
                    descriptions: [
                        .en: try r.decode(column: "description_en", as: String.self),
                        .nl: try r.decode(column: "description_nl", as: String.self),
                    ])
            }
    }

    /// Skills (without descriptions), occupation–skill links, the skill hierarchy and skill–skill
    /// relations, and ISCO groups: the dataset minus occupations.
    public func loadSkillsAndLinks(version: String) async throws -> TaxonomyDataset {
        let sql = database.sql
        var data = TaxonomyDataset(version: version)
        data.skills = try await sql.select().columns("uri", "skill_type", "reuse_level", "label_en", "alt_labels_en", "label_nl", "alt_labels_nl")
            .from("esco_skills").all().map { r in
                func lines(_ column: String) throws -> [String] { try r.decode(column: column, as: String.self).split(separator: "\n").map(String.init) }
                let dutch = try r.decode(column: "label_nl", as: String.self)
                return Skill(
                    uri: try r.decode(column: "uri", as: String.self),
                    type: try r.decode(column: "skill_type", as: String?.self).flatMap(SkillType.init(rawValue:)),
                    reuseLevel: try r.decode(column: "reuse_level", as: String?.self).flatMap(ReuseLevel.init(rawValue:)),
                    label: try r.decode(column: "label_en", as: String.self), alternativeLabels: try lines("alt_labels_en"),
                    dutchLabel: dutch.isEmpty ? nil : dutch, dutchAlternativeLabels: try lines("alt_labels_nl"))
            }
        data.occupationSkills = try await sql.select().columns("occupation_uri", "skill_uri", "relevance")
            .from("esco_occupation_skills").all().map { r in
                OccupationSkill(
                    occupationURI: try r.decode(column: "occupation_uri", as: String.self),
                    skillURI: try r.decode(column: "skill_uri", as: String.self),
                    relevance: Relevance(rawValue: try r.decode(column: "relevance", as: String.self)) ?? .optional)
            }
        data.skillBroader = try await sql.select().columns("uri", "broader_uri").from("esco_skill_broader").all().map { r in
            BroaderLink(uri: try r.decode(column: "uri", as: String.self), broaderURI: try r.decode(column: "broader_uri", as: String.self))
        }
        data.skillRelations = try await sql.select().columns("skill_uri", "related_skill_uri", "relevance")
            .from("esco_skill_relations").all().map { r in
                SkillRelation(
                    skillURI: try r.decode(column: "skill_uri", as: String.self),
                    relatedSkillURI: try r.decode(column: "related_skill_uri", as: String.self),
                    relevance: Relevance(rawValue: try r.decode(column: "relevance", as: String.self)) ?? .optional)
            }
        data.iscoGroups = try await sql.select().columns("uri", "code", "label_en", "description_en")
            .from("esco_isco_groups").all().map { r in
                ISCOGroup(
                    uri: try r.decode(column: "uri", as: String.self), code: try r.decode(column: "code", as: String.self),
                    label: try r.decode(column: "label_en", as: String.self),
                    description: try r.decode(column: "description_en", as: String.self))
            }
        return data
    }

    /// Row counts per table, for checks and the admin page.
    public func counts() async throws -> [String: Int] {
        let sql = database.sql
        var result: [String: Int] = [:]
        for table in Self.tables {
            result[table] =
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(table).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return result
    }
}
