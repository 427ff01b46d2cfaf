import App
import ArgumentParser
import Foundation
import Runner

extension LeermilesCommand {
    /// `loopbrug leermiles funder --id ID --name NAME [--member EMAIL …]`.
    struct Funder: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Name a funder (as the rules call it) and let coach or employer accounts act for it on /fonds.")
        @ArgumentParser.Option(help: "The funder id the rules use (an issuer id for an employer's contribution).") var id: String
        @ArgumentParser.Option(help: "The name people see.") var name: String
        @ArgumentParser.Option(help: "A coach's or employer's e-mail; repeat for more.") var member: [String] = []

        func run() async throws {
            AppRunner.bootstrapLogging()
            do {
                try await AppRunner.withDatabase(AppRunner.config()) { app in
                    try await FunderStore(database: app.db).register(.init(id: id, name: name), memberEmails: member, now: app.dependencies.now())
                }
                let acting = member.isEmpty ? "." : "; acting for it: " + member.joined(separator: ", ") + "."
                AppRunner.say("Funder \(id) is \(name)" + acting)
            } catch { AppRunner.fail("nothing changed: \(error)") }
        }
    }
}
