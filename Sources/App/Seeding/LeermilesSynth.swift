import Days
import Fluent
import Foundation
import Leermiles
import SQLKit
import Taxonomy

/// Synthetic verified work for the accrual benchmark and the crash test: deterministic for a
/// seed, and only ever written into a database that holds no accounts and no passport records,
/// so it can never mix with real people's data. Worker and issuer ids start with "synth-".
public enum LeermilesSynth {
    public struct Refused: Error, CustomStringConvertible {
        public let description: String
    }

    /// The rules the benchmark runs: hours, service years, a monthly employer contribution, a
    /// restricted yearly O&O-fund contribution and the top-up.
    static func rules(from: Day) -> [AccrualRule] {
        [
            AccrualRule(id: "synth-hours", kind: .workHours(perHour: Miles(hundredths: 10)), funder: "synth-werkfonds", from: from),
            AccrualRule(id: "synth-service", kind: .serviceYears(perYear: Miles(25)), funder: "synth-werkfonds", from: from),
            AccrualRule(id: "synth-employer", kind: .contribution(amount: Miles(5), every: .monthly), funder: "synth-issuer-1", from: from),
            AccrualRule(
                id: "synth-fund", kind: .contribution(amount: Miles(40), every: .yearly), funder: "synth-issuer-2", from: from,
                restriction: .shortageOccupations, requiresApproval: true),
            AccrualRule(id: "synth-top-up", kind: .topUp(perYear: Miles(100)), funder: "synth-overheid", from: from),
        ]
    }

    /// Writes `records` verified records for `workers` workers over five issuers in the last three
    /// years, and the benchmark's rules from then on; returns how many rules.
    public static func fill(database: any Database, records: Int, workers: Int, seed: UInt64, now: Date) async throws -> Int {
        let today = Day(now, in: Day.dutch)
        let start = today.adding(months: -36)
        try await Self.seed(database: database, records: records, workers: workers, seed: seed, firstDay: start, lastDay: today, now: now)
        let rules = Self.rules(from: start)
        let store = LeermilesStore(database: database)
        for rule in rules { try await store.addRule(rule, now: now) }
        return rules.count
    }

    /// The records, between `firstDay` and `lastDay`, in transactions of 50,000 rows.
    static func seed(database: any Database, records: Int, workers: Int, seed: UInt64, firstDay: Day, lastDay: Day, now: Date) async throws {
        let sql = database.sql
        let users = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("users").first()?.decode(column: "n", as: Int.self) ?? 0
        let stored = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("passport_records").first()?.decode(column: "n", as: Int.self) ?? 0
        guard users == 0, stored == 0 else {
            throw Refused(description: "synthetic records go only into an empty database; this one has \(users) accounts and \(stored) passport records")
        }
        var rng = SeededGenerator(seed: seed)
        let dayCount = max(1, firstDay.distance(to: lastDay))
        func worker(_ i: Int) -> String { "synth-" + String(i).leftPadded(7) }
        for start in stride(from: 0, to: records, by: 50_000) {
            var rows: [PassportRecordRow] = []
            for i in start..<min(start + 50_000, records) {
                let w = Int.random(in: 0..<workers, using: &rng)
                // Most workers stay with one or two platforms: the issuer follows the worker.
                let issuer = "synth-issuer-\((w + Int.random(in: 0..<2, using: &rng)) % 5 + 1)"
                let begin = firstDay.adding(days: Int.random(in: 0..<dayCount, using: &rng))
                let ongoing = Int.random(in: 0..<50, using: &rng) == 0
                let end = ongoing ? nil : min(begin.adding(days: Int.random(in: 0..<30, using: &rng)), lastDay)
                let hours = Double(Int.random(in: 2...160, using: &rng)) / 2
                let json = #"{"kind":"gig","period":{"start":"\#(begin)"\#(end.map { #","end":"\#($0)""# } ?? "")},"hours":\#(hours),"roleTitle":"Synthetic work"}"#
                rows.append(
                    PassportRecordRow(
                        id: "synth-record-" + String(i).leftPadded(8), workerID: worker(w), source: "issued", issuerID: issuer,
                        credentialID: "urn:synth:\(i)", subjectID: nil, token: nil, recordJSON: json, kind: "gig", roleTitle: "Synthetic work",
                        periodStart: begin.description, periodEnd: end?.description, statusList: nil, statusIndex: nil, validFrom: now,
                        validUntil: nil, revokedAt: nil, createdAt: now))
            }
            let batch = rows
            try await database.writeTransaction { db in try await PassportStore(database: db).insertRows(batch) }
        }
        // One worker in twenty has no starting qualification.
        let topUp = stride(from: 0, to: workers, by: 20).map { [worker($0), now] as [(any Encodable & Sendable)?] }
        try await database.writeTransaction { db in try await db.sql.insertRows("leermiles_top_up", ["worker_id", "created_at"], topUp) }
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
