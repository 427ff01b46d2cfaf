import Foundation
import Taxonomy
import TestSupport
import Testing

@testable import Engine

@Suite("Reachability score on a toy taxonomy")
struct ToyReachabilityTests {
    let model = ReachabilityModel(dataset: ToyTaxonomy.dataset)
    func o(_ name: String) -> Int { model.index(of: ToyTaxonomy.uri(name))! }
    func s(_ name: String) -> Int32 { model.space.id(of: ToyTaxonomy.uri(name))! }
    func w(_ name: String) -> Float { model.space.weights[Int(s(name))] }

    @Test func rareSkillsWeighMoreAndUbiquitousOnesKeepTheFloor() {
        // f is listed by all four occupations: log(4/4) = 0 → the floor.
        #expect(w("f") == 0.05)
        // a is listed by two occupations, b by one: b is rarer.
        #expect(w("b") > w("a"))
        #expect(w("b") == 1)  // the rarest is scaled to 1
    }

    @Test func scoreMatchesTheFormulaWorkedOutByHand() {
        let scores = model.scores(for: model.heldSkills(ofOccupation: o("cleaner")))
        // cleaner → supervisor: a exact (1), b sibling of a (0.25), e related to d which the
        // cleaner holds at 0.5 (optional) → 0.25, f exact. No optional skills: score = ess.
        let expected = (w("a") * 1 + w("b") * 0.25 + w("e") * 0.25 + w("f") * 1) / (w("a") + w("b") + w("e") + w("f"))
        #expect(abs(scores[o("supervisor")] - expected) < 1e-6)
        // cleaner → itself: essentials fully held; optional d held at 0.5.
        #expect(abs(scores[o("cleaner")] - (0.8 * 1 + 0.2 * 0.5)) < 1e-6)
    }

    @Test func scoreIsAsymmetric() {
        let fromCleaner = model.scores(for: model.heldSkills(ofOccupation: o("cleaner")))
        let fromSupervisor = model.scores(for: model.heldSkills(ofOccupation: o("supervisor")))
        // The supervisor holds all of the cleaner's essentials; the cleaner lacks b and e.
        #expect(fromSupervisor[o("cleaner")] > fromCleaner[o("supervisor")])
    }

    @Test func nearSkillsEarnPartialCreditOnly() {
        var held = HeldSkills()
        held.add(s("c"), 1)  // a sibling of a and b
        let credit = model.credits(for: held)
        #expect(credit[Int(s("c"))] == 1)
        #expect(credit[Int(s("a"))] == 0.25)
        #expect(credit[Int(s("d"))] == 0)
        held = HeldSkills()
        held.add(s("e"), 1)
        #expect(model.credits(for: held)[Int(s("d"))] == 0.5)
    }

    @Test func matrixRowsEqualSingleSourceScores() {
        let matrix = ReachabilityMatrix(model: model)
        for a in model.occupations.indices {
            let single = model.scores(for: model.heldSkills(ofOccupation: a))
            // Summation order may differ (dictionary order), so equal up to float rounding.
            #expect(zip(matrix.row(a), single).allSatisfy { abs($0 - $1) < 1e-6 })
        }
    }

    @Test func transitionsListCoveredAndMissingSkillsAndLeaveOutTheSource() {
        let thresholds = ViabilityThresholds(viable: 0.2, highlyViable: 0.5, pairs: 0)
        let report = model.transitions(fromOccupation: o("cleaner"), thresholds: thresholds, top: 10)
        #expect(!report.transitions.contains { $0.target == o("cleaner") })
        #expect(report.transitions.map(\.score) == report.transitions.map(\.score).sorted(by: >))
        let supervisor = report.transitions.first { $0.target == o("supervisor") }!
        #expect(Set(supervisor.covered) == [s("a"), s("f")])
        #expect(Set(supervisor.missing.map(\.skill)) == [s("b"), s("e")])
        #expect(supervisor.missing.allSatisfy { $0.near })  // b is a sibling of a, e related to d
    }

    @Test func thresholdsComeFromWithinGroupPairs() {
        // Only cleaner and driver share an ISCO group: the pairs cleaner→driver and driver→cleaner.
        let t = ViabilityThresholds(model: model)
        let m = ReachabilityMatrix(model: model)
        let pair = [m.score(from: o("cleaner"), to: o("driver")), m.score(from: o("driver"), to: o("cleaner"))]
        #expect(t.pairs == 2)
        #expect(abs(t.highlyViable - (pair[0] + pair[1]) / 2) < 1e-6)
        #expect(t == ViabilityThresholds(model: model, matrix: m))
    }

    @Test func workerProfileFromRecords() {
        let verified = WorkerProfile(work: [WorkEvidence(occupationURI: ToyTaxonomy.uri("cleaner"), skillURIs: [], verified: true)], model: model)
        #expect(verified.held == model.heldSkills(ofOccupation: o("cleaner")))
        #expect(verified.ownOccupations == [o("cleaner")])

        let mixed = WorkerProfile(
            work: [
                WorkEvidence(occupationURI: nil, skillURIs: [ToyTaxonomy.uri("b")], verified: false),
                WorkEvidence(occupationURI: "http://example.org/nope", skillURIs: ["http://example.org/zz"], verified: true),
            ], model: model)
        #expect(mixed.held.strength[s("b")] == 0.8)
        #expect(mixed.unknownURIs == ["http://example.org/nope", "http://example.org/zz"])
        #expect(WorkerProfile(work: [], model: model).held.isEmpty)
    }
}

@Suite("Reachability on the real ESCO")
struct RealReachabilityTests {
    static let model = ReachabilityModel(dataset: RealESCO.dataset)

    @Test func fastScatterEqualsTheFormula() {
        let model = Self.model
        for source in stride(from: 0, to: model.occupations.count, by: 97) {
            let credit = model.credits(for: model.heldSkills(ofOccupation: source))
            let fast = model.scores(for: model.heldSkills(ofOccupation: source))
            credit.withUnsafeBufferPointer { c in
                for target in model.occupations.indices {
                    #expect(abs(fast[target] - model.score(target, c)) < 1e-5)
                }
            }
        }
    }

    @Test func matrixHasScoresInRangeAndEveryOccupationReachesItselfBest() {
        let model = Self.model
        let matrix = ReachabilityMatrix(model: model)
        var selfBest = 0
        for a in model.occupations.indices {
            let row = matrix.row(a)
            #expect(row.allSatisfy { $0 >= 0 && $0 <= 1.0001 })
            if row.max() == matrix.score(from: a, to: a) { selfBest += 1 }
        }
        // Only occupations whose skill list another one contains entirely may tie or lose to it.
        #expect(selfBest > model.occupations.count * 95 / 100)
    }

    @Test func thresholdsAreOrderedAndNotDegenerate() {
        let t = ViabilityThresholds(model: Self.model)
        #expect(t.viable > 0.05 && t.viable < t.highlyViable && t.highlyViable < 0.8)
        #expect(t.pairs > 10_000)
    }
}
