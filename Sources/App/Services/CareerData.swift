import Engine
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
    }

    private let current = NIOLockedValueBox<Snapshot?>(nil)
    private let placesCache = NIOLockedValueBox<PlaceDirectory?>(nil)

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

    /// Reads the tables again; without ESCO loaded there is nothing to match against.
    public func reload(_ app: Application) async throws {
        guard let engine = app.taxonomy.engine else { return current.withLockedValue { $0 = nil } }
        let places = try places(app.config)
        let store = EngineStore(database: app.db)
        let outlook = OutlookTable(entries: try await store.loadOutlook())
        let courses = try await store.loadCourses(places: places)
        let vacancies = try await store.loadVacancies(places: places)
        let snapshot = Snapshot(engine: engine, places: places, outlook: outlook,
                                catalogue: CourseCatalogue(courses: courses, model: engine.model),
                                board: VacancyBoard(vacancies: vacancies, model: engine.model))
        current.withLockedValue { $0 = snapshot }
    }
}

extension Application {
    private struct CareerDataKey: StorageKey { typealias Value = CareerData }

    public var careerData: CareerData { shared(CareerDataKey.self) { CareerData() } }
}
