import App
import ArgumentParser
import Foundation
import Runner
import Vapor

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Demo data.", subcommands: [Issue.self, Career.self])

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Four demo platforms (cleaning, hospitality, delivery, care) issue signed records to a worker.")

        @ArgumentParser.Option(help: "The worker's account id or e-mail address.") var worker = "worker@demo.loopbrug.nl"

        func run() async throws {
            AppRunner.bootstrapLogging()
            do {
                let (name, added) = try await AppRunner.withDatabase(AppRunner.config(), taxonomy: true) { app in
                    let target = try await findWorker(worker, on: app.db)
                    return (target.email, try await DemoIssuers.issue(app, worker: target.id, now: Date()))
                }
                AppRunner.say(added == 0 ? "The demo records are already in the passport of \(name)." : "Issued \(added) signed demo records to \(name).")
            } catch {
                AppRunner.fail("demo records not issued: \(error)")
            }
        }
    }

    struct Career: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the demo shortage rows, courses and vacancies (data/demo) into empty tables, and the demo worker's wishes.")

        func run() async throws {
            AppRunner.bootstrapLogging()
            do {
                let loaded = try await CareerCLI.withCareerData { app in try await DemoCareerData.seedIfEmpty(app) }
                AppRunner.say(loaded.isEmpty ? "The demo career data is there already." : "Loaded \(loaded.joined(separator: ", ")).")
            } catch {
                AppRunner.fail("demo career data not loaded: \(error)")
            }
        }
    }
}
