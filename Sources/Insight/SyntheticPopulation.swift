import Taxonomy

/// Synthetic microdata in the shape of the CBS files, for demonstrations and tests (real microdata
/// never leave CBS). The research group's marginals match the Almere study's published tables up
/// to rounding of whole people, and it has a latent structure like the study's five clusters:
/// every person belongs to one latent cluster, and within a cluster the variables are drawn
/// independently from table 2.8's profiles, raked (iterative proportional fitting) so that the
/// clusters together give the published marginals exactly. Counts are allotted, not sampled, so
/// even small files stay within a percentage point of the tables.
public enum SyntheticPopulation {
    /// `n` people of the research group, and `others` workers outside it (permanent or
    /// fixed-term contract with a starting qualification), rows in random order.
    public static func generate(n: Int, seed: UInt64, others: Int = 0, municipality: String = "Almere") -> [PersonRecord] {
        var rng = SeededGenerator(seed: seed)
        var people = Blueprint.group.people(n, rng: &rng) + Blueprint.others.people(others, rng: &rng)
        people.shuffle(using: &rng)
        let width = String(max(1, people.count)).count
        return people.enumerated().map { index, drawn in
            drawn.record(
                id: "P" + String(repeating: "0", count: max(0, width - String(index + 1).count)) + String(index + 1),
                municipality: municipality, rng: &rng)
        }
    }

    /// One person's categories before ages, incomes and hours are drawn within their bands.
    struct Drawn {
        var codes = [Int](repeating: 0, count: Field.allCases.count)

        func record(id: String, municipality: String, rng: inout SeededGenerator) -> PersonRecord {
            func pick<T: CaseIterable>(_ field: Field, _: T.Type) -> T { Array(T.allCases)[codes[field.rawValue]] }
            let ageBand = pick(.age, AgeBand.self), incomeBand = pick(.income, IncomeBand.self)
            let hoursBand = pick(.hours, PersonRecord.HoursBand.self)
            let sector = Blueprint.sectorNames[codes[Field.sector.rawValue]]
            let jobs = codes[Field.jobs.rawValue] == 0 ? 1 : (Int.random(in: 0..<5, using: &rng) == 0 ? 3 : 2)
            var record = PersonRecord(
                personID: id, age: Int.random(in: ageBand.ages, using: &rng), sex: pick(.sex, PersonRecord.Sex.self),
                household: pick(.household, PersonRecord.Household.self), education: pick(.education, PersonRecord.Education.self),
                incomeEuros: incomeBand.euros.map { Double(Int.random(in: $0, using: &rng)) },
                contract: pick(.contract, PersonRecord.Contract.self),
                hoursPerWeek: Double(Int.random(in: hoursBand.halfHours, using: &rng)) / 2, hoursBand: hoursBand,
                sector: sector, jobs: jobs, breadwinner: pick(.breadwinner, PersonRecord.Answer.self), municipality: municipality)
            record.selfEmployed = PersonRecord.Answer.nee
            record.economicallyIndependent = pick(.independent, PersonRecord.Answer.self)
            return record
        }
    }

    enum Field: Int, CaseIterable { case sex, age, household, income, breadwinner, independent, contract, hours, jobs, sector, education }

    /// How a population is drawn: latent cluster weights, and per variable the marginal target
    /// and each cluster's profile.
    struct Blueprint {
        let clusterWeights: [Double]
        let variables: [Field: (target: [Double], profiles: [AlmereStudy.Profile])]
        let education: [Double]
        /// The research group's definition holds person by person: who has no flex contract has
        /// no starting qualification (education "laag").
        let nonFlexIsLow: Bool

        static let sectorNames = AlmereStudy.sectors.map(\.0) + ["L", "D", "B", "E", "T", "U"]

        static let group = Blueprint(
            clusterWeights: AlmereStudy.clusters.map { Double($0.size) },
            variables: [
                .sex: (AlmereStudy.sex, AlmereStudy.sexProfiles),
                .age: (AlmereStudy.ageBands, AlmereStudy.ageProfiles),
                .household: (AlmereStudy.household, AlmereStudy.householdProfiles),
                .income: (AlmereStudy.incomeBands, AlmereStudy.incomeProfiles),
                .breadwinner: (AlmereStudy.breadwinner, AlmereStudy.breadwinnerProfiles),
                .independent: (AlmereStudy.economicallyIndependent, AlmereStudy.independentProfiles),
                .contract: (AlmereStudy.contract, AlmereStudy.contractProfiles),
                .hours: (AlmereStudy.hoursBands, AlmereStudy.hoursProfiles),
                .jobs: (AlmereStudy.jobs, AlmereStudy.jobsProfiles),
                .sector: (AlmereStudy.sectors.map(\.1) + [0, 0, 0, 0, 0, 0], AlmereStudy.sectorProfiles),
            ],
            education: AlmereStudy.education, nonFlexIsLow: true)

        /// Workers outside the group, so that a file can show the group against everyone. These
        /// shares are illustrative (the study publishes no table of all workers).
        static let others = Blueprint(
            clusterWeights: [1],
            variables: [
                .sex: ([53, 47], [[]]), .age: ([12, 22, 22, 23, 21], [[]]), .household: ([42, 4, 23, 14, 12, 5], [[]]),
                .income: ([3, 10, 20, 22, 16, 28, 1], [[]]), .breadwinner: ([56, 43, 1], [[]]), .independent: ([90, 9, 1], [[]]),
                .contract: ([84, 0, 16], [[]]), .hours: ([5, 7, 9, 10, 15, 54], [[]]), .jobs: ([94, 6], [[]]),
                .sector: ([2, 15, 17, 5, 3, 7, 4, 10, 8, 5, 8, 6, 3, 2, 4, 1, 1, 1, 0, 0, 0, 0], [[]]),
            ],
            education: [0, 12, 14, 22, 9, 38, 5], nonFlexIsLow: false)

        func people(_ n: Int, rng: inout SeededGenerator) -> [Drawn] {
            guard n > 0 else { return [] }
            let sizes = apportion(n, clusterWeights)
            var drawn = [Drawn](repeating: Drawn(), count: n)
            let starts = sizes.indices.map { sizes[..<$0].reduce(0, +) }
            // In a fixed order: the same seed gives the same file.
            for field in Field.allCases {
                guard let spec = variables[field] else { continue }
                let counts = controlledRound(rake(spec, sizes: sizes), rows: sizes, columns: apportion(n, spec.target))
                for (c, row) in counts.enumerated() {
                    var codes = row.enumerated().flatMap { [Int](repeating: $0.offset, count: $0.element) }
                    codes.shuffle(using: &rng)
                    for (offset, code) in codes.enumerated() { drawn[starts[c] + offset].codes[field.rawValue] = code }
                }
            }
            assignEducation(&drawn, rng: &rng)
            return drawn
        }

        /// Education: the research group's definition person by person, the marginals exactly.
        private func assignEducation(_ drawn: inout [Drawn], rng: inout SeededGenerator) {
            let quota = apportion(drawn.count, education)
            let flexCode = PersonRecord.Contract.allCases.firstIndex(of: .flex)!
            let free = drawn.indices.filter { !nonFlexIsLow || drawn[$0].codes[Field.contract.rawValue] == flexCode }
            var codes: [Int] = []
            if nonFlexIsLow {
                // The others' categories first, as published; "laag" fills the rest of the flex workers.
                for (code, count) in quota.enumerated().dropFirst() { codes += [Int](repeating: code, count: count) }
                codes = Array(codes.prefix(free.count))
                codes += [Int](repeating: 0, count: free.count - codes.count)
            } else {
                codes = quota.enumerated().flatMap { [Int](repeating: $0.offset, count: $0.element) }
            }
            codes.shuffle(using: &rng)
            for index in drawn.indices { drawn[index].codes[Field.education.rawValue] = 0 }
            for (index, code) in zip(free, codes) { drawn[index].codes[Field.education.rawValue] = code }
        }

        /// Each cluster's shares: the named groups of categories as profiled, the rest in
        /// proportion to the target; then raked to the cluster sizes and the target marginals.
        private func rake(_ spec: (target: [Double], profiles: [AlmereStudy.Profile]), sizes: [Int]) -> [[Double]] {
            let target = spec.target
            var m: [[Double]] = sizes.indices.map { c in
                let profile = spec.profiles[c]
                var shares = [Double](repeating: 0, count: target.count)
                var named = Set<Int>(), namedShare = 0.0
                for (categories, share) in profile {
                    let sum = categories.reduce(0) { $0 + target[$1] }
                    for j in categories where sum > 0 { shares[j] = share * target[j] / sum }
                    named.formUnion(categories); namedShare += share
                }
                let rest = target.indices.filter { !named.contains($0) }.reduce(0) { $0 + target[$1] }
                for j in target.indices where !named.contains(j) && rest > 0 { shares[j] = (1 - namedShare) * target[j] / rest }
                return shares.map { $0 * Double(sizes[c]) }
            }
            let total = Double(sizes.reduce(0, +)), targetSum = target.reduce(0, +)
            for _ in 0..<200 {
                for j in target.indices {
                    let column = m.reduce(0) { $0 + $1[j] }
                    let want = total * target[j] / targetSum
                    for c in m.indices { m[c][j] = column > 0 ? m[c][j] * want / column : 0 }
                }
                for c in m.indices {
                    let row = m[c].reduce(0, +)
                    if row > 0 { m[c] = m[c].map { $0 * Double(sizes[c]) / row } }
                }
            }
            return m
        }
    }

    /// Whole numbers in proportion to `weights` that add up to `n` (largest remainders).
    static func apportion(_ n: Int, _ weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        let exact = weights.map { Double(n) * $0 / sum }
        var counts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { exact[$0] - Double(counts[$0]) > exact[$1] - Double(counts[$1]) }
        for i in order.prefix(n - counts.reduce(0, +)) { counts[i] += 1 }
        return counts
    }

    /// Rounds a table of expected counts to whole people with the given row and column totals:
    /// floors first, then the largest fractions where both row and column still lack people.
    static func controlledRound(_ m: [[Double]], rows: [Int], columns: [Int]) -> [[Int]] {
        var counts = m.map { $0.map { Int($0.rounded(.down)) } }
        var rowNeed = rows.indices.map { rows[$0] - counts[$0].reduce(0, +) }
        var columnNeed: [Int] = columns.indices.map { j in columns[j] - counts.reduce(0) { $0 + $1[j] } }
        func fraction(_ cell: (Int, Int)) -> Double { m[cell.0][cell.1] - Double(counts[cell.0][cell.1]) }
        let cells: [(Int, Int)] = m.indices.flatMap { c in columns.indices.map { (c, $0) } }.sorted { fraction($0) > fraction($1) }
        // The first pass adds at most one to a cell; a later pass is needed only for leftovers.
        for _ in 0..<8 where rowNeed.contains(where: { $0 > 0 }) {
            for (c, j) in cells where rowNeed[c] > 0 && columnNeed[j] > 0 {
                counts[c][j] += 1; rowNeed[c] -= 1; columnNeed[j] -= 1
            }
        }
        return counts
    }
}
