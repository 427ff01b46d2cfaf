import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// Registers the database the configuration names and every migration, in order.
func configureDatabase(_ app: Application, _ config: AppConfig) throws {
    switch config.database {
    case .sqlite(let path):
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        // SQLite writes one at a time: a burst of writers (200 spends at once) waits its turn
        // rather than failing after the default 10 s.
        app.databases.use(.sqlite(.file(path), connectionPoolTimeout: .seconds(60)), as: .sqlite)
    case .sqliteInMemory:
        app.databases.use(.sqlite(.memory, connectionPoolTimeout: .seconds(60)), as: .sqlite)
    case .postgres(let url):
        app.databases.use(try .postgres(url: url), as: .psql)
    }
    app.migrations.add(CreateUsers())
    app.migrations.add(CreateAPITokens())
    app.migrations.add(CreateTaxonomyTables())
    app.migrations.add(CreateTaxonomyImports())
    app.migrations.add(CreatePassportTables())
    app.migrations.add(CreateShareTables())
    app.migrations.add(CreateEngineTables())
    app.migrations.add(CreateInsightFiles())
    app.migrations.add(CreateLedgerTables())
    app.migrations.add(CreateLeermilesRules())
    app.migrations.add(CreateLeermilesFunders())
    app.migrations.add(UpdateLedgerBalancesAddPatternIndex())
    app.migrations.add(UpdateIssuerKeysOneOwner())
    app.migrations.add(CreateWriteIntent())
    app.migrations.add(UpdateSkillsAddDutchLabels())
    app.migrations.add(CreateWebSessions())
}

/// Runs pending migrations, turning a failed connection into a message a person can act on.
public func runMigrations(_ app: Application) async throws {
    let config = app.config
    do {
        if case .sqlite = config.database {
            // WAL lets readers continue while an import writes.
            try await app.db.sql.raw("PRAGMA journal_mode=WAL").run()
        }
        try await app.autoMigrate()
    } catch {
        throw ConfigError("cannot prepare the database (\(config.database.summary)): \(String(reflecting: error).prefix(300))")
    }
}

extension AppConfig.Database {
    /// Where the data lives, without any password.
    public var summary: String {
        switch self {
        case .sqlite(let path): "SQLite file \(path)"
        case .sqliteInMemory: "SQLite in memory"
        case .postgres(let url):
            if let c = URLComponents(string: url) { "PostgreSQL at \(c.host ?? "?"):\(c.port ?? 5432)\(c.path)" } else { "PostgreSQL" }
        }
    }
}
