import App
import ArgumentParser
import Foundation
import Insight
import Localization
import Runner

extension InsightCommand {
    /// `loopbrug insight cluster FILE --k K --format json`.
    struct Cluster: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cluster the research group of a microdata file (PAM on Gower distances; CLARA above 20,000 people).")

        @Argument(help: "The microdata CSV.") var file: String
        @ArgumentParser.Option(help: "Number of clusters, or a range such as 2-8 (the highest silhouette is chosen).") var k = "2-8"
        @ArgumentParser.Option(help: "Use this k of the range instead of the highest silhouette.") var choose: Int?
        @ArgumentParser.Option(help: "Who is in the group: flex, laag or flex,laag (the study's).") var definition = "flex,laag"
        @ArgumentParser.Option(help: "Seed for the robustness samples and CLARA.") var seed: UInt64 = 1
        @ArgumentParser.Option(help: "Output: json or text.") var format = "text"

        func run() async throws {
            guard ["json", "text"].contains(format) else { AppRunner.fail("--format must be json or text") }
            let ks = InsightInput.ks(k)
            if let choose, !ks.contains(choose) { AppRunner.fail("--choose \(choose) is not in --k \(k)") }
            let people = InsightInput.people(file)
            let group = people.filter(InsightInput.definition(definition).includes)
            guard group.count >= 2 else { AppRunner.fail("\(file): fewer than 2 people in the group (\(definition)); nothing to cluster") }
            var options = ClusterAnalysis.Options()
            options.ks = ks
            options.chosenK = choose
            options.seed = seed
            let analysis: ClusterAnalysis
            do { analysis = try ClusterAnalysis(group, options: options) } catch { AppRunner.fail("\(file): \(error.message)") }
            let ids = analysis.variables.included.map { group[$0].personID }
            func json(_ run: ClusterAnalysis.Run) -> [String: Any] {
                [
                    "n_input": people.count, "n_group": group.count, "n_clustered": ids.count,
                    "n_unknown_income": analysis.variables.leftOutForUnknownIncome, "method": analysis.method.rawValue,
                    "k": run.k, "medoids": run.medoids.map { ids[$0] }, "objective": run.totalDeviation,
                    "mean_distance": run.totalDeviation / Double(max(1, ids.count)), "silhouette": run.silhouette, "sizes": run.sizes,
                ]
            }
            var output: Any
            if ks.count == 1 {
                output = json(analysis.runs[0])
            } else {
                output = [
                    "n_input": people.count, "n_group": group.count, "n_clustered": ids.count, "method": analysis.method.rawValue,
                    "chosen_k": analysis.chosen.k, "robustness_ari": analysis.robustness, "runs": analysis.runs.map(json),
                ]
            }
            if format == "json" {
                let data = try JSONSerialization.data(withJSONObject: output, options: [.prettyPrinted, .sortedKeys])
                print(String(decoding: data, as: UTF8.self))
            } else {
                print("\(people.count) people, \(group.count) in the group, \(ids.count) clustered (\(analysis.method.rawValue))")
                for run in analysis.runs {
                    print(
                        "k = \(run.k): silhouette \(String(format: "%.3f", run.silhouette)), objective \(String(format: "%.3f", run.totalDeviation)), sizes \(run.sizes.map(String.init).joined(separator: " "))\(run.k == analysis.chosen.k ? "  <- chosen" : "")"
                    )
                }
                if !analysis.robustness.isEmpty {
                    print("robustness (k = \(analysis.chosen.k), five 80% samples), adjusted Rand index: " + analysis.robustness.map { String(format: "%.3f", $0) }.joined(separator: " "))
                }
            }
        }
    }
}

extension InsightCommand {
    /// `loopbrug insight report FILE --out DIR`: report.html and report.pdf.
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the municipal report (HTML and PDF) for a microdata file.")

        @Argument(help: "The microdata CSV.") var file: String
        @ArgumentParser.Option(help: "The directory to write report.html and report.pdf to.") var out: String
        @ArgumentParser.Option(help: "Number of clusters or a range such as 2-8.") var k = "2-8"
        @ArgumentParser.Option(help: "Use this k of the range instead of the highest silhouette.") var choose: Int?
        @ArgumentParser.Option(help: "Who is in the group: flex, laag or flex,laag (the study's).") var definition = "flex,laag"
        @ArgumentParser.Option(help: "Language: nl or en.") var lang = "nl"
        @ArgumentParser.Option(help: "Seed for the robustness samples and CLARA.") var seed: UInt64 = 1

        func run() async throws {
            guard ["nl", "en"].contains(lang) else { AppRunner.fail("--lang must be nl or en") }
            var options = ClusterAnalysis.Options()
            options.ks = InsightInput.ks(k)
            if let choose, !options.ks.contains(choose) { AppRunner.fail("--choose \(choose) is not in --k \(k)") }
            options.chosenK = choose
            options.seed = seed
            let people = InsightInput.people(file)
            let report: InsightReport
            do { report = try InsightReport(people: people, definition: InsightInput.definition(definition), options: options) } catch {
                AppRunner.fail("\(file): \(error.message) (group: \(definition))")
            }
            let lang = AppRunner.lang(lang)
            let today = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                try Data(InsightReportView.document(report, lang: lang).utf8).write(to: URL(fileURLWithPath: "\(out)/report.html"), options: .atomic)
                try InsightReportPDF.pdf(report, lang: lang, madeOn: today).write(to: URL(fileURLWithPath: "\(out)/report.pdf"), options: .atomic)
            } catch { AppRunner.fail("cannot write the report to \(out): \(error)") }
            AppRunner.say("\(out)/report.html and \(out)/report.pdf: \(report.group) people in the group, \(report.analysis.chosen.k) clusters")
        }
    }
}
