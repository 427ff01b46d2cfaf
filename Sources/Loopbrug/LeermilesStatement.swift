import App
import ArgumentParser
import Foundation
import Identifiers
import Localization
import Runner

extension LeermilesCommand {
    /// `loopbrug leermiles statement --worker W [--year Y] --out DIR [--lang en]`: the yearly statement as PDF and CSV.
    struct Statement: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a worker's yearly leermiles statement (statement.pdf and statement.csv).")
        @ArgumentParser.Option(help: "The worker's account id or e-mail.") var worker: String
        @ArgumentParser.Option(help: "The calendar year (default: this year).") var year: Int?
        @ArgumentParser.Option(help: "The folder to write into (made when missing).") var out: String
        @ArgumentParser.Option(help: "nl (default) or en.") var lang = "nl"

        func run() async throws {
            AppRunner.bootstrapLogging()
            let lang = AppRunner.lang(lang)
            do {
                let files = try await CareerCLI.withCareerData { app in
                    let target = try await findWorker(worker, on: app.db)
                    return try await LeermilesStatementFiles.files(
                        worker: target.id.string, name: target.name, year: year, lang: lang,
                        database: app.db, now: app.dependencies.now(), careerData: app.careerData.snapshot)
                }
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                try files.pdf.write(to: URL(fileURLWithPath: out).appendingPathComponent("statement.pdf"))
                try Data(files.csv.utf8).write(to: URL(fileURLWithPath: out).appendingPathComponent("statement.csv"))
                AppRunner.say("Wrote \(out)/statement.pdf and \(out)/statement.csv for \(files.year): \(files.lines) postings, balance \(files.closing).")
            } catch { AppRunner.fail("no statement written: \(error)") }
        }
    }
}
