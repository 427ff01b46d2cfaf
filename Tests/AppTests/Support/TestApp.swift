import Fluent
import Foundation
import SQLKit
import Taxonomy
import TestSupport
import Testing
import VaporTesting

@testable import App

/// Serialises every test that uses PostgreSQL: they share one database, wiped before each test.
enum PostgresLock {
    static let shared = AsyncLock()
}

/// Builds the app with the production `configure`, on a clean database, runs `body`, shuts down.
func withTestApp(
    _ database: TestDatabase = .sqlite, seedTaxonomy: Bool = true,
    now: @escaping @Sendable () -> Date = { Date(timeIntervalSince1970: 1_800_000_000) },
    _ body: (Application) async throws -> Void
) async throws {
    if database == .postgres { await PostgresLock.shared.acquire() }
    let app = try await Application.make(.testing)
    do {
        var config = AppConfig(
            database: database.config, port: 0, escoDirectory: RealESCO.directory,
            seedDemoData: false, bcryptCost: 4, importTaxonomyIfEmpty: false)
        config.secureCookies = false
        config.standardDirectory = RepositoryFiles.standardDirectory
        config.placesFile = RepositoryFiles.placesFile
        // Small, so the test of a too-large upload stays fast.
        config.insightUploadLimitBytes = 1 << 20
        try configure(app, config: config, dependencies: AppDependencies(now: now))
        if database == .postgres {
            try await app.db.sql.raw("DROP SCHEMA public CASCADE").run()
            try await app.db.sql.raw("CREATE SCHEMA public").run()
        }
        try await runMigrations(app)
        if seedTaxonomy {
            try await TaxonomyStore(database: app.db).replace(with: Fixtures.taxonomy, checksums: ["fixture": "1"], now: now())
            try await app.taxonomy.reload(from: app.db)
            try await app.reloadCareerData()
        }
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        if database == .postgres { await PostgresLock.shared.release() }
        throw error
    }
    try await app.asyncShutdown()
    if database == .postgres { await PostgresLock.shared.release() }
}
