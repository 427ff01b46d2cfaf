import Engine
import Fluent
import Foundation
import Identifiers
import Passport
import Taxonomy

/// Where a worker can go from the work in their passport, and which vacancies fit their wishes:
/// the passport and wishes from the database, read against one snapshot of the career data.
public struct CareerAdvice: Sendable {
    let database: any Database
    public let snapshot: CareerData.Snapshot

    public init(database: any Database, snapshot: CareerData.Snapshot) {
        self.database = database
        self.snapshot = snapshot
    }

    /// What the engine reads from a passport: every record that is not revoked.
    func evidence(worker: WorkerID) async throws -> [WorkEvidence] {
        try await PassportStore(database: database).records(worker: worker).compactMap(Self.evidence(from:))
    }

    /// One stored record as evidence; nil when revoked or unreadable.
    static func evidence(from row: PassportRecordRow) -> WorkEvidence? {
        guard row.revokedAt == nil, let record = record(of: row) else { return nil }
        return evidence(from: record, verified: row.isVerified)
    }

    static func record(of row: PassportRecordRow) -> WorkRecord? {
        (try? JSONValue.parse(row.recordJSON)).flatMap { try? WorkRecord(validated: $0) }
    }

    static func evidence(from record: WorkRecord, verified: Bool) -> WorkEvidence {
        let occupation = record.occupation.map { $0.hasPrefix("http") ? $0 : "http://data.europa.eu/esco/occupation/" + $0 }
        return WorkEvidence(occupationURI: occupation, skillURIs: record.skills, verified: verified)
    }

    public struct WorkerTransitions {
        public let snapshot: CareerData.Snapshot
        public let profile: WorkerProfile
        public let report: TransitionReport
        /// Whether any record was left: a worker with an empty passport gets an invitation, not a list.
        public var hasWork: Bool { !profile.held.isEmpty }
    }

    public func transitions(worker: WorkerID, top: Int) async throws -> WorkerTransitions {
        let profile = WorkerProfile(work: try await evidence(worker: worker), model: snapshot.engine.model)
        let report = snapshot.engine.model.transitions(
            from: profile.held, thresholds: snapshot.engine.thresholds,
            excluding: profile.ownOccupations, top: profile.held.isEmpty ? 0 : top)
        return WorkerTransitions(snapshot: snapshot, profile: profile, report: report)
    }

    public enum MatchOutcome {
        case noWishes
        case matches([VacancyMatch], WorkWishes, CareerData.Snapshot)
    }

    public func matches(worker: WorkerID, top: Int) async throws -> MatchOutcome {
        guard let stored = try await EngineStore(database: database).wishes(worker: worker),
            let home = snapshot.places.place(id: stored.wishes.homePlaceID)
        else { return .noWishes }
        let model = snapshot.engine.model
        let profile = WorkerProfile(work: try await evidence(worker: worker), model: model)
        let found = snapshot.board.match(credit: model.credits(for: profile.held), wishes: stored.wishes, home: home, top: top)
        return .matches(found, stored.wishes, snapshot)
    }
}
