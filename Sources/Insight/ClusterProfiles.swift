import Localization

/// A cluster as the study's table 2.8 describes it: size and share, the dominant categories of
/// each variable with their percentages, median age and income, and a generated description.
/// Disclosure control: sizes under 10 are hidden (and a second one when one would follow from
/// the total), and a category share is only given when it stands for at least 10 people.
public struct ClusterProfile: Sendable {
    public struct Share: Sendable, Equatable {
        public let category: String
        public let percent: Double
    }

    public let number: Int
    public let size: Int
    public let sizeHidden: Bool
    public let percent: Double
    public let medianAge: Double?
    public let medianIncome: Double?
    public let dominant: [TableVariable: [Share]]
    public let descriptionDutch: String
    public let descriptionEnglish: String

    /// - Parameters: `people` are the clustered people, `labels` their clusters (0..<k).
    public static func make(people: [PersonRecord], labels: [Int], k: Int) -> [ClusterProfile] {
        var members = [[PersonRecord]](repeating: [], count: k)
        for (p, l) in zip(people, labels) { members[l].append(p) }
        let sizes = members.map(\.count)
        let hidden = Disclosure.protect(group: sizes, population: sizes).group
        return (0..<k).map { c in
            let list = members[c], n = list.count
            let safe = !hidden[c]  // every size under 10 is hidden, and one more where it would follow
            var dominant: [TableVariable: [Share]] = [:]
            for variable in TableVariable.allCases where safe {
                var counts: [String: Int] = [:]
                for p in list { if let category = variable.category(of: p) { counts[category, default: 0] += 1 } }
                let ranked = counts.filter { Disclosure.isSafe($0.value) }
                    .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                // The largest category, and the second when it is a sizeable part too.
                let shares = ranked.prefix(2).enumerated()
                    .filter { $0.offset == 0 || Double($0.element.value) / Double(n) >= 0.15 }
                    .map { Share(category: $0.element.key, percent: 100 * Double($0.element.value) / Double(n)) }
                if !shares.isEmpty { dominant[variable] = shares }
            }
            let description = ClusterDescription(dominant: dominant, members: list)
            return ClusterProfile(
                number: c + 1, size: n, sizeHidden: hidden[c], percent: 100 * Double(n) / Double(max(1, people.count)),
                medianAge: safe ? median(list.map { Double($0.age) }) : nil,
                medianIncome: safe ? median(list.compactMap(\.incomeEuros)) : nil,
                dominant: dominant, descriptionDutch: description.dutch, descriptionEnglish: description.english)
        }
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted(), m = s.count / 2
        return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
    }
}

/// "Vooral jongeren die bij hun ouders wonen, flexcontract, uitzendbureaus": the features that
/// stand out in a cluster, in the order the study names them.
struct ClusterDescription {
    var dutch = ""
    var english = ""

    init(dominant: [TableVariable: [ClusterProfile.Share]], members: [PersonRecord]) {
        func top(_ v: TableVariable, _ category: String, atLeast percent: Double) -> Bool {
            guard let first = dominant[v]?.first else { return false }
            return first.category == category && first.percent >= percent
        }
        let n = Double(max(1, members.count))
        let young = Double(members.filter { $0.age < 25 }.count) / n, older = Double(members.filter { $0.age >= 45 }.count) / n
        var subjectNL = young >= 0.5 ? "jongeren" : older >= 0.55 ? "ouderen (45 jaar en ouder)" : "werkenden"
        var subjectEN = young >= 0.5 ? "young people" : older >= 0.55 ? "older workers (45 and over)" : "workers"
        let households: [(String, String, String)] = [
            ("thuiswonend_kind", "die bij hun ouders wonen", "living with their parents"),
            ("alleenstaande", "die alleen wonen", "living alone"),
            ("alleenstaande_ouder", "die alleen voor hun kinderen zorgen", "single parents"),
            ("partner_met_kind", "met partner en kinderen", "with a partner and children"),
            ("partner_zonder_kind", "met partner, zonder kinderen", "with a partner, no children"),
        ]
        for (code, nl, en) in households where top(.household, code, atLeast: 45) { subjectNL += " " + nl; subjectEN += " " + en }
        var nl = [subjectNL], en = [subjectEN]
        if top(.contract, "flex", atLeast: 60) { nl.append("flexcontract"); en.append("flex contracts") }
        if top(.contract, "vast", atLeast: 60) { nl.append("vast contract"); en.append("permanent contracts") }
        if top(.education, "laag", atLeast: 60) { nl.append("zonder startkwalificatie"); en.append("no starting qualification") }
        if top(.breadwinner, "ja", atLeast: 70) { nl.append("kostwinner"); en.append("breadwinners") }
        if top(.breadwinner, "nee", atLeast: 80) { nl.append("niet de kostwinner"); en.append("not the breadwinner") }
        if top(.hours, "<12", atLeast: 35) { nl.append("kleine baan (minder dan 12 uur)"); en.append("small jobs (under 12 hours)") }
        if top(.hours, "35+", atLeast: 60) { nl.append("voltijds"); en.append("full-time") }
        if let sector = dominant[.sector]?.first, sector.percent >= 25 {
            nl.append(Labels.sector(sector.category, lang: .nl).lowercased())
            en.append(Labels.sector(sector.category, lang: .en).lowercased())
        }
        dutch = "Vooral " + nl.joined(separator: ", ")
        english = "Mostly " + en.joined(separator: ", ")
    }
}
