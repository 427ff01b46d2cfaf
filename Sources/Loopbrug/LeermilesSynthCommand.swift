import App
import ArgumentParser
import Runner

extension LeermilesCommand {
    /// `loopbrug leermiles synth`: synthetic verified work for tests and benchmarks, only into an empty database.
    struct Synth: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fill an EMPTY database with synthetic verified work and the benchmark's rules (for tests and benchmarks).")
        @ArgumentParser.Option(help: "How many verified records.") var records = 100_000
        @ArgumentParser.Option(help: "Over how many workers.") var workers = 10_000
        @ArgumentParser.Option(help: "Seed: the same seed gives the same records.") var seed: UInt64 = 6

        func run() async throws {
            AppRunner.bootstrapLogging()
            guard (1...5_000_000).contains(records), (1...1_000_000).contains(workers) else {
                AppRunner.fail("--records must be 1…5,000,000 and --workers 1…1,000,000")
            }
            let rules: Int
            do {
                rules = try await AppRunner.withDatabase(AppRunner.config()) { app in
                    try await LeermilesSynth.fill(database: app.db, records: records, workers: workers, seed: seed, now: app.dependencies.now())
                }
            } catch { AppRunner.fail("nothing synthesised: \(error)") }
            AppRunner.say("Wrote \(records) synthetic verified records for \(workers) workers and \(rules) rules.")
        }
    }
}
