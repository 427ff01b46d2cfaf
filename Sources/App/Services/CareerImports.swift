import Engine
import Foundation
import Vapor

/// The admin's and employers' imports into the engine's tables: the whole file is checked
/// first, every bad row reported by line and column, and nothing is written unless all are good.
public enum CareerImports {
    public enum Outcome: Sendable {
        case imported(Int)
        case refused([RowProblem])
    }

    /// The largest file any of these imports reads (a 200,000-row vacancy file is about 40 MB).
    static let maxBytes = 64 * 1024 * 1024

    public static func outlook(_ app: Application, _ bytes: [UInt8]) async throws -> Outcome {
        try await importing(app, bytes, parse: { OccupationOutlook.parse(bytes, model: $0.engine.model) }) { rows in
            try await EngineStore(database: app.db).replaceOutlook(rows)
            app.careerData.use(outlook: rows)
            return .imported(rows.count)
        }
    }

    public static func courses(_ app: Application, _ bytes: [UInt8]) async throws -> Outcome {
        try await importing(app, bytes, parse: { Course.parse(bytes, model: $0.engine.model, places: $0.places) }) { rows in
            try await EngineStore(database: app.db).replaceCourses(rows)
            app.careerData.use(courses: rows)
            return .imported(rows.count)
        }
    }

    public static func vacancies(_ app: Application, _ bytes: [UInt8], employerUserID: String?) async throws -> Outcome {
        // Checked before the file is read, as in `importing`; opened once: its lines also name the
        // rows whose ids are on the board already.
        _ = try ready(app)
        if let tooBig = tooLarge(bytes) { return .refused([tooBig]) }
        let table: CSVRows
        switch CSVRows.open(bytes, required: Vacancy.csvColumns) {
        case .failure(let problem): return .refused([problem])
        case .success(let opened): table = opened
        }
        return try await importing(app, bytes, parse: { Vacancy.parse(table, model: $0.engine.model, places: $0.places) }) { rows in
            try await add(app, rows, employerUserID: employerUserID, lines: table.table.lines)
        }
    }

    /// The steps every import shares: the engine must be loaded, the file not too large, every
    /// row good; only then is `store` called.
    private static func importing<Row>(
        _ app: Application, _ bytes: [UInt8],
        parse: (CareerData.Snapshot) -> CSVImportResult<Row>,
        store: ([Row]) async throws -> Outcome
    ) async throws -> Outcome {
        let snapshot = try ready(app)
        if let tooBig = tooLarge(bytes) { return .refused([tooBig]) }
        switch parse(snapshot) {
        case .problems(let p): return .refused(p)
        case .rows(let rows): return try await store(rows)
        }
    }

    /// Adds checked vacancies (from a file, a form or the generator) and rebuilds the board.
    public static func add(_ app: Application, _ vacancies: [Vacancy], employerUserID: String?, lines: [Int]? = nil) async throws -> Outcome {
        let problems = try await EngineStore(database: app.db).addVacancies(
            vacancies, employerUserID: employerUserID,
            now: app.dependencies.now(), lines: lines)
        guard problems.isEmpty else { return .refused(problems) }
        app.careerData.add(vacancies)
        return .imported(vacancies.count)
    }

    public static func ready(_ app: Application) throws -> CareerData.Snapshot {
        guard let snapshot = app.careerData.snapshot else {
            throw Abort(.serviceUnavailable, reason: "ESCO is not loaded yet; import it first (loopbrug taxonomy import)")
        }
        return snapshot
    }

    private static func tooLarge(_ bytes: [UInt8]) -> RowProblem? {
        bytes.count > maxBytes ? RowProblem(line: 1, field: "", message: "the file is larger than \(maxBytes / 1_048_576) MB") : nil
    }
}
