import Foundation
import Identifiers
import Localization
import Passport
import Vapor

/// A file of an export: its name and its bytes.
public struct ExportFile: Sendable {
    public let name: String
    public let bytes: Data
}

/// Everything Loopbrug holds about a worker (GDPR art. 15 and 20): the account, the records as
/// JSON, the credentials exactly as issued, the share links, and a KlusCV of all records. That
/// leermiles as one statement CSV per year. The
/// KlusCV needs a verification link, so the export makes one (30 days, listed with the worker's
/// other links, revocable), and says so.
public struct PassportExport: Sendable {
    let sharing: Sharing
    let careerData: CareerData.Snapshot?

    public func files(worker: WorkerID, lang: Lang = .nl) async throws -> [ExportFile] {
        let database = sharing.database, now = sharing.dependencies.now()
        guard let user = try await UserModel.find(worker.uuid, on: database) else { throw ConfigError("no account with id \(worker)") }
        let rows = try await sharing.passports.records(worker: worker)
        let records: [JSONValue] = rows.map { row in
            var members: [String: JSONValue] = [
                "source": .string(row.isVerified ? "verified" : "self-declared"),
                "record": (try? JSONValue.parse(row.recordJSON)) ?? .null,
                "addedAt": .string(Timestamp.format(row.createdAt)),
            ]
            if let id = row.credentialID { members["credentialId"] = .string(id) }
            if let issuer = row.issuerID { members["issuer"] = .string("urn:uuid:\(issuer)") }
            if let revoked = row.revokedAt { members["revokedAt"] = .string(Timestamp.format(revoked)) }
            return .object(members)
        }
        let passport = JSONValue.object([
            "standard": .string(WorkCredential.schemaID),
            "exportedAt": .string(Timestamp.format(now)),
            "records": .array(records),
        ])
        let tokens = rows.compactMap(\.token).joined(separator: "\n")
        let account = JSONValue.object([
            "id": .string(worker.string), "name": .string(user.name), "email": .string(user.email),
            "role": .string(user.role), "createdAt": .string(Timestamp.format(user.createdAt)),
        ])
        var files = [ExportFile(name: "account.json", bytes: Data((account.serialized() + "\n").utf8))]
        var pdfNote: String?
        if !rows.isEmpty {
            let share = try await sharing.create(worker: worker, label: "Export", recordIDs: rows.map(\.id), showEarnings: false, days: 30)
            let view = try await sharing.view(share)
            files.append(ExportFile(name: "kluscv.pdf", bytes: try sharing.kluscv(view, lang)))
            pdfNote = sharing.url(share)
        }
        var shares: [JSONValue] = []
        for share in try await sharing.shares.shares(worker: worker) {
            var members: [String: JSONValue] = [
                "url": .string(sharing.url(share)), "label": .string(share.label), "showEarnings": .bool(share.showEarnings),
                "createdAt": .string(Timestamp.format(share.createdAt)), "expiresAt": .string(Timestamp.format(share.expiresAt)),
                "records": .array(try await sharing.shares.records(shareID: share.id).map { .string($0.id) }),
                "openedAt": .array(try await sharing.shares.opens(shareID: share.id, limit: 1000).map { .string(Timestamp.format($0)) }),
            ]
            if let revoked = share.revokedAt { members["revokedAt"] = .string(Timestamp.format(revoked)) }
            shares.append(.object(members))
        }
        files.append(ExportFile(name: "shares.json", bytes: Data((JSONValue.array(shares).serialized() + "\n").utf8)))
        let leermiles = try await LeermilesOverview.load(
            worker: worker.string, lang: lang, database: database, now: now,
            careerData: careerData)
        if !leermiles.postings.isEmpty {
            for year in leermiles.statementYears.reversed() {
                let csv = LeermilesStatementFiles.csv(LeermilesStatementFiles.statement(leermiles, year: year), leermiles, lang: lang)
                files.append(ExportFile(name: "leermiles-\(year).csv", bytes: Data(csv.utf8)))
            }
        }
        if let pdfNote {
            files.append(
                ExportFile(
                    name: "README.txt",
                    bytes: Data(
                        lang.t(
                            "Je gegevens uit Loopbrug.\naccount.json: je account\npassport.json: al je werk\ncredentials.jsonl: de ondertekende bewijzen, zoals de platforms ze gaven\nshares.json: je links\nleermiles-JAAR.csv: je leermiles per jaar\nkluscv.pdf: je KlusCV. De QR-code wijst naar \(pdfNote); die link werkt 30 dagen en je kunt hem intrekken bij Delen.\n",
                            "Your data from Loopbrug.\naccount.json: your account\npassport.json: all your work\ncredentials.jsonl: the signed credentials, as the platforms issued them\nshares.json: your links\nleermiles-YEAR.csv: your leermiles per year\nkluscv.pdf: your KlusCV. Its QR code points to \(pdfNote); that link works for 30 days and you can revoke it under Share.\n"
                        ).utf8)))
        }
        return files + [
            ExportFile(name: "passport.json", bytes: Data((passport.serialized() + "\n").utf8)),
            ExportFile(name: "credentials.jsonl", bytes: Data((tokens.isEmpty ? "" : tokens + "\n").utf8)),
        ]
    }
}
