import ArgumentParser

struct BenchTaxonomy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "taxonomy", abstract: "ESCO import, index load, search latency and quality, HTTP throughput.")
    func run() async throws {}
}
