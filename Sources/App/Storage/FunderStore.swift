import Fluent
import Foundation
import Identifiers
import Insight
import Leermiles
import SQLKit

/// Funders as people see them: their names, the accounts that act for them, the workers who let
/// them see their courses, and the figures a funder may see of its own points.
///
/// Sums are cast to BIGINT: PostgreSQL's SUM of a bigint is a numeric, which does not decode as Int64.
public struct FunderStore: Sendable {
    let database: any Database
    var sql: any SQLDatabase { database.sql }

    public init(database: any Database) { self.database = database }

    public struct Funder: Sendable, Equatable {
        public let id: String
        public let name: String
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    // MARK: names and members

    /// Adds a funder or renames it.
    public func save(_ funder: Funder, now: Date) async throws {
        try await sql.raw(
            """
            INSERT INTO leermiles_funders (id, name, created_at) VALUES (\(bind: funder.id), \(bind: funder.name), \(bind: now))
            ON CONFLICT (id) DO UPDATE SET name = excluded.name
            """
        ).run()
    }

    public func addMember(user: UserID, funder: String, now: Date) async throws {
        try await sql.insert(into: "leermiles_funder_members").columns("user_id", "funder_id", "created_at")
            .values(SQLBind(user.string), SQLBind(funder), SQLBind(now)).ignoringConflicts().run()
    }

    /// The funders this account acts for, by name.
    public func funders(member user: UserID) async throws -> [Funder] {
        let ids = try await sql.select().column("funder_id").from("leermiles_funder_members").where("user_id", .equal, user.string).all()
            .map { try $0.decode(column: "funder_id", as: String.self) }
        let names = try await self.names(Set(ids))
        return ids.map { Funder(id: $0, name: names[$0] ?? $0) }.sorted { $0.name < $1.name }
    }

    /// Display names: the funders table first, then issuers (an employer's contribution is paid by
    /// its issuer id); an id without either keeps the id.
    public func names(_ ids: Set<String>) async throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        var out: [String: String] = [:]
        for row in try await sql.select().columns("id", "name").from("issuers").where("id", .in, Array(ids)).all() {
            out[try row.decode(column: "id", as: String.self)] = try row.decode(column: "name", as: String.self)
        }
        for row in try await sql.select().columns("id", "name").from("leermiles_funders").where("id", .in, Array(ids)).all() {
            out[try row.decode(column: "id", as: String.self)] = try row.decode(column: "name", as: String.self)
        }
        return out
    }

    // MARK: consent

    public func consents(worker: String) async throws -> Bool {
        try await sql.select().column("worker_id").from("leermiles_consent").where("worker_id", .equal, worker).first() != nil
    }

    public func setConsent(worker: String, _ consent: Bool, now: Date) async throws {
        if consent {
            try await sql.insert(into: "leermiles_consent").columns("worker_id", "created_at").values(SQLBind(worker), SQLBind(now)).ignoringConflicts().run()
        } else {
            try await sql.delete(from: "leermiles_consent").where("worker_id", .equal, worker).run()
        }
    }

    // MARK: a funder's own figures

    /// What a funder paid, per reason: postings, distinct workers and points (reversals subtract).
    public struct Given: Sendable, Equatable {
        public let reason: PostingReason
        public let postings: Int
        public let workers: PublishedCount
        public let amount: Miles
    }

    /// Counted in SQL per worker, not per account: a funder pays into a worker's free points or
    /// into its own pot there, and `owner` maps both to the worker, so a count never looks bigger
    /// than the people behind it. It reads every posting the funder made, so a large fund waits
    /// seconds (docs/benchmarks.md, issue 6, run 3).
    public func given(funder: String) async throws -> (byReason: [Given], workers: PublishedCount) {
        let account = AccountID.funder(funder).description
        let byReason = try await sql.raw(
            """
            SELECT reason, COUNT(*) AS n, COUNT(DISTINCT \(Self.owner("to_account", funder))) AS workers, CAST(SUM(amount) AS BIGINT) AS total
            FROM ledger_postings WHERE from_account = \(bind: account) GROUP BY reason
            """
        ).all().compactMap { row -> Given? in
            guard let reason = PostingReason(rawValue: try row.decode(column: "reason", as: String.self)) else { return nil }
            return Given(
                reason: reason, postings: try row.decode(column: "n", as: Int.self), workers: PublishedCount(try row.decode(column: "workers", as: Int.self)),
                amount: Miles(hundredths: try row.decode(column: "total", as: Int64.self)))
        }.sorted { $0.amount > $1.amount }
        // One reason: its people are everyone; several: the people of all of them, counted once.
        guard byReason.count > 1 else { return (byReason, byReason.first?.workers ?? PublishedCount(0)) }
        let everyone = try await sql.raw(
            """
            SELECT COUNT(DISTINCT \(Self.owner("to_account", funder))) AS n FROM ledger_postings WHERE from_account = \(bind: account)
            """
        ).first()
        return (byReason, PublishedCount(try everyone?.decode(column: "n", as: Int.self) ?? 0))
    }

    /// Points a funder got back through reversals.
    public func reversed(funder: String) async throws -> Miles {
        let row = try await sql.raw(
            """
            SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) AS total FROM ledger_postings WHERE to_account = \(bind: AccountID.funder(funder).description) AND reason = 'reversal'
            """
        ).first()
        return Miles(hundredths: try row?.decode(column: "total", as: Int64.self) ?? 0)
    }

    /// Points from this funder's pots set aside for courses: per state of the reservation, and per
    /// course for the ones reserved or paid. Each count of people is a distinct count in SQL for
    /// exactly the group shown: adding up groups would count a person with two courses twice, and
    /// could lift a group of fewer than 10 people over the line. A course is named only when at
    /// least 10 people used the funder's points for it: otherwise one could tell who takes it.
    public struct PotUse: Sendable, Equatable {
        public struct Group: Sendable, Equatable {
            public let workers: PublishedCount
            public let amount: Miles
        }
        public var byState: [ReservationState: Group] = [:]
        /// Reserved or paid, for courses of 10 people or more.
        public var byCourse: [String: Group] = [:]
        /// Reserved or paid courses left out of `byCourse` because fewer than 10 people took them.
        public var unnamedCourses = 0
        public var isEmpty: Bool { byState.isEmpty }
    }

    public func potUse(funder: String) async throws -> PotUse {
        func groups(by column: String, only states: [ReservationState]? = nil) async throws -> [(key: String, group: PotUse.Group)] {
            let filter = states.map { SQLQueryString("AND r.state IN (\(SQLList($0.map { SQLBind($0.rawValue) })))") } ?? SQLQueryString("")
            return try await sql.raw(
                """
                SELECT r.\(unsafeRaw: column) AS k, COUNT(DISTINCT r.worker_id) AS workers, CAST(SUM(p.amount) AS BIGINT) AS total
                FROM ledger_reservations r JOIN ledger_postings p ON \(Self.legs("r", "p"))
                WHERE p.reason = 'reserve' AND \(Self.fromPot("p", funder)) \(filter)
                GROUP BY r.\(unsafeRaw: column)
                """
            ).all().map { row in
                (
                    try row.decode(column: "k", as: String.self),
                    PotUse.Group(workers: PublishedCount(try row.decode(column: "workers", as: Int.self)), amount: Miles(hundredths: try row.decode(column: "total", as: Int64.self)))
                )
            }
        }
        var use = PotUse()
        for (key, group) in try await groups(by: "state") {
            if let state = ReservationState(rawValue: key) { use.byState[state] = group }
        }
        for (course, group) in try await groups(by: "course_id", only: [.open, .settled]) {
            if group.workers.isHidden { use.unnamedCourses += 1 } else { use.byCourse[course] = group }
        }
        return use
    }

    /// A reservation waiting for this funder's approval: what it is for and how much of it comes from the funder's pot.
    public struct Waiting: Sendable, Equatable {
        public let reservation: ReservationRow
        public let fromPot: Miles
    }

    public func awaitingApproval(funder: String) async throws -> [Waiting] {
        let rows = try await sql.raw(
            """
            SELECT r.id AS id, CAST(SUM(p.amount) AS BIGINT) AS from_pot FROM ledger_reservations r JOIN ledger_postings p ON \(Self.legs("r", "p"))
            WHERE r.state = 'awaiting_approval' AND p.reason = 'reserve' AND \(Self.fromPot("p", funder))
            GROUP BY r.id ORDER BY r.id
            """
        ).all()
        var out: [Waiting] = []
        for row in rows {
            let id = try row.decode(column: "id", as: String.self)
            guard let reservation = try await ReservationStore.reservation(id: id, on: sql) else { continue }
            out.append(Waiting(reservation: reservation, fromPot: Miles(hundredths: try row.decode(column: "from_pot", as: Int64.self))))
        }
        return out.sorted { $0.reservation.createdAt < $1.reservation.createdAt }
    }

    /// Whether any of this reservation's points come from one of these funders' pots.
    public func drawsOnPot(_ reservation: ReservationRow, funders: [String]) async throws -> Bool {
        try await ReservationStore.legs(of: reservation, on: sql).contains { $0.from.pot.map(funders.contains) ?? false }
    }

    /// The workers who consented and were paid by this funder: their names and reservations. A
    /// funder pays into a worker's free points or into its own pot there, so two exact accounts
    /// per worker are looked up on the `to_account` index; `|| ''` keeps the planner off the
    /// `from_account` index, which for a funder that pays everyone holds a million rows.
    public func consentingWorkers(funder: String) async throws -> [(name: String, reservations: [ReservationRow])] {
        let rows = try await sql.raw(
            """
            SELECT c.worker_id AS worker_id FROM leermiles_consent c
            WHERE EXISTS (SELECT 1 FROM ledger_postings p
                          WHERE p.to_account IN ('worker:' || c.worker_id, 'worker:' || c.worker_id || ':' || \(bind: funder))
                          AND p.from_account || '' = \(bind: AccountID.funder(funder).description))
            """
        ).all().map { try $0.decode(column: "worker_id", as: String.self) }
        var out: [(name: String, reservations: [ReservationRow])] = []
        let reservations = ReservationStore(database: database)
        for worker in rows {
            guard let id = UUID(uuidString: worker), let user = try await UserModel.find(id, on: database) else { continue }
            out.append((user.name, try await reservations.reservations(worker: worker)))
        }
        return out.sorted { $0.name < $1.name }
    }

    /// The worker account a funder's posting went to, without the funder's pot: "worker:ID:FUNDER"
    /// and "worker:ID" are both "worker:ID" (an id never holds ':').
    static func owner(_ column: String, _ funder: String) -> SQLQueryString {
        let suffix = ":" + funder, n = suffix.unicodeScalars.count
        return """
            CASE WHEN substr(\(unsafeRaw: column), length(\(unsafeRaw: column)) - \(literal: n) + 1) = \(bind: suffix)
            THEN substr(\(unsafeRaw: column), 1, length(\(unsafeRaw: column)) - \(literal: n)) ELSE \(unsafeRaw: column) END
            """
    }

    /// Joins a reservation (alias `r`) to its postings (alias `p`) through the reservation account
    /// they go to, which is indexed (see `ReservationStore.legs`).
    static func legs(_ r: String, _ p: String) -> SQLQueryString {
        "\(unsafeRaw: p).to_account = 'reserved:' || \(unsafeRaw: r).worker_id AND \(unsafeRaw: p).reservation = \(unsafeRaw: r).id"
    }

    /// A posting (alias `table`) that comes out of a worker's pot of this funder. Compared as a
    /// suffix, not with LIKE, so a funder id with `_` or `%` matches only itself.
    static func fromPot(_ table: String, _ funder: String) -> SQLQueryString {
        let suffix = ":" + funder
        return
            "\(unsafeRaw: table).from_account LIKE 'worker:%' AND substr(\(unsafeRaw: table).from_account, length(\(unsafeRaw: table).from_account) - \(literal: suffix.unicodeScalars.count) + 1) = \(bind: suffix)"
    }
}

extension FunderStore {
    /// Names a funder and links accounts to act for it (coaches and employers only); all or nothing.
    public func register(_ funder: Funder, memberEmails: [String], now: Date) async throws {
        guard !funder.id.isEmpty, !funder.id.contains(":"), funder.id.count <= 100 else { throw ConfigError("--id: must be 1 to 100 characters without ':'") }
        guard !funder.name.trimmingCharacters(in: .whitespaces).isEmpty, funder.name.count <= 200 else { throw ConfigError("--name: must be 1 to 200 characters") }
        try await database.writeTransaction { db in
            let store = FunderStore(database: db)
            try await store.save(funder, now: now)
            for email in memberEmails {
                guard let user = try await UserModel.query(on: db).filter(\.$email == email.lowercased()).first() else {
                    throw ConfigError("--member: no account with e-mail \(email)")
                }
                guard user.role == "coach" || user.role == "employer" else {
                    throw ConfigError("--member: \(email) is a \(user.role) account; only coach and employer accounts act for a funder")
                }
                try await store.addMember(user: UserID(try user.requireID()), funder: funder.id, now: now)
            }
        }
    }
}
