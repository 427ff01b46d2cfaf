import App
import ArgumentParser
import Engine
import Foundation
import Localization
import Runner
import Vapor

/// `loopbrug match --worker`: the vacancies and short jobs that fit a worker, best first.
struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match", abstract: "Vacancies and short jobs that fit a worker's wishes, ranked by skill coverage, each with why.")

    enum Format: String, ExpressibleByArgument { case json, text }

    @ArgumentParser.Option(help: "The worker's account id or e-mail address.") var worker: String
    @ArgumentParser.Option(help: "Number of matches (1–200).") var top = 10
    @ArgumentParser.Option(help: "json or text.") var format: Format = .text
    @ArgumentParser.Option(help: "Language of the explanation: nl or en.") var lang = "nl"

    struct Row: Encodable {
        let id, kind, title, employer, place: String
        let distanceKm: Double
        let coverage: Double
        let hoursMin, hoursMax: Int
        let contract: String
        let have, missing: [String]
        let why: String
    }

    func run() async throws {
        AppRunner.bootstrapLogging()
        guard (1...200).contains(top) else { AppRunner.fail("--top must be between 1 and 200") }
        let lang = AppRunner.lang(lang)
        let rows: [Row]
        do {
            rows = try await CareerCLI.withCareerData { app in
                let target = try await findWorker(worker, on: app.db)
                switch try await CareerAdvice(database: app.db, snapshot: try app.careerData.ready()).matches(worker: target.id, top: top) {
                case .noWishes:
                    AppRunner.fail("\(worker) has not set their wishes yet (hours, days, travel, contracts): on the site under \"Werk dat past\"")
                case .matches(let found, _, let snapshot):
                    let space = snapshot.engine.model.space
                    return found.map { m in
                        let v = snapshot.board.vacancies[m.vacancy]
                        return Row(
                            id: v.id, kind: v.kind.rawValue, title: v.title, employer: v.employer, place: v.place.name,
                            distanceKm: (m.distanceKm * 10).rounded() / 10, coverage: (Double(m.coverage) * 1000).rounded() / 1000,
                            hoursMin: v.hoursMin, hoursMax: v.hoursMax, contract: v.contract.rawValue,
                            have: m.have.map { space.uris[Int($0)] }, missing: m.missing.map { space.uris[Int($0)] },
                            why: CareerText.matchSentence(m, skillLabel: { space.labels[Int($0)] }, lang: lang))
                    }
                }
            }
        } catch { AppRunner.fail("\(error)") }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
            AppRunner.say(String(decoding: try encoder.encode(rows), as: UTF8.self))
        case .text:
            if rows.isEmpty { AppRunner.say("Nothing fits these wishes now.") }
            for (i, r) in rows.enumerated() {
                AppRunner.say(String(format: "%2d. %@ — %@, %@ (%.0f km)\n    %@", i + 1, r.title, r.employer, r.place, r.distanceKm, r.why))
            }
        }
    }
}

/// `loopbrug outlook|courses|vacancies import FILE`: the admin's CSV imports, all or nothing.
struct CareerImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "career", abstract: "Import the shortage/growth table, the course catalogue or vacancies from CSV; generate vacancies.",
        subcommands: [Import.self, Generate.self])

    enum Table: String, ExpressibleByArgument, CaseIterable { case outlook, courses, vacancies }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a CSV file (docs/engine.md lists the columns). outlook and courses replace the table; vacancies are added.")

        @ArgumentParser.Argument(help: "outlook, courses or vacancies.") var table: Table
        @ArgumentParser.Argument(help: "The CSV file (UTF-8).") var file: String

        func run() async throws {
            AppRunner.bootstrapLogging()
            guard let data = FileManager.default.contents(atPath: file) else { AppRunner.fail("cannot read \(file)") }
            let outcome: CareerImports.Outcome
            do {
                outcome = try await CareerCLI.withCareerData { app in
                    switch table {
                    case .outlook: try await app.careerImports.outlook(Array(data))
                    case .courses: try await app.careerImports.courses(Array(data))
                    case .vacancies: try await app.careerImports.vacancies(Array(data), employer: nil)
                    }
                }
            } catch { AppRunner.fail("\(error); nothing was imported") }
            switch outcome {
            case .imported(let n): AppRunner.say("Imported \(n) row\(n == 1 ? "" : "s") into \(table.rawValue) from \(file).")
            case .refused(let problems):
                for p in problems { FileHandle.standardError.write(Data("\(file), \(p)\n".utf8)) }
                AppRunner.fail("\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(file); nothing was imported")
            }
        }
    }

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add generated vacancies (the same ones for the same seed), for tests and benchmarks.")

        @ArgumentParser.Option(help: "How many (1–1,000,000).") var count = 200_000
        @ArgumentParser.Option(help: "Generator seed.") var seed: UInt64 = 1
        @ArgumentParser.Option(help: "Id prefix; ids are PREFIX-1, PREFIX-2, …") var prefix = "gen"

        func run() async throws {
            AppRunner.bootstrapLogging()
            guard (1...1_000_000).contains(count) else { AppRunner.fail("--count must be between 1 and 1,000,000") }
            let outcome = try await CareerCLI.withCareerData { app in
                let snapshot = try app.careerData.ready()
                var generator = VacancyGenerator(seed: seed, model: snapshot.engine.model, places: snapshot.places)
                let vacancies = (0..<count).map { generator.next(id: "\(prefix)-\($0 + 1)") }
                return try await app.careerImports.add(vacancies, employer: nil)
            }
            switch outcome {
            case .imported(let n): AppRunner.say("Added \(n) generated vacancies (seed \(seed)).")
            case .refused(let problems):
                AppRunner.fail("\(problems.count) ids are taken already (first: \(problems[0].message)); use another --prefix")
            }
        }
    }
}

enum CareerCLI {
    /// A migrated database with ESCO and the engine's tables loaded.
    static func withCareerData<T>(_ body: (Application) async throws -> T) async throws -> T {
        var config = AppRunner.config()
        config.seedDemoData = false
        return try await AppRunner.withApp(config) { app in
            try await prepare(app, progress: { FileHandle.standardError.write(Data("\($0)\n".utf8)) })
            guard app.careerData.snapshot != nil else { AppRunner.fail("no ESCO data; run `loopbrug taxonomy import`") }
            return try await body(app)
        }
    }
}
