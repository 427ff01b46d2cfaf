import Days
import Engine
import Fluent
import Foundation
import Identifiers
import Leermiles
import Localization

/// Everything the worker's leermiles overview shows, read in one place: the balance, what came in
/// from whom (dated by the day it was earned), the projection, the reservations, and course tips
/// for the next step the engine sees in the passport.
public struct LeermilesOverview: Sendable {
    public struct CourseTip: Sendable {
        public let course: Course
        public let choice: CourseChoice
        /// The occupation within reach that the course brings closer.
        public let towards: String
        /// Whether the worker's points can pay for it now, and whether someone must approve.
        public let plan: Result<Spending.Plan, Spending.Problem>
    }

    public let worker: String
    public let today: Day
    public let balance: WorkerBalance
    public let earnings: EarningsOverview
    public let reservations: [ReservationRow]
    public let potTerms: [String: Spending.PotTerms]
    /// Funder id → display name.
    public let names: [String: String]
    /// Course id → title (for reservations of courses no longer in the catalogue: the id).
    public let courseTitles: [String: String]
    /// Hours of verified work still going on: they earn when the work ends.
    public let ongoingHours: Double
    public let tips: [CourseTip]
    public let consent: Bool
    /// Every posting of the worker, for the yearly statements.
    public let postings: [Posting]

    /// The years a statement can be made for: from the first posting's year to this year.
    public var statementYears: [Int] {
        guard let first = postings.first.map({ Day($0.at, in: Day.dutch).year }) else { return [today.year] }
        return Array((min(first, today.year)...today.year).reversed())
    }

    public func name(ofFunder id: String) -> String { names[id] ?? id }
    public func title(ofCourse id: String) -> String { courseTitles[id] ?? id }

    /// `tipsFor`: the account whose passport the course tips come from; nil skips the engine
    /// (the statement shows no tips, and the benchmark's synthetic workers have no passport).
    /// `careerData`: course titles, and with `tipsFor` the engine for the tips (none without it).
    public static func load(
        worker: String, lang: Lang, database: any Database, now: Date, careerData snapshot: CareerData.Snapshot?,
        tipsFor user: UserID? = nil
    ) async throws -> LeermilesOverview {
        let today = Day(now, in: Day.dutch)
        let ledger = LedgerStore(database: database)
        let accounts = try await ledger.accounts(worker: worker)
        let postings = try await ledger.postings(accounts: Array(accounts.keys))
        let store = LeermilesStore(database: database)
        let rules = try await store.rules()
        let facts = try await store.facts(workers: [worker])
        let reservations = try await ReservationStore(database: database).reservations(worker: worker)
        let potTerms = Spending.PotTerms.from(rules)

        let earnings = Self.earnings(postings, worker: worker, rules: rules, facts: facts, today: today, now: now)
        let ongoing = facts.work.filter { $0.end.map { $0 > today } ?? true }.compactMap(\.hours).reduce(0, +)
        var tips: [CourseTip] = []
        if let user, let snapshot {
            // A course reserved, waiting or done is not a tip any more; a cancelled one may be again.
            let taken = Set(reservations.filter { $0.state != .released }.map(\.courseID))
            tips = try await Self.tips(
                CareerAdvice(database: database, snapshot: snapshot), worker: user, accounts: accounts,
                potTerms: potTerms, skipping: taken, lang: lang)
        }

        var funders = Set(postings.flatMap { [$0.from, $0.to] }.filter { $0.kind == .funder }.map(\.owner))
        funders.formUnion(accounts.keys.compactMap(\.pot))
        var titles: [String: String] = [:]
        for id in Set(reservations.map(\.courseID)) { titles[id] = snapshot?.courseTitle(id) ?? id }
        for tip in tips { titles[tip.course.id] = tip.course.title }
        let funderStore = FunderStore(database: database)
        return LeermilesOverview(
            worker: worker, today: today, balance: WorkerBalance(worker: worker, accounts: accounts),
            earnings: EarningsOverview(earnings: earnings, today: today), reservations: reservations, potTerms: potTerms,
            names: try await funderStore.names(funders), courseTitles: titles, ongoingHours: ongoing,
            tips: tips, consent: try await funderStore.consents(worker: worker), postings: postings)
    }

    /// The worker's earnings from the ledger (the truth), dated by the facts that earned them:
    /// the accrual rules run again over this worker's facts give each key its day. A posting no
    /// rule gives (made by hand, or by a rule since removed) keeps the day it was posted.
    static func earnings(_ postings: [Posting], worker: String, rules: [AccrualRule], facts: Accrual.Facts, today: Day, now: Date) -> [Earning] {
        var earnedOn: [String: Day] = [:]
        for dated in Accrual.datedPostings(rules: rules, facts: facts, today: today, at: now) { earnedOn[dated.posting.key] = dated.earnedOn }
        var every: [String: AccrualRule.Recurrence?] = [:]
        for rule in rules { every["rule:" + rule.id] = rule.kind.every }
        let byKey = Dictionary(postings.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        func isOwn(_ a: AccountID) -> Bool { a.kind == .worker && a.owner == worker }
        func earning(_ p: Posting, undone: Bool = false) -> Earning {
            Earning(
                earnedOn: earnedOn[p.key] ?? Day(p.at, in: Day.dutch), amount: undone ? -p.amount : p.amount, funder: p.from.owner,
                reason: p.reason, recurs: Earning.recurs(p.reason, every: every[p.cause] ?? nil))
        }
        var out: [Earning] = []
        for p in postings {
            if p.reason.isEarning && isOwn(p.to) {
                out.append(earning(p))
            } else if p.reason == .reversal, isOwn(p.from), p.to.kind == .funder, let original = p.reverses.flatMap({ byKey[$0] }) {
                out.append(earning(original, undone: true))
            }
        }
        return out
    }

    /// Two or three courses for the closest occupations within reach, each teaching what that
    /// occupation still needs; none when the passport is empty or the catalogue is not loaded.
    static func tips(
        _ career: CareerAdvice, worker: WorkerID, accounts: [AccountID: Miles], potTerms: [String: Spending.PotTerms],
        skipping taken: Set<String>, lang: Lang
    ) async throws -> [CourseTip] {
        let advice = try await career.transitions(worker: worker, top: 6)
        guard advice.hasWork else { return [] }
        let model = advice.snapshot.engine.model
        var tips: [CourseTip] = []
        for transition in advice.report.transitions where tips.count < 3 {
            for found in advice.snapshot.catalogue.courses(for: transition.missing.map(\.skill), limit: 2)
            where tips.count < 3 && !taken.contains(found.course.id) && !tips.contains(where: { $0.course.id == found.course.id }) {
                guard let choice = advice.snapshot.courseChoice(found.course.id) else { continue }
                let plan = Spending.plan(amount: choice.price, balances: accounts, pots: potTerms, forShortageOccupation: choice.forShortageOccupation)
                tips.append(CourseTip(course: found.course, choice: choice, towards: model.occupations[transition.target].label(in: lang.escoLanguage), plan: plan))
            }
        }
        return tips
    }
}
