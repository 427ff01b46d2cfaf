import App
import ArgumentParser
import Foundation
import Vapor

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Demo data.", subcommands: [Issue.self])

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
}
