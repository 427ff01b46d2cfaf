import Days
import Fluent
import Foundation
import Identifiers
import Passport
import SQLKit
import SQLiteNIO

/// Work records: storing an import, reading a passport, revoking and removing.
extension PassportStore {
    /// Stores records and new subject links together, in one transaction.
    public func insertRecords(_ rows: [PassportRecordRow], links: [(issuer: String, subject: String, worker: String)], now: Date) async throws {
        try await database.writeTransaction { db in
            let store = PassportStore(database: db)
            try await store.insertLinks(links, now: now)
            try await store.insertRows(rows)
        }
    }

    /// Writes passport rows (no transaction of its own: call it inside one).
    func insertRows(_ rows: [PassportRecordRow]) async throws {
        if let sqlite = database as? any SQLiteDatabase {
            try await sqlite.insertRows("passport_records", PassportRecordRow.columns, rows.map(\.sqliteValues))
        } else {
            try await sql.insertRows("passport_records", PassportRecordRow.columns, rows.map(\.values))
        }
    }

    func insertLinks(_ links: [(issuer: String, subject: String, worker: String)], now: Date) async throws {
        try await sql.insertRows("subject_links", ["issuer_id", "subject_id", "worker_id", "created_at"], links.map { [$0.issuer, $0.subject, $0.worker, now] })
    }

    /// Which of these credential ids are stored already.
    public func existingCredentialIDs(_ ids: [String]) async throws -> Set<String> {
        var found = Set<String>()
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            for row in try await sql.select().column("credential_id").from("passport_records").where("credential_id", .in, chunk).all() {
                found.insert(try row.decode(column: "credential_id", as: String.self))
            }
        }
        return found
    }

    /// Status entries in use: issuer → list → indices.
    public func usedStatusIndices(issuerID: String, list: Int) async throws -> Set<Int> {
        Set(
            try await sql.select().column("status_index").from("passport_records")
                .where("issuer_id", .equal, issuerID).where("status_list", .equal, list).all()
                .map { try $0.decode(column: "status_index", as: Int.self) })
    }

    /// A record's `hours` read by the database's own JSON functions, so records need not travel
    /// as JSON to be summed or checked.
    static func recordHours(_ sql: any SQLDatabase) -> String {
        sql.dialect.name == "postgresql" ? "(record_json::jsonb ->> 'hours')::double precision" : "json_extract(record_json, '$.hours')"
    }

    /// The hours of each worker's issued, unrevoked records over their periods: what a new
    /// record's hours must fit beside (`DailyHours`). 500 workers per query.
    func hourSpans(workers: [String], today: Day) async throws -> [String: [DailyHours.Span]] {
        let hours = Self.recordHours(sql)
        var out: [String: [DailyHours.Span]] = [:]
        for start in stride(from: 0, to: workers.count, by: 500) {
            let chunk = workers[start..<min(start + 500, workers.count)]
            let rows = try await sql.raw(
                """
                SELECT worker_id, period_start, period_end, \(unsafeRaw: hours) AS hours FROM passport_records
                WHERE source = 'issued' AND revoked_at IS NULL AND worker_id IN (\(SQLList(chunk.map { SQLBind($0) })))
                """
            ).all()
            for row in rows {
                guard let start = Day(iso: try row.decode(column: "period_start", as: String.self)),
                    let span = DailyHours.Span(
                        start: start, end: try row.decode(column: "period_end", as: String?.self).flatMap { Day(iso: $0) },
                        hours: try row.decode(column: "hours", as: Double?.self), today: today)
                else { continue }
                out[try row.decode(column: "worker_id", as: String.self), default: []].append(span)
            }
        }
        return out
    }

    public func revokedIndices(issuerID: String, list: Int) async throws -> [Int] {
        try await sql.select().column("status_index").from("passport_records")
            .where("issuer_id", .equal, issuerID).where("status_list", .equal, list).where("revoked_at", .isNot, SQLLiteral.null).all()
            .map { try $0.decode(column: "status_index", as: Int.self) }
    }

    /// Every revoked status entry (revocations are few; the verifier checks membership).
    public func allRevokedEntries() async throws -> Set<StatusEntry> {
        Set(
            try await sql.select().columns("issuer_id", "status_list", "status_index").from("passport_records")
                .where("revoked_at", .isNot, SQLLiteral.null).where("issuer_id", .isNot, SQLLiteral.null).all()
                .map {
                    StatusEntry(
                        issuerID: try $0.decode(column: "issuer_id", as: String.self),
                        list: try $0.decode(column: "status_list", as: Int.self),
                        index: try $0.decode(column: "status_index", as: Int.self))
                })
    }

    public func records(worker: WorkerID) async throws -> [PassportRecordRow] {
        try await sql.select().columns(PassportRecordRow.columns.map { SQLColumn($0) }).from("passport_records")
            .where("worker_id", .equal, worker.string)
            .orderBy("period_start", .descending)
            .all(decoding: PassportRecordRow.self, with: Self.decoder)
    }

    /// The unrevoked records of the workers who chose to be found by employers, by worker: one
    /// join (the competence search once ran one query per worker).
    func recordsOfSearchableWorkers() async throws -> [String: [PassportRecordRow]] {
        let rows = try await sql.select().columns(PassportRecordRow.columns.map { SQLColumn($0, table: "passport_records") })
            .from("passport_records")
            .join("work_wishes", on: SQLColumn("worker_id", table: "work_wishes"), .equal, SQLColumn("worker_id", table: "passport_records"))
            .where(SQLColumn("searchable", table: "work_wishes"), .equal, SQLBind(true))
            .where(SQLColumn("revoked_at", table: "passport_records"), .is, SQLLiteral.null)
            .orderBy(SQLOrderBy(expression: SQLColumn("period_start", table: "passport_records"), direction: SQLDirection.descending))
            .all(decoding: PassportRecordRow.self, with: Self.decoder)
        return Dictionary(grouping: rows) { (row: PassportRecordRow) in row.workerID }
    }

    public func record(credentialID: String) async throws -> PassportRecordRow? {
        try await sql.select().columns(PassportRecordRow.columns.map { SQLColumn($0) }).from("passport_records")
            .where("credential_id", .equal, credentialID.lowercased())
            .first(decoding: PassportRecordRow.self, with: Self.decoder)
    }

    /// Marks a credential of this issuer revoked; returns the worker it was for, nil when the
    /// issuer has no such credential.
    public func revoke(issuerID: String, credentialID: String, now: Date) async throws -> String? {
        try await sql.update("passport_records").set("revoked_at", to: SQLBind(now))
            .where("issuer_id", .equal, issuerID).where("credential_id", .equal, credentialID.lowercased())
            .returning("worker_id").first()?.decode(column: "worker_id", as: String.self)
    }

    public func deleteSelfDeclared(id: String, worker: WorkerID) async throws -> Bool {
        let rows = try await sql.delete(from: "passport_records").where("id", .equal, id)
            .where("worker_id", .equal, worker.string).where("source", .equal, "self")
            .returning("id").all()
        return !rows.isEmpty
    }
}
