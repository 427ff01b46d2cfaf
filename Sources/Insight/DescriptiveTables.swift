/// The variables the study's tables 2.1–2.6 describe, each person in one category.
public enum TableVariable: String, Sendable, CaseIterable {
    case sex, age, household, education, income, breadwinner, independent, contract, hours, sector, jobs

    /// The category codes in table order.
    public var categories: [String] {
        switch self {
        case .sex: PersonRecord.Sex.allCases.map(\.rawValue)
        case .age: AgeBand.allCases.map { "\($0)" }
        case .household: PersonRecord.Household.allCases.map(\.rawValue)
        case .education: PersonRecord.Education.allCases.map(\.rawValue)
        case .income: IncomeBand.allCases.map { "\($0)" }
        case .breadwinner, .independent: PersonRecord.Answer.allCases.map(\.rawValue)
        case .contract: PersonRecord.Contract.allCases.map(\.rawValue)
        case .hours: PersonRecord.HoursBand.allCases.map(\.rawValue)
        case .sector: Labels.sectorOrder
        case .jobs: ["1", "2+"]
        }
    }

    /// The person's category; nil when the file has no such column (economic independence).
    public func category(of p: PersonRecord) -> String? {
        switch self {
        case .sex: p.sex.rawValue
        case .age: "\(AgeBand(age: p.age))"
        case .household: p.household.rawValue
        case .education: p.education.rawValue
        case .income: "\(IncomeBand(euros: p.incomeEuros))"
        case .breadwinner: p.breadwinner.rawValue
        case .independent: p.economicallyIndependent?.rawValue
        case .contract: p.contract.rawValue
        case .hours: p.hoursBand.rawValue
        case .sector: p.sector
        case .jobs: p.jobs >= 2 ? "2+" : "1"
        }
    }
}

/// One table: the research group against everyone in the file, counts per category, with the
/// cells that disclosure control hides.
public struct FrequencyTable: Sendable {
    public let variable: TableVariable
    public let categories: [String]
    public let group: [Int]
    public let population: [Int]
    public let groupHidden: [Bool]
    public let populationHidden: [Bool]
    public var groupTotal: Int { group.reduce(0, +) }
    public var populationTotal: Int { population.reduce(0, +) }

    /// Tables for every variable the file has; categories nobody has in the file are left out
    /// (sectors and the like), which reveals nothing: their count is zero for both columns.
    public static func make(population people: [PersonRecord], group: [PersonRecord]) -> [FrequencyTable] {
        TableVariable.allCases.compactMap { variable in
            guard people.contains(where: { variable.category(of: $0) != nil }) else { return nil }
            let all = variable.categories
            let index = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1, $0) })
            func counts(_ list: [PersonRecord]) -> [Int] {
                var counts = [Int](repeating: 0, count: all.count)
                for p in list { if let c = variable.category(of: p), let i = index[c] { counts[i] += 1 } }
                return counts
            }
            let g = counts(group), p = counts(people)
            let kept = all.indices.filter { p[$0] > 0 || variable != .sector }
            let hidden = Disclosure.protect(group: kept.map { g[$0] }, population: kept.map { p[$0] })
            return FrequencyTable(
                variable: variable, categories: kept.map { all[$0] }, group: kept.map { g[$0] },
                population: kept.map { p[$0] }, groupHidden: hidden.group, populationHidden: hidden.population)
        }
    }
}

/// Statistical disclosure control as CBS asks for microdata output: no published count under
/// 10 ("x"), and no hidden count recoverable by subtraction.
/// A count of people as it may be shown: the number from 10 up, otherwise hidden (shown as "x").
/// Stores and reports hand these out instead of an `Int`, so no consumer can show a small count
/// by forgetting the rule.
public struct PublishedCount: Sendable, Equatable, CustomStringConvertible {
    /// Nil when the count is under the threshold.
    public let value: Int?

    public init(_ count: Int) { value = Disclosure.isSafe(count) ? count : nil }

    public var isHidden: Bool { value == nil }

    /// The number, or "x".
    public var description: String { value.map(String.init) ?? "x" }
}

public enum Disclosure {
    public static let threshold = 10

    public static func isSafe(_ count: Int) -> Bool { count >= threshold }

    /// Which cells to hide in a table of group and population counts per category. The people
    /// outside the group (population − group) are an unpublished third column that subtraction
    /// would reveal, so a small count there hides the population cell. Then, per column, one
    /// hidden cell would follow from the total: the next smallest cell is hidden too; and one
    /// row with a hidden cell would give its outsiders from theirs: a second row is hidden.
    public static func protect(group: [Int], population: [Int]) -> (group: [Bool], population: [Bool]) {
        let rows = group.count
        var hideGroup = group.map { $0 < threshold }
        var hidePopulation = population.map { $0 < threshold }
        let outside = zip(population, group).map { $0 - $1 }
        for r in 0..<rows where (1..<threshold).contains(outside[r]) && !hideGroup[r] { hidePopulation[r] = true }
        // A whole column is hidden when its total itself is small.
        if group.reduce(0, +) < threshold { hideGroup = hideGroup.map { _ in true } }
        let outsideTotal = outside.reduce(0, +)
        if population.reduce(0, +) < threshold || (1..<threshold).contains(outsideTotal) { hidePopulation = hidePopulation.map { _ in true } }
        var changed = true
        while changed {
            changed = false
            func hideOneMore(_ hidden: inout [Bool], _ counts: [Int]) {
                guard hidden.filter({ $0 }).count == 1,
                    let r = (0..<rows).filter({ !hidden[$0] }).min(by: { counts[$0] < counts[$1] })
                else { return }
                hidden[r] = true
                changed = true
            }
            hideOneMore(&hideGroup, group)
            hideOneMore(&hidePopulation, population)
            let touched = (0..<rows).filter { hideGroup[$0] || hidePopulation[$0] }
            if touched.count == 1, let r = (0..<rows).filter({ !hideGroup[$0] && !hidePopulation[$0] }).min(by: { population[$0] < population[$1] }) {
                hidePopulation[r] = true
                changed = true
            }
        }
        return (hideGroup, hidePopulation)
    }
}
