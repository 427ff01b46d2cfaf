import Crypto
import Days
import Foundation
import Identifiers
import Passport
import Taxonomy
import Vapor

/// Four demo platforms, each with its own key, that issue realistic signed records to a worker
/// (cleaning, hospitality, delivery, care), so the passport and the KlusCV look real at once.
/// The records go the way a real platform's do: a pairwise subject id, a link, signed
/// credentials, and the normal import with every check.
public enum DemoIssuers {
    struct Platform {
        let id: String
        let name: String
        /// What the worker did there, as an occupation search finds it in ESCO.
        let occupationQuery: String
        let kind: RecordKind
        let roleTitle: String
        let sector: String
        let tasks: [String]
        /// Months ago the work started and ended (nil: still going).
        let months: (start: Int, end: Int?)
        let hours: Double
        let jobs: Int?
        let rating: Double?
    }

    static let platforms: [Platform] = [
        Platform(
            id: "6d656d6f-0001-4c00-8000-000000000001", name: "Schoonmaak Direct (demo)", occupationQuery: "schoonmaker",
            kind: .platformWork, roleTitle: "Schoonmaker kantoren en woningen", sector: "N8121",
            tasks: ["Kantoren schoonmaken", "Sanitair reinigen", "Schoonmaakmiddelen veilig gebruiken"],
            months: (14, 1), hours: 612, jobs: 148, rating: 4.8),
        Platform(
            id: "6d656d6f-0002-4c00-8000-000000000002", name: "FlexHoreca (demo)", occupationQuery: "kelner",
            kind: .tempAgency, roleTitle: "Bediening in restaurant en café", sector: "I5610",
            tasks: ["Gasten ontvangen in het café", "Bestellingen opnemen", "Afrekenen"],
            months: (26, 15), hours: 540, jobs: nil, rating: 4.6),
        Platform(
            id: "6d656d6f-0003-4c00-8000-000000000003", name: "FietsKoerier (demo)", occupationQuery: "koerier",
            kind: .platformWork, roleTitle: "Maaltijdbezorger op de fiets", sector: "H5320",
            tasks: ["Bestellingen ophalen en bezorgen", "Route plannen"],
            months: (8, nil), hours: 310, jobs: 905, rating: 4.7),
        Platform(
            id: "6d656d6f-0004-4c00-8000-000000000004", name: "ZorgBuddy (demo)", occupationQuery: "huishoudelijke hulp",
            kind: .platformWork, roleTitle: "Hulp in de huishouding bij ouderen", sector: "Q8810",
            tasks: ["Huishoudelijk werk", "Boodschappen doen", "Gezelschap bieden"],
            months: (11, 2), hours: 264, jobs: 96, rating: 4.9),
    ]

    /// Issues the demo records to `worker`; returns how many were added (0 when they are there already).
    public static func issue(_ app: Application, worker: WorkerID, now: Date) async throws -> Int {
        guard let taxonomy = app.taxonomy.index else { throw ConfigError("no ESCO data loaded: run `loopbrug taxonomy import` first") }
        let store = app.passportStore
        let service = try app.passport
        let secret = try await app.subjectSecret()
        var added = 0
        for platform in platforms {
            let key = try await key(for: platform, store: store)
            if try await store.issuer(id: platform.id) == nil {
                _ = try await store.createIssuer(id: platform.id, name: platform.name, ownerUserID: nil, key: Ed25519JWK(publicKey: key.publicKey), now: now)
            }
            let credentialID = demoCredentialID(worker: worker, platform: platform)
            if try await store.record(credentialID: "urn:uuid:" + credentialID.idString) != nil { continue }
            let subject = PairwiseSubject.identifier(worker: worker, issuerID: platform.id, secret: secret)
            try await store.link(issuerID: platform.id, subjectID: subject, worker: worker, now: now)
            let record = try self.record(platform, subject: subject, taxonomy: taxonomy, now: now)
            try service.validate(record: record, taxonomy: taxonomy)
            let position = try await store.reserveStatusPositions(issuerID: platform.id, count: 1).lowerBound
            let payload = WorkCredential.payload(
                id: credentialID, issuerID: platform.id, issuerName: platform.name, record: record,
                validFrom: now, statusPosition: position, baseURL: app.config.publicURL)
            let token = try CompactJWS.sign(payload: payload.serialized(), key: key, keyID: Ed25519JWK(publicKey: key.publicKey).thumbprint)
            let report = try await service.importCredentials(
                [JSONLines.Line(number: 1, text: Substring(token))], from: .issuer(issuerID: platform.id),
                store: store, taxonomy: taxonomy, now: now)
            guard report.succeeded else { throw ConfigError("the demo record of \(platform.name) was refused: \(report.problems.map(\.text).joined(separator: "; "))") }
            added += report.accepted
        }
        return added
    }

    /// Each demo platform's private key, made once and kept with Loopbrug's other secrets.
    static func key(for platform: Platform, store: PassportStore) async throws -> Curve25519.Signing.PrivateKey {
        let raw = try await store.secret(named: "demo-issuer-key-\(platform.id)") {
            [UInt8](Curve25519.Signing.PrivateKey().rawRepresentation)
        }
        return try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
    }

    /// The same worker and platform always give the same credential id, so issuing twice adds nothing.
    static func demoCredentialID(worker: WorkerID, platform: Platform) -> UUID {
        var bytes = Array(SHA256.hash(data: Data("loopbrug-demo|\(worker.string)|\(platform.id)".utf8)).prefix(16))
        bytes[6] = bytes[6] & 0x0f | 0x40
        bytes[8] = bytes[8] & 0x3f | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    static func record(_ p: Platform, subject: String, taxonomy: TaxonomyIndex, now: Date) throws -> JSONValue {
        guard let occupation = taxonomy.searchOccupations(p.occupationQuery, limit: 1).first?.occupation else {
            throw ConfigError("ESCO has no occupation for \(p.occupationQuery)")
        }
        let skills = taxonomy.profile(of: occupation).essentialSkills.prefix(3).map { JSONValue.string($0.uri) }
        func monthsAgo(_ n: Int) -> String {
            let today = Day(iso: Timestamp.format(now).prefix(10))!
            var month = today.month - n
            var year = today.year
            while month < 1 { month += 12; year -= 1 }
            return Day(year: year, month: month, day: 1)!.description
        }
        var period: [String: JSONValue] = ["start": .string(monthsAgo(p.months.start))]
        if let end = p.months.end { period["end"] = .string(monthsAgo(end)) }
        var record: [String: JSONValue] = [
            "id": .string(subject), "type": .string("WorkRecord"), "kind": .string(p.kind.rawValue),
            "period": .object(period), "hours": .number(p.hours), "roleTitle": .string(p.roleTitle),
            "organisation": .object(["name": .string(p.name)]), "occupation": .string(occupation.uri),
            "skills": .array(Array(skills)), "tasks": .array(p.tasks.map(JSONValue.string)), "sector": .string(p.sector),
            "municipality": .object(["code": .string("GM0034"), "name": .string("Almere")]),
            "earnings": .object(["amount": .number((p.hours * 14.4).rounded()), "currency": .string("EUR")]),
        ]
        if p.kind == .platformWork {
            record["aggregation"] = .string("period")
            record["evidence"] = .array([.object(["type": .string("platform-log"), "description": .string("Afgeronde klussen in de app van \(p.name)")])])
        }
        if let jobs = p.jobs {
            record["jobs"] = .number(Double(jobs))
            record["reliability"] = .object([
                "completed": .number(Double(jobs - jobs / 40)), "cancelled": .number(Double(jobs / 50)),
                "noShow": .number(Double(jobs / 40 - jobs / 50)),
            ])
        }
        if let rating = p.rating {
            record["ratings"] = .object(["average": .number(rating), "scale": .number(5), "count": .number(Double((p.jobs ?? 60) * 2 / 3))])
        }
        return .object(record)
    }
}
