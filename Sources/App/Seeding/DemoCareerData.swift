import Engine
import Fluent
import Foundation
import Identifiers
import SQLKit
import Vapor

/// Demo shortage rows, courses and vacancies (data/demo, every row marked demo) and the demo
/// worker's wishes, loaded through the real imports into tables that are still empty.
public enum DemoCareerData {
    /// Generated vacancies across the country beside the hand-written ones, so matching has something to sift.
    static let generatedVacancies = 2_000

    /// Returns what it loaded, for the start-up log.
    public static func seedIfEmpty(_ app: Application) async throws -> [String] {
        guard let snapshot = app.careerData.snapshot else { return [] }
        let sql = app.db.sql
        func isEmpty(_ table: String) async throws -> Bool {
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()?
                .decode(column: "n", as: Int.self) == 0
        }
        func load(_ file: String, _ run: ([UInt8]) async throws -> CareerImports.Outcome) async throws -> Int {
            let path = "\(app.config.demoDirectory)/\(file)"
            guard let data = FileManager.default.contents(atPath: path) else { throw Abort(.internalServerError, reason: "\(path) is missing") }
            switch try await run(Array(data)) {
            case .imported(let n): return n
            case .refused(let problems):
                throw Abort(.internalServerError, reason: "\(path): " + problems.prefix(3).map(\.description).joined(separator: "; "))
            }
        }
        var loaded: [String] = []
        if try await isEmpty("occupation_outlook") {
            loaded.append("\(try await load("outlook.csv") { try await app.careerImports.outlook($0) }) shortage/growth rows")
        }
        if try await isEmpty("courses") {
            loaded.append("\(try await load("courses.csv") { try await app.careerImports.courses($0) }) courses")
        }
        if try await isEmpty("vacancies") {
            let written = try await load("vacancies.csv") { try await app.careerImports.vacancies($0, employer: nil) }
            var generator = VacancyGenerator(seed: 2026, model: snapshot.engine.model, places: snapshot.places)
            let generated = (0..<generatedVacancies).map { generator.next(id: "demo-\($0 + 1)") }
            _ = try await app.careerImports.add(generated, employer: nil)
            loaded.append("\(written + generated.count) vacancies and short jobs")
        }
        if let worker = try await UserModel.query(on: app.db).filter(\.$email == DemoData.accounts[0].email).first()?.userID,
            let almere = snapshot.places.place(named: "Almere"),
            try await EngineStore(database: app.db).wishes(worker: worker) == nil
        {
            let wishes = WorkWishes(
                maxHoursPerWeek: 24, days: [.monday, .tuesday, .wednesday, .thursday, .friday], maxTravelKm: 25,
                homePlaceID: almere.id, contracts: [.permanent, .temporary, .onCall, .gig], avoidSectors: [])
            try await EngineStore(database: app.db).saveWishes(
                wishes, searchable: true, worker: worker,
                now: app.dependencies.now())
            loaded.append("the demo worker's wishes")
        }
        return loaded
    }
}
