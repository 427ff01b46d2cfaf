import Taxonomy

/// The asymmetric reachability score from a source (an occupation or a worker's skills) to every
/// ESCO occupation: how much of the target's skills the source covers, weighted by specificity,
/// with partial credit for near skills. The formula is documented in docs/engine.md.
public struct ReachabilityModel: Sendable {
    public let parameters: ReachabilityParameters
    public let space: SkillSpace
    public let occupations: [Occupation]
    private let indexByURI: [String: Int]
    /// Each occupation's essential (then optional) skill ids, flattened; `essentialStart[i]..<essentialStart[i+1]`.
    let essentialIDs: [Int32], essentialStart: [Int]
    let optionalIDs: [Int32], optionalStart: [Int]
    private let essentialTotal: [Float], optionalTotal: [Float]

    public init(dataset: TaxonomyDataset, parameters: ReachabilityParameters = ReachabilityParameters()) {
        self.parameters = parameters
        let space = SkillSpace(dataset: dataset, parameters: parameters)
        self.space = space
        occupations = dataset.occupations
        indexByURI = Dictionary(dataset.occupations.enumerated().map { ($1.uri, $0) }, uniquingKeysWith: { a, _ in a })

        var essential = [Set<Int32>](repeating: [], count: occupations.count)
        var optional = [Set<Int32>](repeating: [], count: occupations.count)
        for link in dataset.occupationSkills {
            guard let o = indexByURI[link.occupationURI], let s = space.id(of: link.skillURI) else { continue }
            if link.relevance == .essential { essential[o].insert(s) } else { optional[o].insert(s) }
        }
        for o in occupations.indices { optional[o].subtract(essential[o]) } // listed both ways: essential wins
        func flatten(_ sets: [Set<Int32>]) -> ([Int32], [Int], [Float]) {
            var ids: [Int32] = [], starts = [0], totals: [Float] = []
            for set in sets {
                let sorted = set.sorted()
                ids += sorted
                starts.append(ids.count)
                totals.append(sorted.reduce(0) { $0 + space.weights[Int($1)] })
            }
            return (ids, starts, totals)
        }
        (essentialIDs, essentialStart, essentialTotal) = flatten(essential)
        (optionalIDs, optionalStart, optionalTotal) = flatten(optional)
    }

    public func index(of uri: String) -> Int? { indexByURI[uri] }

    public func essentialSkills(of occupation: Int) -> ArraySlice<Int32> {
        essentialIDs[essentialStart[occupation]..<essentialStart[occupation + 1]]
    }

    public func optionalSkills(of occupation: Int) -> ArraySlice<Int32> {
        optionalIDs[optionalStart[occupation]..<optionalStart[occupation + 1]]
    }

    /// What someone working in `occupation` is taken to hold: its essential skills, and its optional ones in part.
    public func heldSkills(ofOccupation occupation: Int) -> HeldSkills {
        var held = HeldSkills()
        for s in essentialSkills(of: occupation) { held.add(s, 1) }
        for s in optionalSkills(of: occupation) { held.add(s, parameters.optionalHeld) }
        return held
    }

    /// Credit per skill id for `held`: exact skills, then ESCO-related and sibling skills at a discount.
    public func credits(for held: HeldSkills) -> [Float] {
        var credit = [Float](repeating: 0, count: space.count)
        fill(&credit, held)
        return credit
    }

    func fill(_ credit: inout [Float], _ held: HeldSkills) {
        let p = parameters
        credit.withUnsafeMutableBufferPointer { c in
            for (skill, strength) in held.strength {
                let near = strength * p.related, sibling = strength * p.sibling
                for r in space.related[Int(skill)] where c[Int(r)] < near { c[Int(r)] = near }
                for s in space.siblings[Int(skill)] where c[Int(s)] < sibling { c[Int(s)] = sibling }
            }
            for (skill, strength) in held.strength where c[Int(skill)] < strength * p.exact {
                c[Int(skill)] = strength * p.exact
            }
        }
    }

    /// The score towards `target` given the credit array of a source, in [0, 1].
    @inline(__always)
    func score(_ target: Int, _ credit: UnsafeBufferPointer<Float>) -> Float {
        let w = space.weights
        var ess: Float = 0, opt: Float = 0
        essentialIDs.withUnsafeBufferPointer { ids in
            for k in essentialStart[target]..<essentialStart[target + 1] {
                let s = Int(ids[k]); ess += w[s] * credit[s]
            }
        }
        optionalIDs.withUnsafeBufferPointer { ids in
            for k in optionalStart[target]..<optionalStart[target + 1] {
                let s = Int(ids[k]); opt += w[s] * credit[s]
            }
        }
        let et = essentialTotal[target], ot = optionalTotal[target]
        switch (et > 0, ot > 0) {
        case (true, true): return parameters.essentialShare * ess / et + (1 - parameters.essentialShare) * opt / ot
        case (true, false): return ess / et
        case (false, true): return opt / ot
        case (false, false): return 0
        }
    }

    /// Scores from `held` to every occupation, in `occupations` order.
    public func scores(for held: HeldSkills) -> [Float] {
        let credit = credits(for: held)
        return credit.withUnsafeBufferPointer { c in occupations.indices.map { score($0, c) } }
    }

    /// The credit `held` earns on each of the target's essential skills, for explanations.
    public func essentialCoverage(of target: Int, credits credit: [Float]) -> [(skill: Int32, credit: Float)] {
        essentialSkills(of: target).map { ($0, credit[Int($0)]) }
    }
}
