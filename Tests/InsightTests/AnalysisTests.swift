import Taxonomy
import Testing

@testable import Insight

@Suite("Synthetic data, disclosure control, the analysis and its profiles")
struct AnalysisTests {
    /// The published Almere shares of each variable, in the order of `TableVariable.categories`.
    static let published: [(TableVariable, [Double])] = [
        (.sex, AlmereStudy.sex), (.age, AlmereStudy.ageBands), (.household, AlmereStudy.household),
        (.education, AlmereStudy.education), (.income, AlmereStudy.incomeBands), (.breadwinner, AlmereStudy.breadwinner),
        (.independent, AlmereStudy.economicallyIndependent), (.contract, AlmereStudy.contract),
        (.hours, AlmereStudy.hoursBands.map { $0 * 100 / 101 }), (.jobs, AlmereStudy.jobs),
    ]

    @Test(arguments: [(16_073, UInt64(1)), (500, 7), (1_234, 99)])
    func syntheticMarginalsAreWithinOnePointOfTheStudy(n: Int, seed: UInt64) {
        let people = SyntheticPopulation.generate(n: n, seed: seed)
        #expect(people.count == n)
        for (variable, shares) in Self.published {
            for (category, share) in zip(variable.categories, shares) {
                let observed = 100 * Double(people.filter { variable.category(of: $0) == category }.count) / Double(n)
                #expect(abs(observed - share) < 1, "\(variable) \(category): \(observed) vs \(share)")
            }
        }
        for (code, share) in AlmereStudy.sectors {
            let observed = 100 * Double(people.filter { $0.sector == code }.count) / Double(n)
            #expect(abs(observed - share) < 1, "sector \(code)")
        }
        // Everyone is in the study's group, person by person.
        #expect(people.allSatisfy(VulnerableDefinition.study.includes))
    }

    @Test func syntheticFilesAreReproducibleAndReadBack() {
        let a = SyntheticPopulation.generate(n: 300, seed: 5, others: 200)
        #expect(a == SyntheticPopulation.generate(n: 300, seed: 5, others: 200))
        #expect(a != SyntheticPopulation.generate(n: 300, seed: 6, others: 200))
        #expect(a.filter(VulnerableDefinition.study.includes).count == 300)
        guard case .records(let back) = PersonRecordReader.read(PersonRecordWriter.csv(a)) else { Issue.record("does not read back"); return }
        #expect(back == a)
    }

    @Test func definitionParsesAndSelects() {
        #expect(VulnerableDefinition(parsing: "laag, flex") == .study)
        #expect(VulnerableDefinition(parsing: "flex")?.noStartingQualification == false)
        #expect(VulnerableDefinition(parsing: "vast") == nil && VulnerableDefinition(parsing: "") == nil)
        var p = SyntheticPopulation.generate(n: 1, seed: 1)[0]
        p.selfEmployed = .ja
        #expect(!VulnerableDefinition.study.includes(p))
    }

    @Test func disclosureHidesSmallCellsAndWhatWouldRevealThem() {
        // One small group cell: a second must go, or 5 = 100 − 60 − 35.
        let a = Disclosure.protect(group: [60, 35, 5], population: [600, 350, 50])
        #expect(a.group == [false, true, true])
        // The outsiders of row 3 are 52 − 47 = 5: the population cell hides, and a second row too.
        let b = Disclosure.protect(group: [60, 35, 47], population: [600, 350, 52])
        #expect(b.group == [false, false, false] && b.population == [false, true, true])
        // Group = everyone: the same cells hide in both columns.
        let c = Disclosure.protect(group: [500, 3, 40], population: [500, 3, 40])
        #expect(c.group == c.population && c.group == [false, true, true])
    }

    /// Random tables: every count under 10 hidden, no column with exactly one hidden cell, and
    /// never exactly one row with hidden cells (its outsiders would follow).
    @Test func disclosureRulesHoldOnRandomTables() {
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<2_000 {
            let rows = 2 + Int(rng.next() % 6)
            let group = (0..<rows).map { _ in Int(rng.next() % 40) }
            let population = group.map { $0 + Int(rng.next() % 40) }
            let h = Disclosure.protect(group: group, population: population)
            for r in 0..<rows {
                if group[r] < 10 { #expect(h.group[r]) }
                if population[r] < 10 { #expect(h.population[r]) }
                if (1..<10).contains(population[r] - group[r]) { #expect(h.group[r] || h.population[r]) }
            }
            #expect(h.group.filter { $0 }.count != 1 && h.population.filter { $0 }.count != 1)
            #expect((0..<rows).filter { h.group[$0] || h.population[$0] }.count != 1)
        }
    }

    @Test func squareMatrixAndClaraAgreeWithTheExactForms() {
        let people = SyntheticPopulation.generate(n: 400, seed: 2)
        let variables = ClusterVariables(people)
        let formula = GowerFormula(variables.data)
        let exact = GowerMatrix(variables.data), square = SquareDistances(formula)
        for (i, j) in [(1, 0), (399 - 9, 5), (200, 199), (17, 300)] where i < formula.count && j < formula.count {
            #expect(abs(square.distance(i, j) - exact.distance(i, j)) < 1e-7)
        }
        let labelings = [KMedoids(exact, k: 3).labels, KMedoids(exact, k: 4).labels]
        let both = ClusterQuality.averageSilhouettes(square, labelings: labelings, ks: [3, 4])
        #expect(abs(both[0] - ClusterQuality.averageSilhouette(exact, labels: labelings[0], k: 3)) < 1e-6)
        #expect(abs(both[1] - ClusterQuality.averageSilhouette(exact, labels: labelings[1], k: 4)) < 1e-6)
        // A CLARA sample of everyone is PAM itself.
        let clara = Clara(formula, k: 3, sampleSize: formula.count, seed: 1)
        #expect(abs(clara.totalDeviation - KMedoids(exact, k: 3).totalDeviation) < 1e-6)
    }

    /// Two kinds of people who differ in everything: k = 2 wins, and the 80 % runs agree fully.
    @Test func analysisFindsAnObviousStructure() throws {
        let base = SyntheticPopulation.generate(n: 120, seed: 4)
        let people = base.enumerated().map { index, p in
            let young = index % 2 == 0
            return PersonRecord(
                personID: p.personID, age: young ? 19 + index % 3 : 58 + index % 3, sex: p.sex,
                household: young ? .thuiswonendKind : .partnerMetKind, education: .laag,
                incomeEuros: young ? 12_000 + Double(index) : 41_000 + Double(index), contract: young ? .flex : .vast,
                hoursPerWeek: nil, hoursBand: young ? .under12 : .over35, sector: young ? "N78" : "G",
                jobs: 1, breadwinner: young ? .nee : .ja, municipality: "Test")
        }
        var options = ClusterAnalysis.Options()
        options.ks = 2...4
        let analysis = try ClusterAnalysis(people, options: options)
        #expect(analysis.chosen.k == 2 && analysis.chosen.silhouette > 0.8)
        #expect(analysis.robustness.count == 5 && analysis.robustness.allSatisfy { $0 == 1 })
        let profiles = ClusterProfile.make(people: people, labels: analysis.chosen.labels, k: 2)
        let young = profiles.first { $0.dominant[.contract]?.first?.category == "flex" }!
        #expect(
            young.descriptionDutch
                == "Vooral jongeren die bij hun ouders wonen, flexcontract, zonder startkwalificatie, niet de kostwinner, kleine baan (minder dan 12 uur), uitzendbureaus en arbeidsbemiddeling")
        #expect(young.descriptionEnglish.hasPrefix("Mostly young people living with their parents, flex contracts"))
        #expect(young.size == 60 && !young.sizeHidden && young.medianAge == 20)
    }

    /// The audit's file that stopped the server: a group whose incomes are all empty reached
    /// PAM with no one to cluster. Every such input is now a problem, before any work.
    @Test func aGroupThatCannotBeClusteredIsAProblemNotACrash() {
        let base = SyntheticPopulation.generate(n: 40, seed: 3)
        func group(_ n: Int, incomes: Int) -> [PersonRecord] {
            base.prefix(n).enumerated().map { i, p in
                PersonRecord(
                    personID: p.personID, age: p.age, sex: p.sex, household: p.household, education: p.education,
                    incomeEuros: i < incomes ? 10_000 + Double(i) * 500 : nil, contract: p.contract, hoursPerWeek: nil,
                    hoursBand: p.hoursBand, sector: p.sector, jobs: p.jobs, breadwinner: p.breadwinner, municipality: "Test")
            }
        }
        #expect(throws: ClusterProblem.tooFewToCluster(k: 2, needed: 4, clustered: 0, unknownIncome: 5)) { try ClusterAnalysis(group(5, incomes: 0)) }
        #expect(throws: ClusterProblem.tooFewToCluster(k: 2, needed: 4, clustered: 3, unknownIncome: 2)) { try ClusterAnalysis(group(5, incomes: 3)) }
        #expect(throws: ClusterProblem.groupTooSmall(group: 1)) { try ClusterAnalysis(group(1, incomes: 1)) }
        var chosen = ClusterAnalysis.Options()
        chosen.chosenK = 6
        #expect(throws: ClusterProblem.tooFewToCluster(k: 6, needed: 12, clustered: 10, unknownIncome: 0)) { try ClusterAnalysis(group(10, incomes: 10), options: chosen) }
        var one = ClusterAnalysis.Options()
        one.ks = 1...3
        #expect(throws: ClusterProblem.kBelowTwo(1)) { try ClusterAnalysis(group(10, incomes: 10), options: one) }
        // Ten people with an income run k = 2…5 (each cluster can hold two); 6, 7 and 8 are left out.
        let small = try? ClusterAnalysis(group(12, incomes: 10))
        #expect(small?.runs.map(\.k) == [2, 3, 4, 5])
    }

    @Test func smallClustersAreHiddenInProfiles() {
        let people = SyntheticPopulation.generate(n: 40, seed: 8)
        let labels = people.indices.map { $0 < 5 ? 0 : $0 < 12 ? 1 : 2 }
        let profiles = ClusterProfile.make(people: people, labels: labels, k: 3)
        #expect(profiles[0].sizeHidden && profiles[1].sizeHidden && !profiles[2].sizeHidden)
        #expect(profiles[0].dominant.isEmpty && profiles[0].medianAge == nil)
        #expect(profiles[2].dominant.values.allSatisfy { $0.allSatisfy { $0.percent * 28 / 100 >= 9.99 } })
    }

    @Test func tablesCompareTheGroupWithEveryone() {
        let people = SyntheticPopulation.generate(n: 300, seed: 9, others: 700)
        let group = people.filter(VulnerableDefinition.study.includes)
        let tables = FrequencyTable.make(population: people, group: group)
        let contract = tables.first { $0.variable == .contract }!
        #expect(contract.groupTotal == 300 && contract.populationTotal == 1_000)
        #expect(contract.group[contract.categories.firstIndex(of: "flex")!] == 150)
        #expect(tables.map(\.variable).contains(.independent))
    }
}
