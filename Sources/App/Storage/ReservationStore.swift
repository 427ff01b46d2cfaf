import Fluent
import Foundation
import Leermiles
import SQLKit

/// A reservation as stored: points set aside for one course.
public struct ReservationRow: Sendable, Equatable {
    public let id: String
    public let worker: String
    public let courseID: String
    public let amount: Miles
    public let state: ReservationState
    public let createdAt: Date

    /// What the audit needs of it.
    public var stored: LedgerAudit.StoredReservation { .init(id: id, worker: worker, amount: amount, state: state) }
}

/// Why a reservation step was refused: typed, so every page says it in its own language
/// (`LeermilesText.refusal`); `description` is the English for the command line and logs.
public enum ReservationProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case badID
    case idUsedElsewhere(String)
    case amount(Spending.Problem)
    case notFound(String)
    /// The reservation is in `state` and cannot take the step to `to` (or is there already).
    case wrongState(String, state: ReservationState, to: ReservationState)
    case catalogueNotLoaded
    case unknownCourse(String)
    case freeCourse(String)
    case noCourseChosen
    case formIncomplete

    /// The field the problem is about, as the command line names it.
    public var field: String {
        switch self {
        case .badID, .idUsedElsewhere: "id"
        case .amount: "amount"
        case .notFound, .wrongState: "reservation"
        case .catalogueNotLoaded, .unknownCourse, .freeCourse, .noCourseChosen: "course"
        case .formIncomplete: "request"
        }
    }

    public var description: String {
        let reason =
            switch self {
            case .badID: "must be 1 to 100 characters without ':'"
            case .idUsedElsewhere(let id): "\(id) is already used for another reservation"
            case .amount(let problem): problem.reason
            case .notFound(let id): "\(id) does not exist"
            case .wrongState(let id, let state, let to):
                state == to ? "\(id) is already \(to.words)" : "\(id) is \(state.words), so it cannot become \(to.words)"
            case .catalogueNotLoaded: "the course catalogue is not loaded"
            case .unknownCourse(let id): "\(id) is not in the course catalogue"
            case .freeCourse(let id): "\(id) is free: it needs no leermiles"
            case .noCourseChosen: "no course was chosen"
            case .formIncomplete: "the form is incomplete; open the page again"
            }
        return "\(field): \(reason)"
    }
}

/// Reservations and their postings, each step one transaction: the row and the postings are
/// written together or not at all, and a step only happens from the state it expects (so two
/// settles at once settle once).
public struct ReservationStore: Sendable {
    let database: any Database

    public init(database: any Database) { self.database = database }

    /// Sets points aside for a course. The same id again with the same worker and course is a
    /// repeat and returns the reservation made the first time.
    public func reserve(
        id: String, worker: String, courseID: String, price: Miles, forShortageOccupation: Bool,
        pots: [String: Spending.PotTerms], cause: String, now: Date
    ) async throws -> (reservation: ReservationRow, repeated: Bool) {
        guard !id.isEmpty, id.utf8.count <= 100, !id.contains(":") else { throw ReservationProblem.badID }
        return try await database.writeTransaction { db in
            let sql = db.sql
            // Written first, so SQLite takes its write lock before the balances are read.
            let inserted = try await sql.raw(
                """
                INSERT INTO ledger_reservations (id, worker_id, course_id, amount, state, created_at, updated_at)
                VALUES (\(bind: id), \(bind: worker), \(bind: courseID), \(bind: price.hundredths), 'open', \(bind: now), \(bind: now))
                ON CONFLICT DO NOTHING RETURNING id
                """
            ).all()
            guard !inserted.isEmpty else {
                let earlier = try await Self.reservation(id: id, on: sql)!
                guard earlier.worker == worker, earlier.courseID == courseID else { throw ReservationProblem.idUsedElsewhere(id) }
                return (earlier, true)
            }
            let plan: Spending.Plan
            switch Spending.plan(
                amount: price, balances: try await LedgerStore.accounts(worker: worker, on: sql, lock: true), pots: pots,
                forShortageOccupation: forShortageOccupation)
            {
            case .success(let p): plan = p
            case .failure(let problem): throw ReservationProblem.amount(problem)
            }
            if plan.needsApproval {
                try await sql.update("ledger_reservations").set("state", to: SQLBind(ReservationState.awaitingApproval.rawValue))
                    .where("id", .equal, id).run()
            }
            for leg in plan.legs {
                _ = try await LedgerStore.write(
                    Posting(
                        key: "reserve:\(id):\(leg.account)", from: leg.account, to: .reserved(worker), amount: leg.amount,
                        reason: .reserve, cause: cause, at: now, reservation: id), on: sql)
            }
            return (ReservationRow(id: id, worker: worker, courseID: courseID, amount: price, state: plan.needsApproval ? .awaitingApproval : .open, createdAt: now), false)
        }
    }

    /// A coach or the fund approves: awaiting approval → open.
    public func approve(id: String, cause: String, now: Date) async throws -> ReservationRow {
        try await database.writeTransaction { db in
            let sql = db.sql
            return try await Self.change(id, from: [.awaitingApproval], to: .open, now: now, on: sql)
        }
    }

    /// The course is completed: the points go to the course providers.
    public func settle(id: String, cause: String, now: Date) async throws -> ReservationRow {
        try await database.writeTransaction { db in
            let sql = db.sql
            let row = try await Self.change(id, from: [.open], to: .settled, now: now, on: sql)
            _ = try await LedgerStore.write(
                Posting(
                    key: "settle:\(id)", from: .reserved(row.worker), to: .providers, amount: row.amount, reason: .settle,
                    cause: cause, at: now, reservation: id), on: sql)
            return row
        }
    }

    /// A fund refuses a request that awaits its approval. Only from that state, checked in the
    /// same statement that changes it: an approval and a refusal at once cannot both succeed.
    public func refuse(id: String, cause: String, now: Date) async throws -> ReservationRow {
        try await release(id: id, cause: cause, now: now, from: [.awaitingApproval])
    }

    /// Cancelled or refused: every point goes back to the account it came from.
    public func release(id: String, cause: String, now: Date, from: [ReservationState] = [.awaitingApproval, .open]) async throws -> ReservationRow {
        try await database.writeTransaction { db in
            let sql = db.sql
            let row = try await Self.change(id, from: from, to: .released, now: now, on: sql)
            let legs = try await Self.legs(of: row, on: sql)
            for leg in legs {
                _ = try await LedgerStore.write(
                    Posting(
                        key: "release:\(id):\(leg.from)", from: .reserved(row.worker), to: leg.from, amount: leg.amount,
                        reason: .release, cause: cause, at: now, reservation: id), on: sql)
            }
            return row
        }
    }

    public func reservations(worker: String) async throws -> [ReservationRow] {
        let sql = database.sql
        return try await sql.select().columns(Self.columns.map { SQLColumn($0) }).from("ledger_reservations").where("worker_id", .equal, worker)
            .orderBy("created_at", .descending).all().map(Self.decode)
    }

    public func reservation(id: String) async throws -> ReservationRow? {
        try await Self.reservation(id: id, on: database.sql)
    }

    // MARK: - SQL

    static let columns = ["id", "worker_id", "course_id", "amount", "state", "created_at"]

    static func reservation(id: String, on sql: any SQLDatabase) async throws -> ReservationRow? {
        try await sql.select().columns(columns.map { SQLColumn($0) }).from("ledger_reservations").where("id", .equal, id).first().map(decode)
    }

    static func decode(_ row: any SQLRow) throws -> ReservationRow {
        let id = try row.decode(column: "id", as: String.self)
        guard let state = ReservationState(rawValue: try row.decode(column: "state", as: String.self)) else {
            throw LedgerStoreError("reservation \(id) has an unknown state")
        }
        return ReservationRow(
            id: id, worker: try row.decode(column: "worker_id", as: String.self), courseID: try row.decode(column: "course_id", as: String.self),
            amount: Miles(hundredths: try row.decode(column: "amount", as: Int64.self)), state: state,
            createdAt: try row.decode(column: "created_at", as: Date.self))
    }

    /// The postings that set a reservation's points aside. Found by the reservation account they
    /// go to (indexed, a handful per worker) rather than by reservation id, which has no index:
    /// one would cost every spend posting another index entry.
    static func legs(of row: ReservationRow, on sql: any SQLDatabase) async throws -> [Posting] {
        try await sql.select().columns(LedgerStore.postingColumns.map { SQLColumn($0) }).from("ledger_postings")
            .where("to_account", .equal, AccountID.reserved(row.worker).description).where("reservation", .equal, row.id)
            .where("reason", .equal, PostingReason.reserve.rawValue).orderBy("seq").all().map(LedgerStore.decode)
    }

    /// Moves a reservation from one of `from` to `to`, or says which state it is in.
    static func change(_ id: String, from: [ReservationState], to: ReservationState, now: Date, on sql: any SQLDatabase) async throws -> ReservationRow {
        let changed = try await sql.update("ledger_reservations").set("state", to: SQLBind(to.rawValue)).set("updated_at", to: SQLBind(now))
            .where("id", .equal, id).where("state", .in, from.map(\.rawValue)).returning("id").all()
        guard let row = try await reservation(id: id, on: sql) else { throw ReservationProblem.notFound(id) }
        guard !changed.isEmpty else {
            throw ReservationProblem.wrongState(id, state: row.state, to: to)
        }
        return row
    }
}
