import ArgumentParser
import CSV
import Foundation
import Insight
import Runner

/// `loopbrug bench insight`: the figures of issue 5 on synthetic Almere data, with R's cluster
/// package and Python's gower + kmedoids as peers on the same people in the same run.
struct BenchInsight: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insight", abstract: "Time the municipal analysis (full run, PAM k=5 against R and Python, CLARA against R).")

    @ArgumentParser.Option(help: "People in the research group for the full analysis.") var n = AlmereStudy.groupSize
    @ArgumentParser.Option(help: "People for the CLARA run (0 skips it).") var national = AlmereStudy.nationalGroupSize
    @ArgumentParser.Option(help: "k for the peer comparisons.") var k = 5
    @ArgumentParser.Option(help: "Seed of the synthetic files.") var seed: UInt64 = 1
    @ArgumentParser.Option(help: "Python with gower, kmedoids and pandas (scripts/setup makes .venv).") var python = ".venv/bin/python"
    @ArgumentParser.Flag(help: "Skip the R and Python peers.") var noPeers = false

    func run() async throws {
        let work = NSTemporaryDirectory() + "loopbrug-bench-insight-\(getpid())"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        AppRunner.say("Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; synthetic Almere data, seed \(seed)")

        // 1. The full analysis, from the file on disk to the chosen k and its robustness.
        let file = "\(work)/group.csv"
        try Data(PersonRecordWriter.csv(SyntheticPopulation.generate(n: n, seed: seed))).write(to: URL(fileURLWithPath: file))
        var start = ContinuousClock.now
        let group = InsightInput.people(file).filter(VulnerableDefinition.study.includes)
        let analysis = try ClusterAnalysis(group)
        let full = BenchTaxonomy.seconds(start.duration(to: .now))
        AppRunner.say(
            String(
                format: "Full analysis, n = %d (%d clustered): Gower matrix, PAM k = 2…8, silhouettes, five 80%% runs: %.1f s; peak memory so far %.0f MiB",
                group.count, analysis.variables.included.count, full, BenchTaxonomy.peakMemoryMiB()))
        AppRunner.say(
            "  silhouettes " + analysis.runs.map { "k=\($0.k) \(String(format: "%.3f", $0.silhouette))" }.joined(separator: ", ")
                + "; chosen k = \(analysis.chosen.k); ARI " + analysis.robustness.map { String(format: "%.3f", $0) }.joined(separator: " "))

        // 2. PAM for one k including the distances, against R and Python on the same people.
        start = .now
        let gower = GowerFormula(analysis.variables.data)
        let pam = KMedoids(SquareDistances(gower), k: k)
        let ours = BenchTaxonomy.seconds(start.duration(to: .now))
        let ourTotal = Clara.assign(gower, medoids: pam.medoids).total
        AppRunner.say(String(format: "PAM k = %d incl. distances, n = %d: Loopbrug %.2f s, total %.6f", k, gower.count, ours, ourTotal))
        if !noPeers {
            try InsightFiles.writeVariables(analysis.variables, to: "\(work)/vars.csv")
            for (name, command) in [
                ("R daisy + pam", ["Rscript", "bench/insight_peers.R", "pam", work, String(k)]),
                ("Python gower + kmedoids.fasterpam", [python, "bench/insight_peers.py", work, String(k)]),
            ] {
                let peer = try Self.peer(command)
                AppRunner.say(
                    String(
                        format: "  %@: %.2f s, total %.6f (%@) — Loopbrug %.1f× faster, total %@",
                        name, peer.seconds, peer.total, peer.versions, peer.seconds / ours,
                        ourTotal <= peer.total * (1 + 1e-6) ? "no worse" : "WORSE"))
            }
        }

        // 3. CLARA on the whole country, against R's clara with its defaults.
        guard national > 0 else { return }
        let nationalFile = "\(work)/national.csv"
        try Data(PersonRecordWriter.csv(SyntheticPopulation.generate(n: national, seed: seed, municipality: "Nederland")))
            .write(to: URL(fileURLWithPath: nationalFile))
        start = .now
        let nationalPeople = InsightInput.people(nationalFile).filter(VulnerableDefinition.study.includes)
        let variables = ClusterVariables(nationalPeople)
        let reading = BenchTaxonomy.seconds(start.duration(to: .now))
        start = .now
        let clara = Clara(GowerFormula(variables.data), k: k, seed: seed)
        let claraSeconds = BenchTaxonomy.seconds(start.duration(to: .now))
        let clustered = variables.data.count
        AppRunner.say(
            String(
                format: "CLARA k = %d, n = %d (%d clustered): Loopbrug %.1f s (%d samples of %d; reading and preparing the file %.1f s), total %.3f, mean %.6f",
                k, nationalPeople.count, clustered, claraSeconds, Clara.defaultSamples, Clara.defaultSampleSize, reading,
                clara.totalDeviation, clara.totalDeviation / Double(clustered)))
        if !noPeers {
            try InsightFiles.writeEncoded(variables, to: work)
            let peer = try Self.peer(["Rscript", "bench/insight_peers.R", "clara", work, String(k)])
            AppRunner.say(
                String(
                    format: "  R clara (defaults, Manhattan on the Gower encoding): %.1f s, total %.3f, mean %.6f — Loopbrug's total is %.1f%% %@",
                    peer.seconds, peer.total, peer.total / Double(clustered),
                    abs(100 * (peer.total - clara.totalDeviation) / peer.total), clara.totalDeviation < peer.total ? "lower" : "HIGHER"))
        }
        AppRunner.say(String(format: "Peak memory (max RSS of the bench process): %.0f MiB", BenchTaxonomy.peakMemoryMiB()))
    }

    struct Peer { let seconds: Double; let total: Double; let versions: String }

    static func peer(_ command: [String]) throws -> Peer {
        let json = try BenchTaxonomy.jsonOutput(of: command)
        guard let seconds = json["seconds"] as? Double, let total = json["total"] as? Double else {
            AppRunner.fail("\(command.prefix(2).joined(separator: " ")) printed no seconds and total")
        }
        return Peer(seconds: seconds, total: total, versions: json["versions"] as? String ?? "")
    }
}
