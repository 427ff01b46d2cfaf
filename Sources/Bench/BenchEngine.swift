import App
import ArgumentParser
import Engine
import Foundation
import Runner
import Taxonomy
import TaxonomySource

/// `loopbrug bench engine`: the figures issue 4 asks for, side by side with a Python baseline
/// (bench/baseline_engine.py: scipy.sparse cosine similarity and top-k on the same skill vectors).
struct BenchEngine: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Reachability matrix, worker transitions and vacancy matching, against a Python/scipy baseline.")

    @ArgumentParser.Option(help: "Vacancies to generate.") var vacancies = 200_000
    @ArgumentParser.Option(help: "Workers to time (each query runs once per worker, after a warm-up).") var workers = 300
    @ArgumentParser.Option(help: "Generator seed.") var seed: UInt64 = 1
    @ArgumentParser.Option(help: "Python with numpy and scipy (scripts/setup makes .venv).") var python = ".venv/bin/python"
    @ArgumentParser.Flag(help: "Skip the Python baseline.") var noBaseline = false
    @ArgumentParser.Option(help: "Only build the matrix this many times (for profilers).") var matrixOnly: Int?

    func run() async throws {
        AppRunner.bootstrapLogging()
        let config = AppRunner.config()
        AppRunner.say("loopbrug bench engine — \(BenchTaxonomy.machine())")
        let dataset = try ESCODistribution(directory: config.escoDirectory).load().dataset
        let placesText = try String(contentsOfFile: config.placesFile, encoding: .utf8)
        let places = try PlaceDirectory(tsv: placesText)

        var engine: CareerEngine?
        let build = BenchTaxonomy.time { engine = CareerEngine(dataset: dataset) }
        let model = engine!.model, thresholds = engine!.thresholds
        AppRunner.say(
            String(
                format: "Model and thresholds from ESCO: %.0f ms (viable ≥ %.3f, highly viable ≥ %.3f)",
                build * 1000, thresholds.viable, thresholds.highlyViable))

        if let rounds = matrixOnly {
            let t = BenchTaxonomy.time { for _ in 0..<rounds { _ = ReachabilityMatrix(model: model) } }
            return AppRunner.say(String(format: "%d matrices: %.1f ms each", rounds, t * 1000 / Double(rounds)))
        }

        // 1. The full matrix, three times; then the top 10 of every row as a user would ask.
        var matrixTimes: [Double] = []
        var matrix: ReachabilityMatrix?
        for _ in 0..<3 { matrixTimes.append(BenchTaxonomy.time { matrix = ReachabilityMatrix(model: model) }) }
        let topTen = BenchTaxonomy.time { _ = matrix!.topTargets(10) }
        let matrixBest = matrixTimes.min()! + topTen
        AppRunner.say(
            String(
                format: "Matrix %d × %d: best %.0f ms, runs %@ ms; + top 10 per row %.0f ms (target: under 2,000 ms)",
                model.occupations.count, model.occupations.count, matrixTimes.min()! * 1000,
                matrixTimes.map { String(format: "%.0f", $0 * 1000) }.joined(separator: "/"), topTen * 1000))

        // The same computation with near-skill credit switched off: what the cosine baseline does.
        var exactOnly = ReachabilityParameters()
        exactOnly.related = 0
        exactOnly.sibling = 0
        let plain = ReachabilityModel(dataset: dataset, parameters: exactOnly)
        let plainTimes = (0..<3).map { _ in BenchTaxonomy.time { _ = ReachabilityMatrix(model: plain).topTargets(10) } }
        AppRunner.say(String(format: "Matrix + top 10 per row with exact skill matches only (no near-skill credit): best %.0f ms", plainTimes.min()! * 1000))

        // 2. Workers: one to three occupations' worth of verified work plus a few loose skills each.
        var rng = SeededGenerator(seed: seed ^ 0x5DEE_CE66_D1CE_4E5B)
        let people = (0..<workers).map { _ in Self.worker(model: model, rng: &rng) }
        for p in people.prefix(20) { _ = model.transitions(from: p, thresholds: thresholds, top: 20) }
        let targetTimes = people.map { p in BenchTaxonomy.time { _ = model.bestTargets(from: p, top: 20) } }.sorted()
        let transitionTimes = people.map { p in BenchTaxonomy.time { _ = model.transitions(from: p, thresholds: thresholds, top: 20) } }.sorted()

        // 3. Matching against generated vacancies under each worker's own wishes.
        var generator = VacancyGenerator(seed: seed, model: model, places: places)
        var list: [Vacancy] = []
        let generate = BenchTaxonomy.time { list = (0..<vacancies).map { generator.next(id: "v\($0)") } }
        var board: VacancyBoard?
        let boardTime = BenchTaxonomy.time { board = VacancyBoard(vacancies: list, model: model) }
        let wishes = people.indices.map { _ in Self.wishes(places: places, rng: &rng) }
        let credits = people.map { model.credits(for: $0) }
        func match(_ i: Int) -> [VacancyMatch] {
            board!.match(credit: credits[i], wishes: wishes[i], home: places.place(id: wishes[i].homePlaceID)!, top: 50)
        }
        for i in people.indices.prefix(20) { _ = match(i) }
        var found = 0
        let matchTimes = people.indices.map { i in BenchTaxonomy.time { found += match(i).count } }.sorted()
        AppRunner.say(
            String(
                format: "Generated %d vacancies in %.1f s; board built in %.0f ms; on average %.1f of 50 places filled per worker",
                vacancies, generate, boardTime * 1000, Double(found) / Double(people.count)))

        func line(_ name: String, _ sorted: [Double], target: String) {
            AppRunner.say(
                String(
                    format: "%@ (%d workers): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (target: %@)", name, sorted.count,
                    BenchTaxonomy.percentile(sorted, 0.5) * 1000, BenchTaxonomy.percentile(sorted, 0.95) * 1000,
                    BenchTaxonomy.percentile(sorted, 0.99) * 1000, target))
        }
        line("Worker's best 20 targets (scores only)", targetTimes, target: "3× the baseline")
        line("Worker transitions, top 20 with gaps and ranked missing skills", transitionTimes, target: "p95 under 10 ms")
        line("Matching, top 50 of \(vacancies) under hard wishes", matchTimes, target: "p95 under 50 ms")

        guard !noBaseline else { return }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("loopbrug-bench-engine-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        try BaselineExport.write(to: work, model: model, workers: people, board: board!, wishes: wishes, places: places)
        let baseline = try BaselineExport.run(python: python, directory: work)
        let ours = [
            "matrix_ms": matrixBest * 1000, "matrix_exact_ms": plainTimes.min()! * 1000,
            "worker_p95_ms": BenchTaxonomy.percentile(targetTimes, 0.95) * 1000,
            "match_p95_ms": BenchTaxonomy.percentile(matchTimes, 0.95) * 1000,
        ]
        AppRunner.say("Side by side with bench/baseline_engine.py (numpy \(baseline.versions)), same vectors, same workers, same wishes:")
        for (key, name) in [
            ("matrix_ms", "Full matrix + top 10 per row"),
            ("matrix_exact_ms", "The same, exact matches only (like the baseline)"), ("worker_p95_ms", "One worker's best 20 targets, p95"),
            ("match_p95_ms", "Matching 200k, p95"),
        ] {
            let theirs = baseline.figures[key == "matrix_exact_ms" ? "matrix_ms" : key] ?? .nan, mine = ours[key]!
            AppRunner.say(String(format: "  %@: Loopbrug %.2f ms, Python %.2f ms → %.1f× faster", name, mine, theirs, theirs / mine))
        }
    }

    static func worker(model: ReachabilityModel, rng: inout SeededGenerator) -> HeldSkills {
        var held = HeldSkills()
        for _ in 0..<(1 + rng.next(3)) {
            held.add(model.heldSkills(ofOccupation: rng.next(model.occupations.count)))
        }
        for _ in 0..<rng.next(4) { held.add(Int32(rng.next(model.space.count)), 1) }
        return held
    }

    static func wishes(places: PlaceDirectory, rng: inout SeededGenerator) -> WorkWishes {
        let contracts = ContractType.allCases.filter { _ in rng.next(2) == 0 }
        let sections = SBI.sections.keys.sorted()
        return WorkWishes(
            maxHoursPerWeek: [8, 16, 24, 32, 40][rng.next(5)],
            days: rng.next(2) == 0 ? .all : Weekdays(rawValue: UInt8(truncatingIfNeeded: rng.next(127) + 1)),
            maxTravelKm: [10, 20, 30, 50][rng.next(4)],
            homePlaceID: places.places[rng.next(min(300, places.places.count))].id,
            contracts: Set(contracts.isEmpty ? [.temporary] : contracts),
            avoidSectors: Set((0..<rng.next(3)).map { _ in sections[rng.next(sections.count)] }))
    }
}
