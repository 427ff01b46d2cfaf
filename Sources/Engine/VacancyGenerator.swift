import Foundation
import Taxonomy

/// Makes plausible vacancies from ESCO for benchmarks and demos, the same ones for the same seed:
/// an occupation, 3 to 10 of its essential skills, hours, a place weighted by population, a
/// contract, a sector and (for short jobs) the days.
public struct VacancyGenerator: Sendable {
    private var random: SeededGenerator
    private let model: ReachabilityModel
    private let places: [Place]
    private let cumulativePopulation: [Double]

    public init(seed: UInt64, model: ReachabilityModel, places: PlaceDirectory) {
        random = SeededGenerator(seed: seed)
        self.model = model
        self.places = places.places
        var total = 0.0
        cumulativePopulation = places.places.map {
            total += Double(max(1, $0.population)); return total
        }
    }

    public mutating func next(id: String) -> Vacancy {
        var occupation = Int(random.next(below: UInt64(model.occupations.count)))
        while model.essentialSkills(of: occupation).isEmpty { occupation = (occupation + 1) % model.occupations.count }
        let essentials = Array(model.essentialSkills(of: occupation))
        let wanted = min(essentials.count, 3 + Int(random.next(below: 8)))
        var chosen = Set<Int32>()
        while chosen.count < wanted { chosen.insert(essentials[Int(random.next(below: UInt64(essentials.count)))]) }
        let klus = random.next(below: 3) == 0
        let hoursMin = klus ? 2 + Int(random.next(below: 10)) : 8 + 4 * Int(random.next(below: 7))
        let hoursMax = min(40, hoursMin + 4 * Int(random.next(below: 4)))
        let pick = random.nextUnit() * (cumulativePopulation.last ?? 1)
        let place = places[cumulativePopulation.firstIndex { $0 >= pick } ?? 0]
        let contracts: [ContractType] = klus ? [.gig, .freelance, .onCall] : [.permanent, .temporary, .temporary, .onCall]
        let sections = SBI.sections.keys.sorted()
        var days = Weekdays()
        if klus { for _ in 0..<(1 + random.next(below: 3)) { days.insert(Weekdays(rawValue: 1 << UInt8(random.next(below: 7)))) } }
        let month = 1 + Int(random.next(below: 12)), day = 1 + Int(random.next(below: 28))
        return Vacancy(
            id: id, kind: klus ? .klus : .vacancy, title: model.occupations[occupation].label(in: .nl),
            employer: "Demo-werkgever \(1 + random.next(below: 500))", occupationURI: model.occupations[occupation].uri,
            skillURIs: chosen.sorted().map { model.space.uris[Int($0)] }, hoursMin: hoursMin, hoursMax: hoursMax,
            place: place, contract: contracts[Int(random.next(below: UInt64(contracts.count)))],
            start: String(format: "2027-%02d-%02d", month, day),
            sector: sections[Int(random.next(below: UInt64(sections.count)))], days: days)
    }
}

extension SeededGenerator {
    /// A number in 0..<bound (modulo: fine for workloads, and the same every run).
    public mutating func next(below bound: UInt64) -> UInt64 { next() % max(1, bound) }
    public mutating func next(_ bound: Int) -> Int { Int(next(below: UInt64(max(1, bound)))) }
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
