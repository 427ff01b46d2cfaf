import Engine
import Fluent
import Foundation
import Identifiers
import Vapor

/// The admin's and employers' imports into the engine's tables: the whole file is checked
/// first, every bad row reported by line and column, and nothing is written unless all are good.
public struct CareerImports: Sendable {
    public enum Outcome: Sendable {
        case imported(Int)
        case refused([RowProblem])
    }

    let database: any Database
    /// The engine's data in memory, changed as soon as a file is stored.
    let careerData: CareerData
    let now: @Sendable () -> Date

    /// The largest file any of these imports reads (a 200,000-row vacancy file is about 40 MB).
    static let maxBytes = 64 * 1024 * 1024

    public func outlook(_ bytes: [UInt8]) async throws -> Outcome {
        try await importing(bytes, parse: { OccupationOutlook.parse(bytes, model: $0.engine.model) }) { rows in
            try await EngineStore(database: database).replaceOutlook(rows)
            careerData.use(outlook: rows)
            return .imported(rows.count)
        }
    }

    public func courses(_ bytes: [UInt8]) async throws -> Outcome {
        try await importing(bytes, parse: { Course.parse(bytes, model: $0.engine.model, places: $0.places) }) { rows in
            try await EngineStore(database: database).replaceCourses(rows)
            careerData.use(courses: rows)
            return .imported(rows.count)
        }
    }

    public func vacancies(_ bytes: [UInt8], employer: UserID?) async throws -> Outcome {
        // Checked before the file is read, as in `importing`; opened once: its lines also name the
        // rows whose ids are on the board already.
        _ = try careerData.ready()
        if let tooBig = Self.tooLarge(bytes) { return .refused([tooBig]) }
        let table: CSVRows
        switch CSVRows.open(bytes, required: Vacancy.csvColumns) {
        case .failure(let problem): return .refused([problem])
        case .success(let opened): table = opened
        }
        return try await importing(bytes, parse: { Vacancy.parse(table, model: $0.engine.model, places: $0.places) }) { rows in
            try await add(rows, employer: employer, lines: table.table.lines)
        }
    }

    /// The steps every import shares: the engine must be loaded, the file not too large, every
    /// row good; only then is `store` called.
    private func importing<Row>(
        _ bytes: [UInt8],
        parse: (CareerData.Snapshot) -> CSVImportResult<Row>,
        store: ([Row]) async throws -> Outcome
    ) async throws -> Outcome {
        let snapshot = try careerData.ready()
        if let tooBig = Self.tooLarge(bytes) { return .refused([tooBig]) }
        switch parse(snapshot) {
        case .problems(let p): return .refused(p)
        case .rows(let rows): return try await store(rows)
        }
    }

    /// Adds checked vacancies (from a file, a form or the generator) and rebuilds the board.
    public func add(_ vacancies: [Vacancy], employer: UserID?, lines: [Int]? = nil) async throws -> Outcome {
        let problems = try await EngineStore(database: database).addVacancies(
            vacancies, employerUserID: employer?.string,
            now: now(), lines: lines)
        guard problems.isEmpty else { return .refused(problems) }
        careerData.add(vacancies)
        return .imported(vacancies.count)
    }

    private static func tooLarge(_ bytes: [UInt8]) -> RowProblem? {
        bytes.count > maxBytes ? RowProblem(line: 1, field: "", .fileTooLarge(megabytes: maxBytes / 1_048_576)) : nil
    }
}
