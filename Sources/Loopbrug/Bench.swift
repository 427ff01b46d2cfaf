import ArgumentParser

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Measure speed and quality; results go in docs/benchmarks.md.",
                                                    subcommands: [BenchTaxonomy.self, BenchPassport.self, BenchEngine.self, BenchInsight.self, BenchLeermiles.self])
}
