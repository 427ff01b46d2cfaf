import ArgumentParser
import CSV
import Foundation
import Insight
import Runner
import Taxonomy

/// `loopbrug insight …`: the municipal analysis (issue 5). So far: the cross-check with R.
struct InsightCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insight", abstract: "Size, describe and cluster a municipality's vulnerable workers (in progress).",
        subcommands: [Synth.self, Cluster.self, Report.self, Crosscheck.self])

    /// Synthetic microdata whose marginals match the Almere study's tables.
    struct Synth: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write synthetic microdata (CSV) whose research group matches the Almere study's published tables.")

        @ArgumentParser.Option(help: "People in the research group (16,073 in Almere, 1,173,443 nationally).") var n = AlmereStudy.groupSize
        @ArgumentParser.Option(help: "Seed: the same seed gives the same file.") var seed: UInt64 = 1
        @ArgumentParser.Option(help: "Workers outside the group to add, so the group can be compared with everyone.") var others = 0
        @ArgumentParser.Option(help: "The municipality column.") var municipality = "Almere"
        @ArgumentParser.Option(help: "The CSV file to write.") var out: String

        func run() async throws {
            guard (1...5_000_000).contains(n) else { AppRunner.fail("--n must be between 1 and 5,000,000") }
            guard (0...20_000_000).contains(others) else { AppRunner.fail("--others must be between 0 and 20,000,000") }
            let people = SyntheticPopulation.generate(n: n, seed: seed, others: others, municipality: municipality)
            do { try Data(PersonRecordWriter.csv(people)).write(to: URL(fileURLWithPath: out), options: .atomic) } catch { AppRunner.fail("cannot write \(out): \(error.localizedDescription)") }
            AppRunner.say("\(people.count) people written to \(out) (\(n) in the research group, \(others) others; seed \(seed))")
        }
    }

    /// Writes random people, their clustering variables, Loopbrug's Gower matrix and PAM results,
    /// for bench/insight_crosscheck.R to compare with R's `daisy` and `pam`.
    struct Crosscheck: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a random file and Loopbrug's Gower matrix and PAM results for the R cross-check.")

        @ArgumentParser.Option(help: "People.") var n = 1_000
        @ArgumentParser.Option(help: "Seed.") var seed: UInt64 = 1
        @ArgumentParser.Option(help: "Output directory.") var out: String

        func run() async throws {
            guard (10...20_000).contains(n) else { AppRunner.fail("--n must be between 10 and 20,000") }
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            var rng = SeededGenerator(seed: seed)
            func pick<T: CaseIterable>(_: T.Type) -> T { let all = Array(T.allCases); return all[Int(rng.next() % UInt64(all.count))] }
            var csv = CSVWriter.row(PersonRecord.columns)
            let sectors = PersonRecord.sectors.sorted()
            for i in 1...n {
                let income: String = rng.next() % 20 == 0 ? "" : String(Int(exp(Double(rng.next() % 1000) / 1000 * 4 + 7)))
                csv += CSVWriter.row([
                    String(i), String(16 + rng.next() % 52), pick(PersonRecord.Sex.self).rawValue, pick(PersonRecord.Household.self).rawValue,
                    pick(PersonRecord.Education.self).rawValue, income, pick(PersonRecord.Contract.self).rawValue, "",
                    pick(PersonRecord.HoursBand.self).rawValue, sectors[Int(rng.next() % UInt64(sectors.count))], String(1 + rng.next() % 3),
                    pick(PersonRecord.Answer.self).rawValue, "Test",
                ])
            }
            try csv.write(toFile: "\(out)/people.csv", atomically: true, encoding: .utf8)
            guard case .records(let people) = PersonRecordReader.read(Array(csv.utf8)) else { AppRunner.fail("the generated file does not read") }
            let variables = ClusterVariables(people)
            try InsightFiles.writeVariables(variables, to: "\(out)/vars.csv")
            let gower = GowerMatrix(variables.data)
            try gower.values.withUnsafeBytes { Data($0) }.write(to: URL(fileURLWithPath: "\(out)/gower.bin"))
            var results = "k,objective,medoids\n"
            for k in 2...8 {
                let pam = KMedoids(gower, k: k)
                results += "\(k),\(String(format: "%.15g", pam.objective)),\(pam.medoids.map { String($0 + 1) }.joined(separator: " "))\n"
            }
            try results.write(toFile: "\(out)/pam.csv", atomically: true, encoding: .utf8)
            AppRunner.say("\(people.count) people, \(variables.included.count) clustered (\(variables.leftOutForUnknownIncome) with unknown income left out); files in \(out)")
        }
    }
}
