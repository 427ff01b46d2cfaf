import Engine
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The engine's data held in memory next to the ESCO model: places, the shortage table, the
/// course catalogue and the vacancy board. Rebuilt from the database after every change to them.
public final class CareerData: Sendable {
    public struct Snapshot: Sendable {
        public let engine: CareerEngine
        public let places: PlaceDirectory
        public let outlook: OutlookTable
        public let catalogue: CourseCatalogue
        public let board: VacancyBoard

        func with(outlook: OutlookTable? = nil, catalogue: CourseCatalogue? = nil, board: VacancyBoard? = nil) -> Snapshot {
            Snapshot(
                engine: engine, places: places, outlook: outlook ?? self.outlook,
                catalogue: catalogue ?? self.catalogue, board: board ?? self.board)
        }
    }

    private let current = NIOLockedValueBox<Snapshot?>(nil)
    private let placesCache = NIOLockedValueBox<PlaceDirectory?>(nil)
    /// Serialises the changes to the board, so two posts at once cannot lose one; readers keep
    /// using the previous snapshot meanwhile.
    private let writer = NIOLock()

    public init() {}

    public var snapshot: Snapshot? { current.withLockedValue { $0 } }

    /// The Dutch places, read once from `config.placesFile`.
    public func places(_ config: AppConfig) throws -> PlaceDirectory {
        if let cached = placesCache.withLockedValue({ $0 }) { return cached }
        guard let text = try? String(contentsOfFile: config.placesFile, encoding: .utf8) else {
            throw Abort(.internalServerError, reason: "The places file \(config.placesFile) cannot be read (LOOPBRUG_PLACES_FILE)")
        }
        let places = try PlaceDirectory(tsv: text)
        placesCache.withLockedValue { $0 = places }
        return places
    }

    /// The snapshot, or "not yet" as a 503 when ESCO has not been imported.
    public func ready() throws -> Snapshot {
        guard let snapshot else {
            throw Abort(.serviceUnavailable, reason: "ESCO is not loaded yet; import it first (loopbrug taxonomy import)")
        }
        return snapshot
    }

    /// Reads the tables again; without ESCO loaded there is nothing to match against.
    public func reload(database: any Database, engine: CareerEngine?, config: AppConfig) async throws {
        guard let engine else { return current.withLockedValue { $0 = nil } }
        let places = try places(config)
        let store = EngineStore(database: database)
        let outlook = OutlookTable(entries: try await store.loadOutlook())
        let courses = try await store.loadCourses(places: places)
        let vacancies = try await store.loadVacancies(places: places)
        let snapshot = Snapshot(
            engine: engine, places: places, outlook: outlook,
            catalogue: CourseCatalogue(courses: courses, model: engine.model),
            board: VacancyBoard(vacancies: vacancies, model: engine.model))
        current.withLockedValue { $0 = snapshot }
    }

    /// Puts vacancies just stored on the board without reading all of them from the database again
    /// (with 200,000 vacancies that read is many times slower than rebuilding the board from memory).
    public func add(_ vacancies: [Vacancy]) {
        change { old in old.with(board: VacancyBoard(vacancies: old.board.vacancies + vacancies, model: old.engine.model)) }
    }

    /// Takes vacancies just deleted off the board.
    public func remove(ids: Set<String>) {
        change { old in old.with(board: VacancyBoard(vacancies: old.board.vacancies.filter { !ids.contains($0.id) }, model: old.engine.model)) }
    }

    /// Uses a shortage/growth table or a course catalogue just stored.
    public func use(outlook entries: [OccupationOutlook]) { change { $0.with(outlook: OutlookTable(entries: entries)) } }
    public func use(courses: [Course]) { change { $0.with(catalogue: CourseCatalogue(courses: courses, model: $0.engine.model)) } }

    private func change(_ edit: (Snapshot) -> Snapshot) {
        writer.withLock {
            guard let old = snapshot else { return }
            let new = edit(old)
            current.withLockedValue { $0 = new }
        }
    }
}

extension Application {
    private struct CareerDataKey: StorageKey { typealias Value = CareerData }

    public var careerData: CareerData { shared(CareerDataKey.self) { CareerData() } }
}
