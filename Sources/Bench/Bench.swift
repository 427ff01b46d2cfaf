import App
import ArgumentParser
import Foundation
import Runner
import Vapor

/// `loopbrug bench …`: its own target, so the command-line tool stays thin.
public struct Bench: AsyncParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "Measure speed and quality; results go in docs/benchmarks.md.",
        subcommands: [BenchTaxonomy.self, BenchPassport.self, BenchEngine.self, BenchInsight.self, BenchLeermiles.self, BenchUploads.self, BenchUploadPeak.self])
}

/// The databases a benchmark runs on: a new SQLite file in a temporary folder (removed after),
/// and PostgreSQL when a URL is given. Each is migrated, without demo data or ESCO; the body
/// also gets the temporary folder for files of its own.
enum BenchDatabases {
    static func each(
        base: AppConfig, postgres: String?, sqliteName: String = "SQLite",
        _ body: (_ name: String, _ database: AppConfig.Database, _ app: Application, _ work: String) async throws -> Void
    ) async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("loopbrug-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        var targets: [(String, AppConfig.Database)] = [(sqliteName, .sqlite(path: "\(work)/bench.sqlite"))]
        if let postgres { targets.append(("PostgreSQL", try AppConfig.parseDatabaseURL(postgres))) }
        for (name, database) in targets {
            var config = base
            config.database = database
            config.seedDemoData = false
            config.importTaxonomyIfEmpty = false
            try await AppRunner.withDatabase(config) { app in try await body(name, database, app, work) }
        }
    }
}
