import App
import ArgumentParser
import Engine
import Foundation
import Runner
import Taxonomy

/// `loopbrug transitions --from URI`: the occupations within reach of an ESCO occupation.
struct TransitionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transitions",
        abstract: "The occupations within reach of an ESCO occupation, best first, with the missing essential skills.")

    enum Format: String, ExpressibleByArgument { case json, text }

    @ArgumentParser.Option(help: "ESCO occupation URI (or the UUID at its end).") var from: String?
    @ArgumentParser.Flag(help: "Instead: print the quality figures of the score over all occupations (Markdown).") var quality = false
    @ArgumentParser.Option(help: "Number of targets (1–100).") var top = 10
    @ArgumentParser.Option(help: "json or text.") var format: Format = .text
    @ArgumentParser.Option(help: "Label language: nl or en.") var lang = "nl"

    struct Row: Encodable {
        let uri, label: String
        let score: Double
        let viable: Bool
        let viability: String
        let missingEssentialSkills: [String]
    }

    func run() async throws {
        AppRunner.bootstrapLogging()
        guard (1...100).contains(top) else { AppRunner.fail("--top must be between 1 and 100") }
        guard let language = Language(rawValue: lang) else { AppRunner.fail("--lang must be nl or en") }
        var config = AppRunner.config()
        config.seedDemoData = false
        let (engine, index) = try await AppRunner.withApp(config) { app in
            try await prepare(app, careerData: false, progress: { FileHandle.standardError.write(Data("\($0)\n".utf8)) })
            guard let engine = app.taxonomy.engine, let index = app.taxonomy.index else {
                AppRunner.fail("no ESCO data; run `loopbrug taxonomy import`")
            }
            return (engine, index)
        }
        if quality { return printQuality(engine, index: index) }
        guard let from else { AppRunner.fail("--from is missing: give an ESCO occupation URI") }
        guard let source = engine.occupationIndex(from) else {
            AppRunner.fail("--from: \(from) is not an occupation in ESCO \(index.version); find one with `loopbrug taxonomy search`")
        }
        let model = engine.model
        let report = model.transitions(fromOccupation: source, thresholds: engine.thresholds, top: top)
        let rows = report.transitions.map { t in
            Row(
                uri: model.occupations[t.target].uri, label: model.occupations[t.target].label(in: language),
                score: (Double(t.score) * 10_000).rounded() / 10_000, viable: t.viability != .notViable,
                viability: t.viability.rawValue, missingEssentialSkills: t.missing.map { model.space.uris[Int($0.skill)] })
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
            AppRunner.say(String(decoding: try encoder.encode(rows), as: UTF8.self))
        case .text:
            AppRunner.say("From: \(model.occupations[source].label(in: language)) — viable from \(engine.thresholds.viable), highly viable from \(engine.thresholds.highlyViable)")
            for (i, r) in rows.enumerated() {
                AppRunner.say(String(format: "%2d. %@  %.3f %@  (%d skills missing)", i + 1, r.label, r.score, r.viability, r.missingEssentialSkills.count))
            }
        }
    }
}

extension TransitionsCommand {
    /// Occupations common in flex and platform work, as Dutch job titles the search resolves.
    static let flexOccupations = [
        "schoonmaker gebouwen", "magazijnmedewerker", "kassamedewerker", "gastheer/gastvrouw",
        "auto- en bestelwagenkoerier", "thuiszorgmedewerker", "schappenvuller", "ober/serveerster",
        "fietskoerier", "interieurverzorger", "productiemedewerker", "callcentermedewerker",
    ]

    /// The quality report as Markdown (docs/engine-quality.md is this output plus a reading of it).
    func printQuality(_ engine: CareerEngine, index: TaxonomyIndex) {
        let model = engine.model, t = engine.thresholds
        let matrix = ReachabilityMatrix(model: model)
        let q = EngineQuality(model: model, matrix: matrix, thresholds: t)
        func quantiles(_ c: [Int]) -> String {
            [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0].map { "\(EngineQuality.quantile(c, $0))" }.joined(separator: " | ")
        }
        AppRunner.say("## Figures\n")
        AppRunner.say(String(format: "- Thresholds: viable ≥ %.3f, highly viable ≥ %.3f (from %d within-group pairs).", t.viable, t.highlyViable, t.pairs))
        AppRunner.say(
            String(
                format: "- Top 10 holds an occupation of the own ISCO unit group: %d of %d occupations whose group has other members (%.1f%%).",
                q.topTenWithGroupPeer, q.occupationsWithGroupPeers, 100 * Double(q.topTenWithGroupPeer) / Double(max(1, q.occupationsWithGroupPeers))))
        AppRunner.say("- Occupations with no viable target: \(q.viableTargets.count { $0 == 0 }); with none highly viable: \(q.highlyViableCounts.count { $0 == 0 }).\n")
        AppRunner.say("| targets per occupation | min | p10 | p25 | median | p75 | p90 | max |\n| --- | --- | --- | --- | --- | --- | --- | --- |")
        AppRunner.say("| viable | \(quantiles(q.viableCounts)) |\n| highly viable | \(quantiles(q.highlyViableCounts)) |\n")
        let isolated = model.occupations.indices.filter { q.viableTargets[$0] == 0 }
        AppRunner.say("Occupations with no viable target: " + isolated.map { model.occupations[$0].label(in: .en) }.joined(separator: "; ") + ".\n")
        AppRunner.say("## Worked examples (top 8 targets)\n")
        for title in Self.flexOccupations {
            guard let hit = index.searchOccupations(title, limit: 1).first, let source = model.index(of: hit.occupation.uri) else { continue }
            let report = model.transitions(fromOccupation: source, thresholds: t, top: 8)
            AppRunner.say("### \(hit.occupation.label(in: .nl)) (\(hit.occupation.label(in: .en)), ISCO \(hit.occupation.iscoGroup)) — \(report.viableTargets) viable targets\n")
            AppRunner.say("| # | target | ISCO | score | level | first missing skills |\n| --- | --- | --- | --- | --- | --- |")
            for (i, tr) in report.transitions.enumerated() {
                let o = model.occupations[tr.target]
                let missing = tr.missing.prefix(3).map { model.space.labels[Int($0.skill)] }.joined(separator: "; ")
                AppRunner.say(
                    String(
                        format: "| %d | %@ (%@) | %@ | %.3f | %@ | %@ |", i + 1, o.label(in: .nl), o.label(in: .en), o.iscoGroup,
                        tr.score, tr.viability.rawValue, missing))
            }
            AppRunner.say("")
        }
    }
}
