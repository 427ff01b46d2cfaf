import App
import ArgumentParser
import Foundation
import Runner
import Taxonomy
import TaxonomySource
import Vapor

struct TaxonomyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxonomy", abstract: "Import and search the ESCO taxonomy.",
        subcommands: [Import.self, Search.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import ESCO from data/esco (checksums verified, one transaction, safe to repeat).")

        @ArgumentParser.Option(help: "Folder with the ESCO files and SHA256SUMS (default data/esco, or $LOOPBRUG_ESCO_DIR).") var dir: String?
        @ArgumentParser.Flag(help: "Import again even when the same files were imported before.") var force = false

        func run() async throws {
            AppRunner.bootstrapLogging()
            var config = AppRunner.config()
            if let dir { config.escoDirectory = dir }
            let start = ContinuousClock.now
            do {
                let outcome = try await AppRunner.withDatabase(config) { app in
                    return try await importTaxonomy(
                        database: app.db, directory: config.escoDirectory, force: force,
                        progress: { AppRunner.say("  \($0)") })
                }
                let seconds = start.duration(to: .now).formatted(.units(allowed: [.seconds, .milliseconds]))
                switch outcome {
                case .imported(let counts, let notes):
                    AppRunner.say(
                        "Imported ESCO \(ESCODistribution.version) in \(seconds): "
                            + counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
                    notes.forEach { AppRunner.say("Note: \($0)") }
                case .upToDate(let record):
                    AppRunner.say("ESCO \(record.version) from these files is already imported (\(record.importedAt.formatted(.iso8601))); nothing changed. Use --force to import again.")
                }
            } catch let error as TaxonomySourceError {
                AppRunner.fail("ESCO import failed, the database was not changed: \(error)")
            } catch {
                AppRunner.fail("ESCO import failed, the database was not changed: \(error)")
            }
        }
    }

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Search occupations by job title (Dutch or English).")

        enum Format: String, ExpressibleByArgument { case json, text }

        @ArgumentParser.Argument(help: "A job title, for example \"schoonmaker\" or \"cleaner\".") var query: String
        @ArgumentParser.Option(help: "json or text.") var format: Format = .text
        @ArgumentParser.Option(help: "Number of results (1–50).") var limit = 10
        @ArgumentParser.Option(help: "Label language: nl or en.") var lang = "nl"

        func run() async throws {
            AppRunner.bootstrapLogging()
            guard (1...50).contains(limit) else { AppRunner.fail("--limit must be between 1 and 50") }
            guard ["nl", "en"].contains(lang) else { AppRunner.fail("--lang must be nl or en") }
            let query: String
            switch OccupationController.validate(self.query) {
            case .success(let q): query = q
            case .failure(.empty): AppRunner.fail("the search text is empty; give a job title, for example \"schoonmaker\"")
            case .failure(.tooLong): AppRunner.fail("the search text is longer than \(OccupationSearch.maxQueryLength) characters")
            }
            var config = AppRunner.config()
            config.seedDemoData = false
            let results = try await AppRunner.withApp(config) { app in
                try await prepare(app, careerData: false, progress: { FileHandle.standardError.write(Data("\($0)\n".utf8)) })
                guard let index = app.taxonomy.index else { AppRunner.fail("no ESCO data; run `loopbrug taxonomy import`") }
                return OccupationController.results(index, query: query, limit: limit, language: lang == "en" ? .en : .nl)
            }
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
                AppRunner.say(String(decoding: try encoder.encode(results), as: UTF8.self))
            case .text:
                if results.isEmpty { AppRunner.say("No occupations found for \"\(query)\".") }
                for (i, r) in results.enumerated() {
                    AppRunner.say("\(i + 1). \(r.label)  (score \(r.score))  \(r.uri)")
                }
            }
        }
    }
}
