import Days
import Fluent
import Foundation
import Leermiles
import SQLKit

/// What earns leermiles, as stored: the accrual rules, converted leave hours, the workers who get
/// the top-up, and the verified work in the passport.
public struct LeermilesStore: Sendable {
    let database: any Database
    var sql: any SQLDatabase { database.sql }

    public init(database: any Database) { self.database = database }

    // MARK: rules

    public func rules() async throws -> [AccrualRule] {
        try await sql.select().columns("id", "kind", "rate", "every", "funder", "from_day", "until_day", "restriction", "requires_approval")
            .from("leermiles_rules").orderBy("from_day").orderBy("id").all().map { row in
                let id = try row.decode(column: "id", as: String.self)
                func bad(_ what: String) -> LedgerStoreError { LedgerStoreError("leermiles_rules row \(id): \(what) does not parse") }
                let every = try row.decode(column: "every", as: String?.self)
                let recurrence = try every.map { try AccrualRule.Recurrence(rawValue: $0) ?? { throw bad("every") }() }
                guard
                    let kind = AccrualRule.Kind(
                        name: try row.decode(column: "kind", as: String.self),
                        rate: Miles(hundredths: try row.decode(column: "rate", as: Int64.self)), every: recurrence)
                else { throw bad("kind") }
                guard let from = Day(iso: try row.decode(column: "from_day", as: String.self)) else { throw bad("from_day") }
                let until = try row.decode(column: "until_day", as: String?.self)
                let restriction = try row.decode(column: "restriction", as: String?.self)
                return AccrualRule(
                    id: id, kind: kind, funder: try row.decode(column: "funder", as: String.self), from: from,
                    until: try until.map { try Day(iso: $0) ?? { throw bad("until_day") }() },
                    restriction: try restriction.map { try AccrualRule.Restriction(rawValue: $0) ?? { throw bad("restriction") }() },
                    requiresApproval: try row.decode(column: "requires_approval", as: Bool.self))
            }
    }

    /// Adds a rule when it fits with every stored rule; otherwise throws `RuleProblems` and stores nothing.
    public func addRule(_ rule: AccrualRule, now: Date) async throws {
        try await database.writeTransaction { db in
            let store = LeermilesStore(database: db)
            let problems = AccrualRules.problems(try await store.rules() + [rule]).filter { $0.rule == rule.id }
            guard problems.isEmpty else { throw RuleProblems(problems: problems) }
            try await store.sql.insert(into: "leermiles_rules")
                .columns("id", "kind", "rate", "every", "funder", "from_day", "until_day", "restriction", "requires_approval", "created_at")
                .values(
                    SQLBind(rule.id), SQLBind(rule.kind.name), SQLBind(rule.kind.rate.hundredths), SQLBind(rule.kind.every?.rawValue),
                    SQLBind(rule.funder), SQLBind(rule.from.description), SQLBind(rule.until?.description), SQLBind(rule.restriction?.rawValue),
                    SQLBind(rule.requiresApproval), SQLBind(now)
                )
                .run()
        }
    }

    // MARK: facts

    /// Records converted leave hours; the same id again is refused.
    public func addLeave(_ leave: LeaveConversion, now: Date) async throws {
        let inserted = try await sql.insert(into: "leermiles_leave").columns("id", "worker_id", "hours", "on_day", "created_at")
            .values(SQLBind(leave.id), SQLBind(leave.worker), SQLBind(leave.hours), SQLBind(leave.on.description), SQLBind(now))
            .ignoringConflicts().returning("id").all()
        guard !inserted.isEmpty else { throw LedgerStoreError("leave conversion \(leave.id) was recorded before") }
    }

    /// Marks whether a worker has no starting qualification (and so gets the yearly top-up).
    public func setWithoutStartingQualification(worker: String, _ without: Bool, now: Date) async throws {
        if without {
            try await sql.insert(into: "leermiles_top_up").columns("worker_id", "created_at").values(SQLBind(worker), SQLBind(now))
                .ignoringConflicts().run()
        } else {
            try await sql.delete(from: "leermiles_top_up").where("worker_id", .equal, worker).run()
        }
    }

    /// Everything the accrual rules pay for: everyone's, or only these workers'.
    public func facts(workers: Set<String>? = nil) async throws -> Accrual.Facts {
        var facts = Accrual.Facts()
        facts.work = try await verifiedWork(workers: workers)
        for chunk in Self.chunks(workers) {
            var leave = sql.select().columns("id", "worker_id", "hours", "on_day").from("leermiles_leave")
            var topUp = sql.select().column("worker_id").from("leermiles_top_up")
            if let chunk {
                leave = leave.where("worker_id", .in, chunk)
                topUp = topUp.where("worker_id", .in, chunk)
            }
            for row in try await leave.all() {
                let id = try row.decode(column: "id", as: String.self)
                guard let on = Day(iso: try row.decode(column: "on_day", as: String.self)) else { throw LedgerStoreError("leermiles_leave row \(id): on_day does not parse") }
                facts.leave.append(
                    LeaveConversion(
                        id: id, worker: try row.decode(column: "worker_id", as: String.self),
                        hours: try row.decode(column: "hours", as: Double.self), on: on))
            }
            for row in try await topUp.all() { facts.withoutStartingQualification.insert(try row.decode(column: "worker_id", as: String.self)) }
        }
        return facts
    }

    /// Passport records that earn points: signed by an issuer (not self-declared) and not revoked.
    /// The hours come out of the stored record by the database's own JSON functions, so a million
    /// records need not travel as JSON.
    public func verifiedWork(workers: Set<String>? = nil) async throws -> [VerifiedWork] {
        let hours = PassportStore.recordHours(sql)
        var out: [VerifiedWork] = []
        for chunk in Self.chunks(workers) {
            let only = chunk.map { SQLQueryString("AND worker_id IN (\(SQLList($0.map { SQLBind($0) })))") } ?? SQLQueryString("")
            let rows = try await sql.raw(
                """
                SELECT id, worker_id, issuer_id, period_start, period_end, \(unsafeRaw: hours) AS hours FROM passport_records
                WHERE source = 'issued' AND issuer_id IS NOT NULL AND revoked_at IS NULL \(only) ORDER BY id
                """
            ).all()
            out.reserveCapacity(out.count + rows.count)
            for row in rows {
                let id = try row.decode(column: "id", as: String.self)
                guard let start = Day(iso: try row.decode(column: "period_start", as: String.self)) else {
                    throw LedgerStoreError("passport record \(id): period_start is not a day")
                }
                let endText = try row.decode(column: "period_end", as: String?.self)
                let end = endText.flatMap { Day(iso: $0) }
                if endText != nil && end == nil { throw LedgerStoreError("passport record \(id): period_end is not a day") }
                out.append(
                    VerifiedWork(
                        recordID: id, worker: try row.decode(column: "worker_id", as: String.self),
                        issuer: try row.decode(column: "issuer_id", as: String.self),
                        hours: try row.decode(column: "hours", as: Double?.self), start: start, end: end))
            }
        }
        return out
    }

    /// Issued records that were revoked (everyone's, or these workers'): what they earned is taken back.
    public func revokedWork(workers: Set<String>? = nil) async throws -> [String] {
        var out: [String] = []
        for chunk in Self.chunks(workers) {
            var query = sql.select().column("id").from("passport_records").where("source", .equal, "issued").where("revoked_at", .isNot, SQLLiteral.null)
            if let chunk { query = query.where("worker_id", .in, chunk) }
            out += try await query.orderBy("id").all().map { try $0.decode(column: "id", as: String.self) }
        }
        return out
    }

    /// Everyone (one nil chunk) or the given workers, 500 at a time for `IN (…)`.
    static func chunks(_ workers: Set<String>?) -> [[String]?] {
        guard let workers else { return [nil] }
        let sorted = workers.sorted()
        return stride(from: 0, to: sorted.count, by: 500).map { Array(sorted[$0..<min($0 + 500, sorted.count)]) }
    }
}

/// Every reason a rule was refused.
public struct RuleProblems: Error, CustomStringConvertible {
    public let problems: [RuleProblem]
    public var description: String { problems.map(\.description).joined(separator: "; ") }
}
