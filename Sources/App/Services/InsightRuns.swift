import Foundation
import Identifiers
import Insight
import Localization
import NIOConcurrencyHelpers
import Vapor

/// The analysts' runs of the municipal analysis. A run takes up to a minute on two cores and up
/// to 1 GB, so runs go one at a time on a queue of their own (never on the threads that answer
/// requests), and each reports its step for the progress bar.
///
/// Privacy: an uploaded file that is not kept is never written anywhere; its bytes and the
/// person-level data read from them are dropped when the run ends. What a finished run keeps is
/// only the disclosure-protected report (page and PDF, Dutch and English). Results live in memory
/// until the server restarts; a kept file can be analysed again.
public final class InsightRuns: Sendable {
    public struct Settings: Sendable, Equatable {
        public var definition: VulnerableDefinition = .study
        /// The number of clusters to report; nil: the highest silhouette among 2…8.
        public var k: Int?
        public init(definition: VulnerableDefinition = .study, k: Int? = nil) {
            self.definition = definition
            self.k = k
        }
    }

    /// A step of a run, for the progress bar: its place in `steps(clara:)` and its name there.
    public struct Step: Sendable, Equatable {
        public let number: Int
        public let of: Int
        /// "read", "tables", …, or "clara k=5" for each k of a large group.
        public let name: String
        let clara: Bool

        init?(_ name: String, clara: Bool) {
            let all = InsightRuns.steps(clara: clara)
            guard let index = all.firstIndex(of: name) else { return nil }
            number = index + 1
            of = all.count
            self.name = name
            self.clara = clara
        }

        /// The k a CLARA step is at.
        public var claraK: Int? { name.hasPrefix("clara k=") ? Int(name.dropFirst("clara k=".count)) : nil }
        public var key: String { claraK == nil ? name : "clara" }
    }

    /// A run's steps in order, named as `ClusterAnalysis` reports them (plus reading and the
    /// report): PAM's matrix steps for a group that fits, or one CLARA step per k above it.
    static func steps(clara: Bool) -> [String] {
        let clustering = clara ? ClusterAnalysis.Options().ks.map { "clara k=\($0)" } : ["distances", "build", "swap", "silhouettes"]
        return ["read", "tables"] + clustering + ["robustness", "report"]
    }

    /// The protected report, rendered once in both languages.
    public struct Report: Sendable {
        public let title: [Lang: String]
        public let page: [Lang: RenderedHTML]
        public let pdf: [Lang: Data]
        public let chosenK: Int
    }

    public enum Failure: Sendable {
        /// The file does not read: every problem with line and column.
        case problems([RecordProblem])
        /// The group cannot be clustered: too few people, or too few with a known income.
        case notClusterable(ClusterProblem)
        /// The report could not be drawn.
        case reportFailed
    }

    public enum Phase: Sendable {
        case waiting
        case running(Step)
        case done(Report)
        case failed(Failure)

        public var isFinished: Bool {
            switch self {
            case .done, .failed: true
            case .waiting, .running: false
            }
        }
    }

    public struct Run: Sendable {
        public let id: String
        public let owner: UserID
        public let fileName: String
        public let sizeBytes: Int
        public let settings: Settings
        public let startedAt: Date
        public var phase: Phase
        /// Whether the file was kept (saved once it read without problems).
        public var kept: Bool
    }

    /// Why a run was not started.
    public enum Refusal: Error, Sendable {
        case ownRunUnfinished
        case queueFull
    }

    /// Runs waiting or running, over all analysts: each holds its file in memory.
    static let queueLimit = 3
    /// Finished runs remembered per analyst (the oldest is forgotten first).
    static let finishedPerOwner = 10

    private struct Job: Sendable {
        let id: String
        let owner: UserID
        let bytes: [UInt8]
        /// The report's date (the day the run started, in the Netherlands).
        let madeOn: String
        let keep: (store: InsightFileStore, row: InsightFileRow)?
    }

    private struct State {
        var runs: [String: Run] = [:]
        var pending: [Job] = []
        var working = false
    }

    private let state = NIOLockedValueBox(State())
    /// Where the CPU-heavy steps run (internal: tests hold it to keep runs unfinished).
    let queue = DispatchQueue(label: "loopbrug.insight", qos: .utility)

    public init() {}

    /// Queues a run of `bytes`; with `keep`, the file is saved there once it reads without problems.
    public func start(
        id: String, owner: UserID, fileName: String, bytes: [UInt8], settings: Settings, now: Date,
        keep: (store: InsightFileStore, row: InsightFileRow)?, alreadyKept: Bool = false
    ) throws(Refusal) {
        let outcome = state.withLockedValue { state -> Result<Bool, Refusal> in
            let unfinished = state.runs.values.filter { !$0.phase.isFinished }
            if unfinished.contains(where: { $0.owner == owner }) { return .failure(.ownRunUnfinished) }
            if unfinished.count >= Self.queueLimit { return .failure(.queueFull) }
            state.runs[id] = Run(
                id: id, owner: owner, fileName: fileName, sizeBytes: bytes.count, settings: settings,
                startedAt: now, phase: .waiting, kept: alreadyKept)
            state.pending.append(Job(id: id, owner: owner, bytes: bytes, madeOn: Self.day(now), keep: keep))
            Self.forgetOldest(of: owner, in: &state)
            defer { state.working = true }
            return .success(!state.working)
        }
        let startWorker = try outcome.get()
        if startWorker { Task.detached(priority: .utility) { await self.work() } }
    }

    /// The run, only for its owner.
    public func run(id: String, owner: UserID) -> Run? {
        state.withLockedValue { $0.runs[id] }.flatMap { $0.owner == owner ? $0 : nil }
    }

    /// The owner's runs, newest first.
    public func runs(owner: UserID) -> [Run] {
        state.withLockedValue { $0.runs.values.filter { $0.owner == owner } }.sorted { $0.startedAt > $1.startedAt }
    }

    /// Forgets a run (its report); a run still going finishes unseen. Whether there was one.
    @discardableResult
    public func forget(id: String, owner: UserID) -> Bool {
        state.withLockedValue { state in
            guard state.runs[id]?.owner == owner else { return false }
            state.runs[id] = nil
            state.pending.removeAll { $0.id == id }
            return true
        }
    }

    /// Forgets everything of one analyst (their account was deleted).
    public func forgetAll(owner: UserID) {
        state.withLockedValue { state in
            state.runs = state.runs.filter { $0.value.owner != owner }
            state.pending.removeAll { $0.owner == owner }
        }
    }

    private static func forgetOldest(of owner: UserID, in state: inout State) {
        let finished = state.runs.values.filter { $0.owner == owner && $0.phase.isFinished }.sorted { $0.startedAt > $1.startedAt }
        for old in finished.dropFirst(finishedPerOwner) { state.runs[old.id] = nil }
    }

    // MARK: - The worker

    /// Takes jobs until none is left; only one worker runs at a time.
    private func work() async {
        while let job = nextJob() { await execute(job) }
    }

    private func nextJob() -> Job? {
        state.withLockedValue { state in
            guard !state.pending.isEmpty else { state.working = false; return nil }
            return state.pending.removeFirst()
        }
    }

    private func execute(_ job: Job) async {
        guard let settings = state.withLockedValue({ $0.runs[job.id]?.settings }) else { return }
        progress(job.id, "read")
        let read = await onQueue { PersonRecordReader.read(job.bytes) }
        guard case .records(let people) = read else {
            if case .problems(let problems) = read { update(job.id, .failed(.problems(problems))) }
            return
        }
        if let keep = job.keep {
            do {
                try await keep.store.save(keep.row, content: job.bytes)
                let forgotten = state.withLockedValue { state in
                    state.runs[job.id]?.kept = true
                    return state.runs[job.id] == nil
                }
                // The run was deleted meanwhile (by the analyst, or with the account): no file outlives it.
                if forgotten { try await keep.store.delete(id: keep.row.id, owner: job.owner) }
            } catch {
                // The run goes on; the page shows the file was not kept.
                Logger(label: "loopbrug.insight").error("a kept insight file could not be saved: \(String(reflecting: error).prefix(200))")
            }
        }
        let options = {
            var o = ClusterAnalysis.Options(); o.chosenK = settings.k; return o
        }()
        let outcome = await onQueue { () -> Result<InsightReport, ClusterProblem> in
            Result { () throws(ClusterProblem) in
                try InsightReport(people: people, definition: settings.definition, options: options) { [weak self] step in
                    self?.progress(job.id, step)
                }
            }
        }
        let report: InsightReport
        switch outcome {
        case .success(let made): report = made
        case .failure(let problem): return update(job.id, .failed(.notClusterable(problem)))
        }
        progress(job.id, "report")
        let rendered = await onQueue { () -> Report? in
            var title: [Lang: String] = [:], page: [Lang: RenderedHTML] = [:], pdf: [Lang: Data] = [:]
            for lang in Lang.allCases {
                title[lang] = InsightReportText(report, lang: lang).title
                page[lang] = RenderedHTML(fragment(InsightReportView.body(report, lang: lang)))
                guard let document = try? InsightReportPDF.pdf(report, lang: lang, madeOn: job.madeOn) else { return nil }
                pdf[lang] = document
            }
            return Report(title: title, page: page, pdf: pdf, chosenK: report.analysis.chosen.k)
        }
        update(job.id, rendered.map(Phase.done) ?? .failed(.reportFailed))
    }

    /// Moves a run to the named step; a name that is no step ("done") changes nothing. Whether
    /// the run clusters with CLARA shows at its first "clara k=…" step and holds from then on.
    private func progress(_ id: String, _ name: String) {
        state.withLockedValue { state in
            let current: Step? = if case .running(let step) = state.runs[id]?.phase { step } else { nil }
            let clara = (current?.clara ?? false) || name.hasPrefix("clara k=")
            if let next = Step(name, clara: clara) { state.runs[id]?.phase = .running(next) }
        }
    }

    private func update(_ id: String, _ phase: Phase) {
        state.withLockedValue { $0.runs[id]?.phase = phase }
    }

    /// Runs CPU-heavy work on the insight queue, off Swift's cooperative threads.
    private func onQueue<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in queue.async { continuation.resume(returning: work()) } }
    }

    static func day(_ date: Date) -> String {
        ISO8601DateFormatter.string(from: date, timeZone: TimeZone(identifier: "Europe/Amsterdam") ?? .current, formatOptions: [.withFullDate])
    }
}

extension Application {
    private struct InsightRunsKey: StorageKey { typealias Value = InsightRuns }
    public var insightRuns: InsightRuns { shared(InsightRunsKey.self) { InsightRuns() } }
}
