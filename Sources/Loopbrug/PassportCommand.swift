import App
import ArgumentParser
import Foundation
import Localization
import Passport
import Runner
import Vapor

struct PassportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passport", abstract: "Import credentials into a worker's passport, or export a passport.",
        subcommands: [Import.self, Export.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a JSON Lines file of compact JWS credentials for one worker, all or nothing.",
            discussion: "Any bad line stops the import: nothing is stored and every bad line is reported (line, check, field, reason).")

        @ArgumentParser.Option(help: "The worker's account id or e-mail address.") var worker: String
        @ArgumentParser.Argument(help: "The .jsonl file: one compact JWS per line.") var file: String

        func run() async throws {
            AppRunner.bootstrapLogging()
            guard let data = FileManager.default.contents(atPath: file) else { AppRunner.fail("cannot read \(file)") }
            let lines: [JSONLines.Line]
            do { lines = try JSONLines.lines([UInt8](data)) } catch { AppRunner.fail("\(file): \(error); nothing was imported") }
            let report: ImportReport
            do {
                report = try await AppRunner.withDatabase(AppRunner.config(), taxonomy: true) { app in
                    let target = try await findWorker(worker, on: app.db)
                    return try await app.credentials.importing(lines, from: .admin(worker: target.id))
                }
            } catch {
                AppRunner.fail("\(error); nothing was imported")
            }
            if report.succeeded {
                AppRunner.say("Imported \(report.accepted) credential\(report.accepted == 1 ? "" : "s") from \(file).")
            } else {
                for problem in report.problems { FileHandle.standardError.write(Data("\(file): \(problem.text)\n".utf8)) }
                AppRunner.fail("\(report.problems.count) bad line\(report.problems.count == 1 ? "" : "s") in \(file); nothing was imported")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export a worker's passport: passport.json, credentials.jsonl and the KlusCV PDF.")

        @ArgumentParser.Option(help: "The worker's account id or e-mail address.") var worker: String
        @ArgumentParser.Option(help: "The folder to write to (made if missing).") var out: String
        @ArgumentParser.Option(help: "The KlusCV's language: nl or en.") var lang = "nl"

        func run() async throws {
            AppRunner.bootstrapLogging()
            let lang = AppRunner.lang(lang)
            do {
                let files = try await AppRunner.withDatabase(AppRunner.config(), taxonomy: true) { app in
                    let target = try await findWorker(worker, on: app.db)
                    return try await app.passportExport.files(worker: target.id, lang: lang)
                }
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                for file in files {
                    try file.bytes.write(to: URL(fileURLWithPath: out).appendingPathComponent(file.name))
                    AppRunner.say("\(out)/\(file.name)")
                }
            } catch {
                AppRunner.fail("export failed: \(error)")
            }
        }
    }
}
