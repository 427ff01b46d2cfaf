import Engine
import Foundation
import Passport
import Taxonomy
import Vapor

/// Employers search, by occupation, the workers who opted in ("Gevonden worden" on their wishes).
/// Results show skill coverage and verified experience only: never a name, contact details,
/// age, sex or origin (Loopbrug does not hold the last three at all).
enum CompetenceSearchController {
    /// At most this many candidates are shown; the order is by coverage only.
    static let limit = 20

    static func search(_ req: Request) async throws -> Response {
        _ = try EmployerController.employer(req)
        let ctx = PageContext(req)
        let snapshot = try req.application.careerData.ready()
        let query = (req.query[String.self, at: "beroep"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !query.isEmpty else { return .html(CompetencePages.page(ctx, snapshot: snapshot, query: "", target: nil, candidates: [], searched: 0)) }
        guard query.count <= 200, let hit = req.application.taxonomy.index?.searchOccupations(query, limit: 1).first,
            let target = snapshot.engine.model.index(of: hit.occupation.uri)
        else {
            return .html(CompetencePages.page(ctx, snapshot: snapshot, query: query, target: nil, candidates: [], searched: 0), status: .notFound)
        }
        let model = snapshot.engine.model
        var candidates: [CompetenceCandidate] = []
        let workers = try await EngineStore(database: req.db).searchableWorkers()
        let recordsByWorker = try await req.application.passportStore.recordsOfSearchableWorkers()
        for worker in workers {
            // Each record is parsed once: for the skills it shows and, when verified, its hours.
            let records = (recordsByWorker[worker] ?? [])
                .compactMap { row in CareerAdvice.record(of: row).map { (record: $0, verified: row.isVerified) } }
            let profile = WorkerProfile(work: records.map { CareerAdvice.evidence(from: $0.record, verified: $0.verified) }, model: model)
            guard !profile.held.isEmpty else { continue }
            let fit = model.score(to: target, from: profile.held)
            let verified = records.filter(\.verified)
            candidates.append(
                CompetenceCandidate(
                    score: fit.score, covered: fit.covered, missing: fit.missing,
                    verifiedRecords: verified.count, verifiedHours: verified.compactMap(\.record.hours).reduce(0, +)))
        }
        candidates.sort { $0.score > $1.score }
        return .html(
            CompetencePages.page(
                ctx, snapshot: snapshot, query: query, target: target,
                candidates: Array(candidates.prefix(limit)), searched: workers.count))
    }
}
