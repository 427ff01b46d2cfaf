/// Everything the analyst's report shows for one file: the size of the research group, its
/// descriptive tables against everyone in the file, the clustering for each k with silhouettes and
/// robustness, and the chosen k's cluster profiles. Counts stay exact here; whoever shows them
/// applies `Disclosure` (the tables and profiles carry which cells to hide).
public struct InsightReport: Sendable {
    public let municipality: String
    public let definition: VulnerableDefinition
    public let population: Int
    public let group: Int
    /// Self-employed breadwinners who are not economically independent; nil without those columns.
    public let vulnerableSelfEmployed: Int?
    public let tables: [FrequencyTable]
    public let analysis: ClusterAnalysis
    public let profiles: [ClusterProfile]

    public var clustered: Int { analysis.variables.included.count }
    public var unknownIncome: Int { analysis.variables.leftOutForUnknownIncome }

    /// - Throws: when the group cannot be clustered as asked (too few people, or too few with a known income).
    public init(
        people: [PersonRecord], definition: VulnerableDefinition = .study, options: ClusterAnalysis.Options = .init(),
        progress: @Sendable (String) -> Void = { _ in }
    ) throws(ClusterProblem) {
        let group = people.filter(definition.includes)
        guard group.count >= 2 else { throw .groupTooSmall(group: group.count) }
        var places: [String: Int] = [:]
        for p in people { places[p.municipality, default: 0] += 1 }
        municipality = places.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? ""
        self.definition = definition
        population = people.count
        self.group = group.count
        vulnerableSelfEmployed =
            people.contains { $0.selfEmployed != nil }
            ? people.filter(VulnerableDefinition.isVulnerableSelfEmployed).count : nil
        progress("tables")
        tables = FrequencyTable.make(population: people, group: group)
        analysis = try ClusterAnalysis(group, options: options, progress: progress)
        let clusteredPeople = analysis.variables.included.map { group[$0] }
        profiles = ClusterProfile.make(people: clusteredPeople, labels: analysis.chosen.labels, k: analysis.chosen.k)
    }

}
