import App
import Foundation
import Localization
import Vapor

/// Starts and stops a configured application for one CLI command, and turns errors into
/// one clear line on stderr with a non-zero exit.
public enum AppRunner {
    public static func withApp<T>(_ config: AppConfig, _ body: (Application) async throws -> T) async throws -> T {
        let app = try await Application.make(Environment(name: "production", arguments: ["loopbrug"]))
        do {
            try configure(app, config: config)
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// `withApp` on a migrated database; with `taxonomy`, the ESCO index is loaded too (commands
    /// that check ESCO URIs need it).
    public static func withDatabase<T>(_ config: AppConfig, taxonomy: Bool = false, _ body: (Application) async throws -> T) async throws -> T {
        try await withApp(config) { app in
            try await runMigrations(app)
            if taxonomy { _ = try await app.taxonomy.reload(from: app.db) }
            return try await body(app)
        }
    }

    public static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("loopbrug: \(message)\n".utf8))
        exit(1)
    }

    /// The `--lang` option as a language, or a stop that names the allowed values.
    public static func lang(_ option: String) -> Lang {
        guard let lang = Lang(rawValue: option) else { fail("--lang must be nl or en, not \(option)") }
        return lang
    }

    public static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Logging to stderr at `notice` by default: request logs would be noise on a terminal.
    public static func bootstrapLogging() {
        // Read once: Vapor makes a logger per request, and reading the environment is not cheap.
        let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .notice
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    public static func config() -> AppConfig {
        do { return try AppConfig.fromEnvironment() } catch { fail("\(error)") }
    }
}
