/// One occupation within reach of a source, with the gap spelled out.
public struct Transition: Sendable {
    public let target: Int
    public let score: Float
    public let viability: Viability
    /// The target's essential skills the source holds (credit at least the self-declared level).
    public let covered: [Int32]
    /// The target's essential skills still to learn, the ones that open most other targets first.
    public let missing: [MissingSkill]
}

/// An essential skill the source lacks; `near` when it holds a related or sibling skill.
public struct MissingSkill: Sendable, Equatable {
    public let skill: Int32
    public let near: Bool
    /// How many viable targets of this source list the skill as missing.
    public let unlocks: Int
}

/// Transitions from one source (an occupation, or a worker's skills) to the best targets.
public struct TransitionReport: Sendable {
    public let transitions: [Transition]
    /// All missing essential skills over the viable targets, most unlocking first.
    public let skillsToLearn: [MissingSkill]
    public let viableTargets: Int
}

extension ReachabilityModel {
    /// The `top` best targets from `held`, best first, leaving out `excluding` (the source's own occupations).
    public func transitions(
        from held: HeldSkills, thresholds: ViabilityThresholds,
        excluding: Set<Int> = [], top: Int
    ) -> TransitionReport {
        var scratch = CreditScratch(skills: space.count)
        fill(&scratch, held)
        let all = scores(scratch), credit = scratch.credit
        let haveLevel = parameters.heldLevel
        let candidates = occupations.indices.filter { !excluding.contains($0) }

        // How many viable targets each missing essential skill stands in the way of.
        var unlocks: [Int32: Int] = [:]
        var viable = 0
        for t in candidates where all[t] >= thresholds.viable {
            viable += 1
            for s in essentialSkills(of: t) where credit[Int(s)] < haveLevel { unlocks[s, default: 0] += 1 }
        }
        func missingSkill(_ s: Int32) -> MissingSkill {
            MissingSkill(skill: s, near: credit[Int(s)] > 0, unlocks: unlocks[s] ?? 0)
        }
        func moreUseful(_ a: MissingSkill, _ b: MissingSkill) -> Bool {
            if a.unlocks != b.unlocks { return a.unlocks > b.unlocks }
            let wa = space.weights[Int(a.skill)], wb = space.weights[Int(b.skill)]
            return wa != wb ? wa > wb : a.skill < b.skill
        }

        let best = candidates.sorted { all[$0] != all[$1] ? all[$0] > all[$1] : $0 < $1 }.prefix(max(0, top))
        let transitions = best.map { t in
            let essentials = essentialSkills(of: t)
            return Transition(
                target: t, score: all[t], viability: thresholds.level(of: all[t]),
                covered: essentials.filter { credit[Int($0)] >= haveLevel },
                missing: essentials.filter { credit[Int($0)] < haveLevel }.map(missingSkill).sorted(by: moreUseful))
        }
        let toLearn = unlocks.keys.map(missingSkill).sorted(by: moreUseful)
        return TransitionReport(transitions: Array(transitions), skillsToLearn: toLearn, viableTargets: viable)
    }

    /// Only the best `top` targets and their scores: what a plain similarity search returns, and
    /// what the bench compares with the Python baseline.
    public func bestTargets(from held: HeldSkills, excluding: Set<Int> = [], top: Int) -> [(target: Int, score: Float)] {
        var scratch = CreditScratch(skills: space.count)
        fill(&scratch, held)
        let all = scores(scratch)
        let best: [Int]
        if excluding.isEmpty {
            best = all.withUnsafeBufferPointer { TopList.best(top, of: $0, skipping: -1) }
        } else {
            var list = TopList(capacity: max(1, top))
            for (t, s) in all.enumerated() where !excluding.contains(t) { list.offer(s, tieBreak: 0, t) }
            best = list.sorted()
        }
        return best.map { ($0, all[$0]) }
    }

    /// The score from `held` to one target, with the target's essential skills held and missing.
    public func score(to target: Int, from held: HeldSkills) -> (score: Float, covered: [Int32], missing: [Int32]) {
        let credit = credits(for: held)
        let have = parameters.heldLevel
        let essentials = essentialSkills(of: target)
        let value = credit.withUnsafeBufferPointer { score(target, $0) }
        return (value, essentials.filter { credit[Int($0)] >= have }, essentials.filter { credit[Int($0)] < have })
    }

    /// Transitions from an occupation to others.
    public func transitions(fromOccupation source: Int, thresholds: ViabilityThresholds, top: Int) -> TransitionReport {
        transitions(from: heldSkills(ofOccupation: source), thresholds: thresholds, excluding: [source], top: top)
    }
}
