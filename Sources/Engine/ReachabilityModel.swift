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
    /// For each skill, the occupations that list it and what one unit of credit on it adds to
    /// their score (weight × share ÷ total): `score(A → ·)` is then a sparse scatter over A's
    /// credited skills instead of a walk over all 124k occupation–skill links.
    let listedBy: [Listing], listedStart: [Int32]

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
        for o in occupations.indices { optional[o].subtract(essential[o]) }  // listed both ways: essential wins
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

        var perSkill = [[(Int32, Float)]](repeating: [], count: space.count)
        for o in occupations.indices {
            let et = essentialTotal[o], ot = optionalTotal[o]
            let essentialFactor = et > 0 ? (ot > 0 ? parameters.essentialShare : 1) / et : 0
            let optionalFactor = ot > 0 ? (et > 0 ? 1 - parameters.essentialShare : 1) / ot : 0
            for k in essentialStart[o]..<essentialStart[o + 1] {
                let skill = Int(essentialIDs[k]); perSkill[skill].append((Int32(o), space.weights[skill] * essentialFactor))
            }
            for k in optionalStart[o]..<optionalStart[o + 1] {
                let skill = Int(optionalIDs[k]); perSkill[skill].append((Int32(o), space.weights[skill] * optionalFactor))
            }
        }
        var listings: [Listing] = [], starts: [Int32] = [0]
        for list in perSkill {
            for (o, c) in list { listings.append(Listing(occupation: o, amount: c)) }
            starts.append(Int32(listings.count))
        }
        (listedBy, listedStart) = (listings, starts)
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
        var scratch = CreditScratch(skills: space.count)
        fill(&scratch, held)
        return scratch.credit
    }

    /// Writes `held`'s credits into an empty scratch, noting each skill it touches.
    func fill(_ scratch: inout CreditScratch, _ held: HeldSkills) {
        // `raise` keeps the largest credit, so the order of exact and near credits does not matter.
        for (skill, strength) in held.strength { scratch.raise(skill, strength: strength, space: space, exact: parameters.exact) }
    }

    /// Fills the scratch for someone working in `occupation`, as `heldSkills(ofOccupation:)` would
    /// without building a dictionary: the matrix does this 3,007 times.
    func fill(_ scratch: inout CreditScratch, occupation: Int) {
        for k in essentialStart[occupation]..<essentialStart[occupation + 1] {
            scratch.raise(essentialIDs[k], strength: 1, space: space, exact: parameters.exact)
        }
        for k in optionalStart[occupation]..<optionalStart[occupation + 1] {
            scratch.raise(optionalIDs[k], strength: parameters.optionalHeld, space: space, exact: parameters.exact)
        }
    }

    /// Scores towards every occupation from a filled scratch, into `scores` (zeroed by the caller).
    func accumulate(_ scratch: CreditScratch, into scores: UnsafeMutableBufferPointer<Float>) {
        listedBy.withUnsafeBufferPointer { listings in
            listedStart.withUnsafeBufferPointer { start in
                scratch.credit.withUnsafeBufferPointer { credit in
                    for skill in scratch.touched {
                        let c = credit[Int(skill)]
                        for k in Int(start[Int(skill)])..<Int(start[Int(skill) + 1]) {
                            let l = listings[k]
                            scores[Int(l.occupation)] += c * l.amount
                        }
                    }
                }
            }
        }
    }

    /// The score towards `target` given the credit array of a source, in [0, 1], computed
    /// straight from the formula (the tests check the fast scatter in `accumulate` against it).
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
        var scratch = CreditScratch(skills: space.count)
        fill(&scratch, held)
        return scores(scratch)
    }

    func scores(_ scratch: CreditScratch) -> [Float] {
        var result = [Float](repeating: 0, count: occupations.count)
        result.withUnsafeMutableBufferPointer { accumulate(scratch, into: $0) }
        return result
    }

    /// The credit `held` earns on each of the target's essential skills, for explanations.
    public func essentialCoverage(of target: Int, credits credit: [Float]) -> [(skill: Int32, credit: Float)] {
        essentialSkills(of: target).map { ($0, credit[Int($0)]) }
    }
}

/// One occupation that lists a skill, and what one unit of credit on that skill adds to its score;
/// kept together so the scatter reads one stream.
struct Listing {
    let occupation: Int32
    let amount: Float
}

/// A reusable credit array for one source and the skills it touched, so it can be emptied
/// without writing all 13,896 entries again.
struct CreditScratch {
    private(set) var credit: [Float]
    private(set) var touched: [Int32] = []

    init(skills: Int) {
        credit = [Float](repeating: 0, count: skills)
        touched.reserveCapacity(1024)
    }

    /// Credits a held skill and, at their share, its near skills; each keeps its largest credit.
    mutating func raise(_ skill: Int32, strength: Float, space: SkillSpace, exact: Float) {
        credit.withUnsafeMutableBufferPointer { c in
            @inline(__always) func set(_ s: Int32, _ value: Float) {
                let old = c[Int(s)]
                guard value > old else { return }
                if old == 0 { touched.append(s) }
                c[Int(s)] = value
            }
            space.near.withUnsafeBufferPointer { near in
                for k in Int(space.nearStart[Int(skill)])..<Int(space.nearStart[Int(skill) + 1]) {
                    set(near[k].skill, strength * near[k].share)
                }
            }
            set(skill, strength * exact)
        }
    }

    mutating func clear() {
        credit.withUnsafeMutableBufferPointer { c in for s in touched { c[Int(s)] = 0 } }
        touched.removeAll(keepingCapacity: true)
    }
}
