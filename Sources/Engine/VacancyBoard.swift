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

/// All open vacancies and short jobs laid out for fast matching. Vacancies are kept grouped by
/// place, so the travel wish is checked once per place (under 2,000) rather than once per
/// vacancy; the other hard wishes filter in one pass over flat byte arrays; skill coverage ranks
/// what is left; a bounded list keeps the best `top`.
public struct VacancyBoard: Sendable {
    public let vacancies: [Vacancy]
    /// Slot → index in `vacancies`; slots are ordered by place.
    private let order: [Int], slotOf: [Int]
    private let hoursMin: [UInt8], days: [UInt8], contract: [UInt8], section: [UInt8]
    /// Per slot: required skill ids and what each adds to the coverage (weight ÷ the vacancy's total).
    private let skillIDs: [Int32], share: [Float], skillStart: [Int]
    private let placeLatitude: [Float], placeLongitude: [Float], placeStart: [Int]
    /// The model's specificity weights and held level, for the explanation of each match.
    private let weights: [Float], heldLevel: Float

    public var count: Int { vacancies.count }

    /// Skills the model does not know are left out (imports reject them before they get here).
    public init(vacancies: [Vacancy], model: ReachabilityModel) {
        self.vacancies = vacancies
        weights = model.space.weights
        heldLevel = model.parameters.heldLevel
        let order = vacancies.indices.sorted {
            vacancies[$0].place.id != vacancies[$1].place.id
                ? vacancies[$0].place.id < vacancies[$1].place.id : $0 < $1
        }
        self.order = order
        var slotOf = [Int](repeating: 0, count: order.count)
        for (slot, v) in order.enumerated() { slotOf[v] = slot }
        self.slotOf = slotOf
        hoursMin = order.map { UInt8(clamping: vacancies[$0].hoursMin) }
        days = order.map { vacancies[$0].days.rawValue }
        contract = order.map { vacancies[$0].contract.bit }
        section = order.map { vacancies[$0].sector?.first?.asciiValue ?? 0 }
        var ids: [Int32] = [], share: [Float] = [], starts = [0]
        ids.reserveCapacity(vacancies.count * 8)
        share.reserveCapacity(vacancies.count * 8)
        var lat: [Float] = [], lon: [Float] = [], placeStarts: [Int] = []
        for (slot, v) in order.enumerated() {
            let place = vacancies[v].place
            if slot == 0 || place.id != vacancies[order[slot - 1]].place.id {
                placeStarts.append(slot); lat.append(Float(place.latitude)); lon.append(Float(place.longitude))
            }
            let own = Set(vacancies[v].skillURIs.compactMap(model.space.id(of:))).sorted()
            let total = own.reduce(Float(0)) { $0 + model.space.weights[Int($1)] }
            ids += own
            share += own.map { total > 0 ? model.space.weights[Int($0)] / total : 0 }
            starts.append(ids.count)
        }
        placeStarts.append(order.count)
        skillIDs = ids
        self.share = share
        skillStart = starts
        placeLatitude = lat
        placeLongitude = lon
        placeStart = placeStarts
    }

    /// The best `top` vacancies for a worker whose skill credits are `credit` (from
    /// `ReachabilityModel.credits` of the model the board was built with), under hard `wishes` from `home`.
    public func match(credit: [Float], wishes: WorkWishes, home: Place, top: Int) -> [VacancyMatch] {
        guard top > 0 else { return [] }
        let maxHours = UInt8(clamping: wishes.maxHoursPerWeek)
        let busyDays = ~wishes.days.rawValue
        let contracts = wishes.contracts.reduce(UInt8(0)) { $0 | $1.bit }
        var avoided = [Bool](repeating: false, count: 256)
        for s in wishes.avoidSectors { if let a = s.first?.asciiValue { avoided[Int(a)] = true } }
        // Distances within the Netherlands: an equirectangular projection around the home is within
        // 0.1 % of the great-circle distance at these ranges.
        let rad = Float.pi / 180, earth: Float = 6371.0088
        let homeLat = Float(home.latitude), homeLon = Float(home.longitude)
        let xScale = earth * rad * cos(homeLat * rad), yScale = earth * rad
        let maxSquared = Float(wishes.maxTravelKm * wishes.maxTravelKm)

        var best = TopList(capacity: top)
        credit.withUnsafeBufferPointer { c in
            skillIDs.withUnsafeBufferPointer { ids in
                share.withUnsafeBufferPointer { amounts in
                    for p in 0..<placeLatitude.count {
                        let dx = (placeLongitude[p] - homeLon) * xScale, dy = (placeLatitude[p] - homeLat) * yScale
                        let d2 = dx * dx + dy * dy
                        guard d2 <= maxSquared else { continue }
                        for slot in placeStart[p]..<placeStart[p + 1] {
                            guard hoursMin[slot] <= maxHours, days[slot] & busyDays == 0,
                                contract[slot] & contracts != 0, !avoided[Int(section[slot])]
                            else { continue }
                            var coverage: Float = 0
                            for k in skillStart[slot]..<skillStart[slot + 1] { coverage += amounts[k] * c[Int(ids[k])] }
                            best.offer(coverage, tieBreak: d2, order[slot])
                        }
                    }
                }
            }
        }
        return best.sorted().map { v in
            let slot = slotOf[v], range = skillStart[slot]..<skillStart[slot + 1]
            let required = skillIDs[range]
            return VacancyMatch(
                vacancy: v, coverage: range.reduce(0) { $0 + share[$1] * credit[Int(skillIDs[$1])] },
                distanceKm: home.distanceKm(to: vacancies[v].place),
                have: required.filter { credit[Int($0)] >= heldLevel },
                missing: required.filter { credit[Int($0)] < heldLevel }.sorted { weights[Int($0)] > weights[Int($1)] })
        }
    }
}
