import ArgumentParser
import Bench

@main
struct Loopbrug: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loopbrug",
        abstract: "Loopbrug: a work passport, skills from work, and the way to better work.",
        subcommands: [
            Serve.self, Migrate.self, TaxonomyCommand.self, TransitionsCommand.self, MatchCommand.self, CareerImportCommand.self, InsightCommand.self, LeermilesCommand.self, IssuerCommand.self,
            CredentialCommand.self, PassportCommand.self, DemoCommand.self, Bench.self,
        ],
        defaultSubcommand: Serve.self)
}
