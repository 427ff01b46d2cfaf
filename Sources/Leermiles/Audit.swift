/// Where a reservation stands: waiting for a coach's or fund's approval, open (points set
/// aside), settled to the course providers, or released back to the worker.
public enum ReservationState: String, Sendable, CaseIterable {
    case awaitingApproval = "awaiting_approval", open, settled, released

    /// "awaiting approval", "open", …: for messages.
    public var words: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

/// The ledger's invariants, checked over everything stored: postings in the order they were
/// written, the balances kept beside them, and the reservations.
public enum LedgerAudit {
    public struct StoredReservation: Sendable, Equatable {
        public typealias State = ReservationState
        public let id: String
        public let worker: String
        public let amount: Miles
        public let state: State
        public init(id: String, worker: String, amount: Miles, state: State) {
            self.id = id
            self.worker = worker
            self.amount = amount
            self.state = state
        }
    }

    /// Every breach found, in words; empty when the ledger is sound.
    public static func breaches(postings: [Posting], storedBalances: [AccountID: Miles], reservations: [StoredReservation]) -> [String] {
        var found: [String] = []
        var replay = Ledger()
        var keys: Set<String> = []
        for posting in postings {
            if !keys.insert(posting.key).inserted { found.append("idempotency key \(posting.key) is used twice"); continue }
            do { try replay.post(posting) } catch { found.append("replaying the postings: \(error)") }
        }
        let total = replay.balances.values.reduce(Miles.zero, +)
        if total != .zero { found.append("the postings do not sum to zero (they sum to \(total))") }
        for (account, balance) in replay.balances.sorted(by: { $0.key < $1.key }) {
            if !account.allows(balance) { found.append("\(account) has \(balance), past zero") }
            if (storedBalances[account] ?? .zero) != balance {
                found.append("\(account): stored balance \(storedBalances[account] ?? .zero), postings give \(balance)")
            }
        }
        for (account, balance) in storedBalances where replay.balances[account] == nil && balance != .zero {
            found.append("\(account): stored balance \(balance) without any posting")
        }
        // Each reservation: its reserve postings, and settle or release postings exactly when it is done.
        var reserved: [String: Miles] = [:], closed: [String: [PostingReason: Miles]] = [:]
        for p in replay.postings {
            guard let id = p.reservation else { continue }
            switch p.reason {
            case .reserve: reserved[id, default: .zero] += p.amount
            case .settle, .release: closed[id, default: [:]][p.reason, default: .zero] += p.amount
            default: break
            }
        }
        var openTotal: [String: Miles] = [:]
        for r in reservations {
            if reserved[r.id] != r.amount { found.append("reservation \(r.id): reserved \(reserved[r.id] ?? .zero) in postings, \(r.amount) stored") }
            // A release gives each leg back to its own account, so it may take several postings;
            // what counts is that exactly the reserved amount left, in one way only.
            let closings = closed[r.id] ?? [:]
            switch r.state {
            case .awaitingApproval, .open:
                if !closings.isEmpty { found.append("reservation \(r.id) is \(r.state.rawValue) but was settled or released") }
                openTotal[r.worker, default: .zero] += r.amount
            case .settled, .released:
                let way: PostingReason = r.state == .settled ? .settle : .release
                if closings.keys.contains(where: { $0 != way }) || closings[way] != r.amount {
                    found.append(
                        "reservation \(r.id) is \(r.state.rawValue) but its closing postings move "
                            + closings.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) by \($0.key.rawValue)" }.joined(separator: " and ")
                            + (closings.isEmpty ? "nothing" : "") + " of \(r.amount)")
                }
            }
        }
        let known = Set(reservations.map(\.id))
        for id in reserved.keys.sorted() where !known.contains(id) { found.append("postings reserve for \(id), which is not stored") }
        for (worker, amount) in openTotal.sorted(by: { $0.key < $1.key }) where replay.balance(.reserved(worker)) != amount {
            found.append("reserved:\(worker) holds \(replay.balance(.reserved(worker))) but open reservations add up to \(amount)")
        }
        return found
    }
}
