import App
import ArgumentParser
import Engine
import Foundation
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
        let (engine, version) = try await AppRunner.withApp(config) { app in
            try await prepare(app, progress: { FileHandle.standardError.write(Data("\($0)\n".utf8)) })
            guard let engine = app.taxonomy.engine, let index = app.taxonomy.index else {
                AppRunner.fail("no ESCO data; run `loopbrug taxonomy import`")
            }
            return (engine, index.version)
        }
        if quality { return printQuality(engine) }
        guard let from else { AppRunner.fail("--from is missing: give an ESCO occupation URI") }
        guard let source = engine.occupationIndex(from) else {
            AppRunner.fail("--from: \(from) is not an occupation in ESCO \(version); find one with `loopbrug taxonomy search`")
        }
        let model = engine.model
        let report = model.transitions(fromOccupation: source, thresholds: engine.thresholds, top: top)
        let rows = report.transitions.map { t in
            Row(uri: model.occupations[t.target].uri, label: model.occupations[t.target].label(in: language),
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
    func printQuality(_ engine: CareerEngine) {
        let matrix = ReachabilityMatrix(model: engine.model)
        let q = EngineQuality(model: engine.model, matrix: matrix, thresholds: engine.thresholds)
        let t = engine.thresholds
        func quantiles(_ c: [Int]) -> String {
            [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0].map { "\(EngineQuality.quantile(c, $0))" }.joined(separator: " / ")
        }
        AppRunner.say(String(format: "thresholds: viable %.3f, highly viable %.3f (from %d within-group pairs)", t.viable, t.highlyViable, t.pairs))
        AppRunner.say("top-10 with a peer from the own ISCO unit group: \(q.topTenWithGroupPeer) of \(q.occupationsWithGroupPeers)")
        AppRunner.say("viable targets per occupation, min/p10/p25/median/p75/p90/max: \(quantiles(q.viableCounts))")
        AppRunner.say("highly viable: \(quantiles(q.highlyViableCounts))")
        AppRunner.say("occupations with no viable target: \(q.viableCounts.count { $0 == 0 })")
    }
}
