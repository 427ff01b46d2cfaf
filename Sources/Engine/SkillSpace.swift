import Foundation
import Taxonomy

/// ESCO's skills as dense integer ids, with what the reachability score needs about each one:
/// how specific it is, which skills ESCO relates to it, and its siblings in the skill hierarchy.
///
/// Dense ids let the engine keep a worker's or an occupation's skills in one flat array of
/// credits, so scoring all 3,007 occupations is a walk over short integer lists.
public struct SkillSpace: Sendable {
    public let uris: [String]
    /// English labels; `label(_:in:)` gives the Dutch one where ESCO has it.
    public let labels: [String]
    private let dutchLabels: [String?]
    private let idByURI: [String: Int32]
    /// Specificity weight of each skill in [floor, 1]: rare skills weigh most.
    public let weights: [Float]
    /// For each skill, its near skills with the share of credit they pass on: skills ESCO relates
    /// to it (either direction) at `parameters.related`, skills sharing a parent in the hierarchy
    /// at `parameters.sibling` (parents with more than `largestSiblingGroup` children are too
    /// broad to count), the larger when both. Flat: `near[nearStart[s]..<nearStart[s + 1]]`.
    let near: [Near], nearStart: [Int32]

    struct Near {
        let skill: Int32
        let share: Float
    }

    public var count: Int { uris.count }

    public func id(of uri: String) -> Int32? { idByURI[uri] }

    /// A skill's label for a reader of `language`: Dutch where ESCO has it, otherwise English.
    public func label(_ skill: Int32, in language: Language) -> ShownLabel {
        let i = Int(skill)
        if language == .nl, let dutch = dutchLabels[i], !dutch.isEmpty { return ShownLabel(text: dutch, language: .nl) }
        return ShownLabel(text: labels[i], language: .en)
    }

    /// - Parameter occupationCounts: how many occupations list each skill (essential or optional).
    init(dataset: TaxonomyDataset, parameters: ReachabilityParameters) {
        // Ids follow the skill hierarchy (siblings next to each other), so the skills one source
        // touches, and their lists in the model, lie close together in memory.
        var firstParent: [String: String] = [:]
        for link in dataset.skillBroader where firstParent[link.uri] == nil { firstParent[link.uri] = link.broaderURI }
        let ordered = dataset.skills.sorted { (firstParent[$0.uri] ?? "", $0.uri) < (firstParent[$1.uri] ?? "", $1.uri) }
        uris = ordered.map(\.uri)
        labels = ordered.map(\.label)
        dutchLabels = ordered.map(\.dutchLabel)
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(uris.count)
        for (i, uri) in uris.enumerated() where ids[uri] == nil { ids[uri] = Int32(i) }
        idByURI = ids

        // w(s) = log(N / n(s)) scaled by the largest, floored: a skill no occupation lists counts as rarest.
        var listedBy = [Int](repeating: 0, count: uris.count)
        var seen = Set<String>()
        for link in dataset.occupationSkills where seen.insert(link.occupationURI + " " + link.skillURI).inserted {
            if let id = ids[link.skillURI] { listedBy[Int(id)] += 1 }
        }
        let n = Double(max(1, Set(dataset.occupations.map(\.uri)).count))
        let raw = listedBy.map { log(n / Double(max(1, $0))) }
        let top = max(raw.max() ?? 1, .leastNonzeroMagnitude)
        weights = raw.map { Float(max(parameters.weightFloor, $0 / top)) }

        var related = [[Int32]](repeating: [], count: uris.count)
        for r in dataset.skillRelations {
            guard let a = ids[r.skillURI], let b = ids[r.relatedSkillURI], a != b else { continue }
            related[Int(a)].append(b)
            related[Int(b)].append(a)
        }

        var children: [String: [Int32]] = [:]
        for link in dataset.skillBroader {
            if let id = ids[link.uri] { children[link.broaderURI, default: []].append(id) }
        }
        var siblings = [Set<Int32>](repeating: [], count: uris.count)
        for group in children.values where group.count > 1 && group.count <= parameters.largestSiblingGroup {
            for a in group { siblings[Int(a)].formUnion(group) }
        }
        var near: [Near] = [], starts: [Int32] = [0]
        for i in 0..<uris.count {
            var share: [Int32: Float] = [:]
            for r in related[i] where parameters.related > 0 { share[r] = parameters.related }
            for s in siblings[i] where s != Int32(i) && parameters.sibling > 0 { share[s] = max(share[s] ?? 0, parameters.sibling) }
            near += share.keys.sorted().map { Near(skill: $0, share: share[$0]!) }
            starts.append(Int32(near.count))
        }
        self.near = near
        nearStart = starts
    }
}
