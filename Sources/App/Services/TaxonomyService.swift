import Engine
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Taxonomy
import TaxonomySource
import Vapor

/// Holds the in-memory taxonomy index the pages and API read, and replaces it after an import.
public final class TaxonomyService: Sendable {
    private let current = NIOLockedValueBox<(index: TaxonomyIndex, engine: CareerEngine)?>(nil)

    public init() {}

    public var index: TaxonomyIndex? { current.withLockedValue { $0?.index } }

    /// The reachability engine built from the same release as `index`.
    public var engine: CareerEngine? { current.withLockedValue { $0?.engine } }

    public func use(_ index: TaxonomyIndex, engine: CareerEngine) { current.withLockedValue { $0 = (index, engine) } }

    /// Builds the index from the database; false when the database holds no taxonomy yet.
    @discardableResult
    public func reload(from database: any Database) async throws -> Bool {
        let store = TaxonomyStore(database: database)
        guard let record = try await store.latestImport() else {
            current.withLockedValue { $0 = nil }
            return false
        }
        // The search index needs only the occupations: build it on the other core while the
        // skills and 124k links are still being read.
        let occupations = try await store.loadOccupations()
        let search = Task.detached(priority: .userInitiated) { OccupationSearch(occupations: occupations) }
        var data = try await store.loadSkillsAndLinks(version: record.version)
        data.occupations = occupations
        let dataset = data
        let engine = Task.detached(priority: .userInitiated) { CareerEngine(dataset: dataset) }
        use(TaxonomyIndex(dataset: dataset, search: await search.value), engine: await engine.value)
        return true
    }
}

public enum TaxonomyImportOutcome: Sendable {
    case imported(counts: [String: Int], notes: [String])
    case upToDate(TaxonomyImportRecord)
}

/// Imports ESCO from the distribution directory into the database: checksums first, then the
/// whole release parsed in memory, then one transaction. Importing the same files again changes nothing.
public func importTaxonomy(
    database: any Database, directory: String, force: Bool = false, now: Date = Date(),
    progress: @escaping @Sendable (String) -> Void = { _ in }
) async throws -> TaxonomyImportOutcome {
    let distribution = ESCODistribution(directory: directory)
    let store = TaxonomyStore(database: database)
    let checksums = try distribution.verifyChecksums()
    if !force, let last = try await store.latestImport(), last.checksums == checksums {
        return .upToDate(last)
    }
    let loaded = try distribution.load(progress: progress)
    try await store.replace(with: loaded.dataset, checksums: loaded.checksums, now: now, progress: progress)
    return .imported(counts: loaded.dataset.counts, notes: loaded.dataset.notes)
}

extension Application {
    private struct TaxonomyKey: StorageKey { typealias Value = TaxonomyService }

    public var taxonomy: TaxonomyService {
        if let service = storage[TaxonomyKey.self] { return service }
        let service = TaxonomyService()
        storage[TaxonomyKey.self] = service
        return service
    }
}
