import Foundation

/// One vacancy that fits a worker's wishes, with how well their skills cover it.
public struct VacancyMatch: Sendable {
    public let vacancy: Int
    /// Share of the vacancy's required skills the worker covers, weighted by specificity (0–1).
    public let coverage: Float
    public let distanceKm: Double
    /// Required skills the worker has (credit at least the self-declared level).
    public let have: [Int32]
    /// Required skills still missing, most specific first.
    public let missing: [Int32]
}

/// All open vacancies and short jobs laid out for fast matching: hard wishes filter in one pass
/// over flat arrays, skill coverage ranks what is left, a bounded list keeps the best `top`.
public struct VacancyBoard: Sendable {
    public let vacancies: [Vacancy]
    private let hoursMin: [UInt8], days: [UInt8], contract: [UInt8], section: [UInt8]
    private let latitude: [Float], longitude: [Float]
    private let skillIDs: [Int32], skillStart: [Int], totalWeight: [Float]

    public var count: Int { vacancies.count }

    /// Skills the model does not know are left out (imports reject them before they get here).
    public init(vacancies: [Vacancy], model: ReachabilityModel) {
        self.vacancies = vacancies
        hoursMin = vacancies.map { UInt8(clamping: $0.hoursMin) }
        days = vacancies.map(\.days.rawValue)
        contract = vacancies.map(\.contract.bit)
        section = vacancies.map { $0.sector?.first?.asciiValue ?? 0 }
        latitude = vacancies.map { Float($0.place.latitude) }
        longitude = vacancies.map { Float($0.place.longitude) }
        var ids: [Int32] = [], starts = [0], totals: [Float] = []
        ids.reserveCapacity(vacancies.count * 8)
        for v in vacancies {
            let own = Set(v.skillURIs.compactMap(model.space.id(of:))).sorted()
            ids += own
            starts.append(ids.count)
            totals.append(own.reduce(0) { $0 + model.space.weights[Int($1)] })
        }
        skillIDs = ids
        skillStart = starts
        totalWeight = totals
    }

    /// The best `top` vacancies for a worker whose skill credits are `credit` (from
    /// `ReachabilityModel.credits`), under hard `wishes` from `home`.
    public func match(credit: [Float], weights: [Float], wishes: WorkWishes, home: Place,
                      haveLevel: Float, top: Int) -> [VacancyMatch] {
        guard top > 0 else { return [] }
        let maxHours = UInt8(clamping: wishes.maxHoursPerWeek)
        let freeDays = wishes.days.rawValue
        let contracts = wishes.contracts.reduce(UInt8(0)) { $0 | $1.bit }
        var avoided = [Bool](repeating: false, count: 128)
        for s in wishes.avoidSectors { if let a = s.first?.asciiValue { avoided[Int(a)] = true } }
        // Distances within the Netherlands: an equirectangular projection around the home is within
        // 0.1 % of the great-circle distance at these ranges, and needs no trigonometry per vacancy.
        let rad = Float.pi / 180, earth: Float = 6371.0088
        let homeLat = Float(home.latitude), homeLon = Float(home.longitude)
        let xScale = earth * rad * cos(homeLat * rad), yScale = earth * rad
        let maxSquared = Float(wishes.maxTravelKm * wishes.maxTravelKm)

        var best = TopList(capacity: top)
        credit.withUnsafeBufferPointer { c in
            weights.withUnsafeBufferPointer { w in
                skillIDs.withUnsafeBufferPointer { ids in
                    for v in 0..<vacancies.count {
                        guard hoursMin[v] <= maxHours, days[v] & ~freeDays == 0,
                              contract[v] & contracts != 0, !avoided[Int(section[v])] else { continue }
                        let dx = (longitude[v] - homeLon) * xScale, dy = (latitude[v] - homeLat) * yScale
                        let d2 = dx * dx + dy * dy
                        guard d2 <= maxSquared else { continue }
                        var covered: Float = 0
                        for k in skillStart[v]..<skillStart[v + 1] {
                            let s = Int(ids[k]); covered += w[s] * c[s]
                        }
                        let coverage = totalWeight[v] > 0 ? covered / totalWeight[v] : 0
                        best.offer(coverage, tieBreak: d2, v)
                    }
                }
            }
        }
        return best.sorted().map { v in
            let required = skillIDs[skillStart[v]..<skillStart[v + 1]]
            let coverage = totalWeight[v] > 0 ? required.reduce(0) { $0 + weights[Int($1)] * credit[Int($1)] } / totalWeight[v] : 0
            return VacancyMatch(
                vacancy: v, coverage: coverage, distanceKm: home.distanceKm(to: vacancies[v].place),
                have: required.filter { credit[Int($0)] >= haveLevel },
                missing: required.filter { credit[Int($0)] < haveLevel }.sorted { weights[Int($0)] > weights[Int($1)] })
        }
    }
}

/// The `capacity` best items seen: higher score first, then smaller tie-break, then lower index.
struct TopList {
    private(set) var items: [(score: Float, tie: Float, index: Int)] = []
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        items.reserveCapacity(capacity + 1)
    }

    private static func better(_ a: (score: Float, tie: Float, index: Int), _ b: (score: Float, tie: Float, index: Int)) -> Bool {
        a.score != b.score ? a.score > b.score : a.tie != b.tie ? a.tie < b.tie : a.index < b.index
    }

    mutating func offer(_ score: Float, tieBreak: Float, _ index: Int) {
        let item = (score, tieBreak, index)
        if items.count == capacity, let worst = items.last, !Self.better(item, worst) { return }
        // Insertion into a short sorted list: cheap because most offers stop at the check above.
        var i = items.count
        while i > 0, Self.better(item, items[i - 1]) { i -= 1 }
        items.insert(item, at: i)
        if items.count > capacity { items.removeLast() }
    }

    func sorted() -> [Int] { items.map(\.index) }
}
