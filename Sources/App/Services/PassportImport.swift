import Days
import Foundation
import Identifiers
import Passport
import Taxonomy

extension PassportService {
    /// Lines verified per step of an import; storing one step overlaps verifying the next.
    public static let importChunk = 8_192

    /// Verifies and stores a batch all or nothing; every bad line is reported. ESCO URIs are checked
    /// against the loaded taxonomy.
    ///
    /// One transaction, in steps: verify chunk k+1 on every core while chunk k is written on the
    /// database's own thread, so storing costs little extra time. After the first bad line
    /// nothing more is written, the remaining lines are still checked (for the report), and the
    /// transaction is rolled back.
    public func importCredentials(
        _ lines: [JSONLines.Line], from sender: ImportSender, store: PassportStore,
        taxonomy: TaxonomyIndex?, now: Date, chunkSize: Int = importChunk
    ) async throws -> ImportReport {
        precondition(chunkSize > 0)
        let keys = try await store.activeKeys()
        do {
            let (accepted, workers) = try await store.database.writeTransaction { db -> (Int, Set<String>) in
                var checks = ImportChecks(sender: sender, taxonomy: taxonomy, service: self)
                let tx = PassportStore(database: db)
                var writing: Task<Void, any Error>?
                var written = 0
                var workers = Set<String>()
                do {
                    for start in stride(from: 0, to: lines.count, by: chunkSize) {
                        let chunk = Array(lines[start..<min(start + chunkSize, lines.count)])
                        let results = await Offload.run { self.verifyAll(chunk, keys: keys, now: now, isRevoked: nil) }
                        try await writing?.value  // the previous chunk is stored before this one's checks query
                        writing = nil
                        let rows = try await checks.rows(for: zip(chunk, results).map { ($0.number, $1) }, store: tx, now: now)
                        if checks.problems.isEmpty && !rows.isEmpty {
                            written += rows.count
                            workers.formUnion(rows.map(\.workerID))
                            writing = Task { try await tx.insertRows(rows) }
                        }
                    }
                    try await writing?.value
                } catch {
                    // Never leave the transaction with a write still queued on its connection: it
                    // would run after the rollback, outside the transaction.
                    _ = try? await writing?.value
                    throw error
                }
                guard checks.problems.isEmpty else { throw RollBack(problems: checks.problems) }
                try await tx.insertLinks(Array(checks.newLinks.values), now: now)
                return (written, workers)
            }
            return ImportReport(accepted: accepted, problems: [], workers: workers)
        } catch let rollBack as RollBack {
            return ImportReport(accepted: 0, problems: rollBack.problems.sorted { $0.line < $1.line })
        }
    }
}

/// Thrown inside the import's transaction to undo it when a line was refused.
private struct RollBack: Error {
    let problems: [LineProblem]
}

/// What an import has seen so far, to refuse duplicates within the batch and against the
/// database, and to find the worker each record is for.
struct ImportChecks {
    let sender: ImportSender
    let taxonomy: TaxonomyIndex?
    let service: PassportService
    var problems: [LineProblem] = []
    var seenIDs: [String: Int] = [:]
    var seenStatus: [StatusEntry: Int] = [:]
    var usedIndices: [String: Set<Int>] = [:]
    var linksByIssuer: [String: [String: String]] = [:]
    var newLinks: [String: (issuer: String, subject: String, worker: String)] = [:]
    /// Each worker's hours per day: stored records and the lines accepted so far.
    var loads: [String: WorkerLoad] = [:]
    /// Days of work checked so far: one file may not make the check cost more than this.
    var daysChecked = 0
    static let dayBudget = 20_000_000

    init(sender: ImportSender, taxonomy: TaxonomyIndex?, service: PassportService) {
        self.sender = sender
        self.taxonomy = taxonomy
        self.service = service
    }

    /// The rows to store for one chunk's verification results; refusals go to `problems`.
    mutating func rows(
        for results: [(line: Int, result: Result<VerifiedCredential, CredentialProblem>)], store: PassportStore,
        now: Date
    ) async throws -> [PassportRecordRow] {
        var verified: [(line: Int, credential: VerifiedCredential)] = []
        for (line, result) in results {
            switch result {
            case .success(let v): verified.append((line, v))
            case .failure(let p): problems.append(LineProblem(line: line, p))
            }
        }
        let stored = try await store.existingCredentialIDs(verified.map(\.credential.credential.id))
        var rows: [PassportRecordRow] = []
        var lines: [(line: Int, record: WorkRecord)] = []
        rows.reserveCapacity(verified.count)
        for (line, v) in verified {
            let c = v.credential
            func refuse(_ p: CredentialProblem) { problems.append(LineProblem(line: line, p)) }
            if let first = seenIDs[c.id] { refuse(.duplicate("credential \(c.id) is also on line \(first)")); continue }
            seenIDs[c.id] = line
            if stored.contains(c.id) { refuse(.duplicate("credential \(c.id) is already in Loopbrug")); continue }
            if let first = seenStatus[c.status] { refuse(.duplicate("status list entry \(c.status.list)/\(c.status.index) is also used on line \(first)")); continue }
            seenStatus[c.status] = line
            let usedKey = "\(c.issuerID)/\(c.status.list)"
            if usedIndices[usedKey] == nil { usedIndices[usedKey] = try await store.usedStatusIndices(issuerID: c.issuerID, list: c.status.list) }
            if usedIndices[usedKey]!.contains(c.status.index) {
                refuse(.duplicate("status list entry \(c.status.list)/\(c.status.index) already belongs to another credential of this issuer")); continue
            }
            if let problem = service.escoProblem(c.record, taxonomy) { refuse(problem); continue }
            if linksByIssuer[c.issuerID] == nil { linksByIssuer[c.issuerID] = try await store.links(issuerID: c.issuerID) }
            let worker: String
            switch sender {
            case .issuer(let issuerID):
                guard c.issuerID == issuerID else { refuse(.issuer("this API key belongs to another issuer than urn:uuid:\(c.issuerID)")); continue }
                guard let subject = c.record.subjectID else {
                    refuse(.subject("credentialSubject.id is missing: ask the worker for a passport code and redeem it first")); continue
                }
                guard let linked = linksByIssuer[c.issuerID]?[subject] else {
                    refuse(.subject("\(subject) is not linked to a worker: redeem the worker's passport code first")); continue
                }
                worker = linked
            case .admin(let workerID):
                worker = workerID.string
                if let subject = c.record.subjectID {
                    let key = c.issuerID + " " + subject
                    if let linked = linksByIssuer[c.issuerID]?[subject] ?? newLinks[key]?.worker, linked != worker {
                        refuse(.subject("\(subject) is linked to another worker")); continue
                    }
                    if linksByIssuer[c.issuerID]?[subject] == nil { newLinks[key] = (c.issuerID, subject, worker) }
                }
            }
            rows.append(
                PassportRecordRow(
                    id: UUID().idString, workerID: worker, source: "issued", issuerID: c.issuerID, credentialID: c.id,
                    subjectID: c.record.subjectID, token: v.token, recordJSON: v.recordJSON, kind: c.record.kind.rawValue,
                    roleTitle: c.record.roleTitle, periodStart: c.record.start.description, periodEnd: c.record.end?.description,
                    statusList: c.status.list, statusIndex: c.status.index, validFrom: c.validFrom, validUntil: c.validUntil,
                    revokedAt: nil, createdAt: now))
            lines.append((line, c.record))
        }
        return try await withinDailyHours(rows, lines, store: store, now: now)
    }

    /// The rows whose hours fit beside the worker's other records (first come, first kept);
    /// the others are refused, naming the day that would pass 24 hours.
    mutating func withinDailyHours(
        _ rows: [PassportRecordRow], _ lines: [(line: Int, record: WorkRecord)], store: PassportStore,
        now: Date
    ) async throws -> [PassportRecordRow] {
        guard let today = Day(iso: Timestamp.format(now).prefix(10)) else { return rows }
        let unknown = Set(rows.map(\.workerID)).filter { loads[$0] == nil }
        if !unknown.isEmpty {
            let stored = try await store.hourSpans(workers: unknown.sorted(), today: today)
            for worker in unknown { loads[worker] = WorkerLoad(stored[worker] ?? []) }
        }
        var kept: [PassportRecordRow] = []
        kept.reserveCapacity(rows.count)
        for (row, (line, record)) in zip(rows, lines) {
            guard let span = DailyHours.Span(record, today: today) else { kept.append(row); continue }
            daysChecked += span.days
            guard daysChecked <= Self.dayBudget else {
                problems.append(
                    LineProblem(
                        line: line,
                        .schema(
                            path: "credentialSubject.period",
                            reason:
                                "the file's periods add up to more than \(Self.dayBudget) days of work; split it into smaller files")))
                continue
            }
            if let over = loads[row.workerID]?.overflow(adding: span) {
                let date = Day(dayNumber: over.day)?.description ?? "a day in the period"
                let total = (over.hours * 10).rounded() / 10
                problems.append(
                    LineProblem(
                        line: line,
                        .schema(
                            path: "credentialSubject.hours",
                            reason:
                                "together with this worker's other records this is \(JSONValue.number(total).serialized()) hours on \(date); no one works more than 24 hours a day")))
                continue
            }
            loads[row.workerID, default: WorkerLoad()].add(span)
            kept.append(row)
        }
        return kept
    }
}
