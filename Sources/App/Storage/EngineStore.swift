import Engine
import Fluent
import Foundation
import Identifiers
import SQLKit

/// Reads and writes the engine's tables. Imports replace or add in one transaction: a file
/// with one bad row changes nothing.
struct EngineStore {
    let database: any Database
    var sql: any SQLDatabase { database.sql }

    // MARK: Shortage and growth

    /// The admin's file is the whole table: it replaces what was there.
    func replaceOutlook(_ entries: [OccupationOutlook]) async throws {
        try await database.writeTransaction { db in
            let sql = db.sql
            try await sql.delete(from: "occupation_outlook").run()
            try await sql.insertRows(
                "occupation_outlook", ["key", "kind", "source", "source_date", "demo"],
                entries.map { [$0.key, $0.kind.rawValue, $0.source, $0.date, $0.demo] })
        }
    }

    func loadOutlook() async throws -> [OccupationOutlook] {
        try await sql.select().columns("key", "kind", "source", "source_date", "demo").from("occupation_outlook")
            .orderBy("key").all().compactMap { r in
                guard let kind = OccupationOutlook.Kind(rawValue: try r.decode(column: "kind", as: String.self)) else { return nil }
                return OccupationOutlook(
                    key: try r.decode(column: "key", as: String.self), kind: kind,
                    source: try r.decode(column: "source", as: String.self),
                    date: try r.decode(column: "source_date", as: String.self),
                    demo: try r.decode(column: "demo", as: Bool.self))
            }
    }

    // MARK: Courses

    /// The catalogue file is the whole catalogue: it replaces what was there.
    func replaceCourses(_ courses: [Course]) async throws {
        try await database.writeTransaction { db in
            let sql = db.sql
            try await sql.delete(from: "courses").run()
            try await sql.insertRows(
                "courses",
                [
                    "id", "title", "provider", "skill_uris", "hours", "cost_eur", "format", "place_id",
                    "start_dates", "url", "demo",
                ],
                courses.map {
                    [
                        $0.id, $0.title, $0.provider, $0.skillURIs.joined(separator: "|"), $0.hours,
                        $0.costEuros, $0.format.rawValue, $0.place?.id, $0.startDates.joined(separator: "|"),
                        $0.url, $0.demo,
                    ]
                })
        }
    }

    func loadCourses(places: PlaceDirectory) async throws -> [Course] {
        try await sql.select().columns(
            "id", "title", "provider", "skill_uris", "hours", "cost_eur", "format", "place_id",
            "start_dates", "url", "demo"
        ).from("courses").orderBy("id").all().compactMap { r in
            guard let format = Course.Format(rawValue: try r.decode(column: "format", as: String.self)) else { return nil }
            return Course(
                id: try r.decode(column: "id", as: String.self), title: try r.decode(column: "title", as: String.self),
                provider: try r.decode(column: "provider", as: String.self),
                skillURIs: Self.list(try r.decode(column: "skill_uris", as: String.self)),
                hours: try r.decode(column: "hours", as: Int.self), costEuros: try r.decode(column: "cost_eur", as: Double.self),
                format: format, place: try r.decode(column: "place_id", as: Int?.self).flatMap(places.place(id:)),
                startDates: Self.list(try r.decode(column: "start_dates", as: String.self)),
                url: try r.decode(column: "url", as: String?.self), demo: try r.decode(column: "demo", as: Bool.self))
        }
    }

    // MARK: Vacancies

    /// Adds vacancies; ids already stored are refused (by line when `lines` is given), nothing is added then.
    func addVacancies(_ vacancies: [Vacancy], employerUserID: String?, now: Date, lines: [Int]? = nil) async throws -> [RowProblem] {
        try await database.writeTransaction { db -> [RowProblem] in
            let sql = db.sql
            var existing = Set<String>()
            let ids = vacancies.map(\.id)
            for start in stride(from: 0, to: ids.count, by: 500) {
                for row in try await sql.select().column("id").from("vacancies")
                    .where("id", .in, Array(ids[start..<min(start + 500, ids.count)])).all()
                {
                    existing.insert(try row.decode(column: "id", as: String.self))
                }
            }
            let problems = vacancies.indices.filter { existing.contains(vacancies[$0].id) }.map {
                RowProblem(line: lines?[$0] ?? 0, field: "id", .alreadyOnBoard(vacancies[$0].id))
            }
            guard problems.isEmpty else { return problems }
            try await sql.insertRows(
                "vacancies",
                [
                    "id", "kind", "title", "employer", "employer_user_id", "occupation_uri", "skill_uris",
                    "hours_min", "hours_max", "place_id", "contract", "start_date", "sector", "days", "created_at",
                ],
                vacancies.map { v in
                    [
                        v.id, v.kind.rawValue, v.title, v.employer, employerUserID, v.occupationURI,
                        v.skillURIs.joined(separator: "|"), v.hoursMin, v.hoursMax, v.place.id, v.contract.rawValue,
                        v.start, v.sector, Int(v.days.rawValue), now,
                    ]
                })
            return []
        }
    }

    func loadVacancies(places: PlaceDirectory, employerUserID: String? = nil) async throws -> [Vacancy] {
        var query = sql.select().columns(
            "id", "kind", "title", "employer", "occupation_uri", "skill_uris", "hours_min", "hours_max",
            "place_id", "contract", "start_date", "sector", "days"
        ).from("vacancies")
        if let employerUserID { query = query.where("employer_user_id", .equal, employerUserID) }
        return try await query.orderBy("id").all().compactMap { r in
            guard let kind = Vacancy.Kind(rawValue: try r.decode(column: "kind", as: String.self)),
                let contract = ContractType(rawValue: try r.decode(column: "contract", as: String.self)),
                let place = places.place(id: try r.decode(column: "place_id", as: Int.self))
            else { return nil }
            return Vacancy(
                id: try r.decode(column: "id", as: String.self), kind: kind, title: try r.decode(column: "title", as: String.self),
                employer: try r.decode(column: "employer", as: String.self),
                occupationURI: try r.decode(column: "occupation_uri", as: String?.self),
                skillURIs: Self.list(try r.decode(column: "skill_uris", as: String.self)),
                hoursMin: try r.decode(column: "hours_min", as: Int.self), hoursMax: try r.decode(column: "hours_max", as: Int.self),
                place: place, contract: contract, start: try r.decode(column: "start_date", as: String.self),
                sector: try r.decode(column: "sector", as: String?.self),
                days: Weekdays(rawValue: UInt8(clamping: try r.decode(column: "days", as: Int.self))))
        }
    }

    func deleteVacancy(id: String, employerUserID: String) async throws -> Bool {
        try await sql.delete(from: "vacancies").where("id", .equal, id).where("employer_user_id", .equal, employerUserID)
            .returning("id").all().count == 1
    }

    // MARK: Wishes

    func saveWishes(_ wishes: WorkWishes, searchable: Bool, worker: WorkerID, now: Date) async throws {
        try await database.writeTransaction { db in
            let sql = db.sql
            try await sql.delete(from: "work_wishes").where("worker_id", .equal, worker.string).run()
            try await sql.insert(into: "work_wishes")
                .columns("worker_id", "max_hours", "days", "max_travel_km", "home_place_id", "contracts", "avoid_sectors", "searchable", "updated_at")
                .values(
                    SQLBind(worker.string), SQLBind(wishes.maxHoursPerWeek), SQLBind(Int(wishes.days.rawValue)), SQLBind(wishes.maxTravelKm),
                    SQLBind(wishes.homePlaceID), SQLBind(wishes.contracts.map(\.rawValue).sorted().joined(separator: "|")),
                    SQLBind(wishes.avoidSectors.sorted().joined(separator: "|")), SQLBind(searchable), SQLBind(now)
                )
                .run()
        }
    }

    func wishes(worker: WorkerID) async throws -> (wishes: WorkWishes, searchable: Bool)? {
        guard let r = try await sql.select().columns("*").from("work_wishes").where("worker_id", .equal, worker.string).first() else { return nil }
        let wishes = WorkWishes(
            maxHoursPerWeek: try r.decode(column: "max_hours", as: Int.self),
            days: Weekdays(rawValue: UInt8(clamping: try r.decode(column: "days", as: Int.self))),
            maxTravelKm: try r.decode(column: "max_travel_km", as: Int.self),
            homePlaceID: try r.decode(column: "home_place_id", as: Int.self),
            contracts: Set(Self.list(try r.decode(column: "contracts", as: String.self)).compactMap(ContractType.init(rawValue:))),
            avoidSectors: Set(Self.list(try r.decode(column: "avoid_sectors", as: String.self))))
        return (wishes, try r.decode(column: "searchable", as: Bool.self))
    }

    /// Workers who opted in to the competence search.
    func searchableWorkers() async throws -> [String] {
        try await sql.select().column("worker_id").from("work_wishes").where("searchable", .equal, true).all()
            .map { try $0.decode(column: "worker_id", as: String.self) }
    }

    /// "a|b|c" → ["a", "b", "c"], split on bytes: splitting by Characters was most of the time
    /// it took to load 200,000 vacancies.
    static func list(_ joined: String) -> [String] {
        joined.utf8.split(separator: UInt8(ascii: "|")).map { String(decoding: $0, as: UTF8.self) }
    }
}
