import Engine
import Foundation
import Runner

/// Writes the bench workload as raw little-endian arrays for bench/baseline_engine.py, runs it,
/// and reads back its timings: the same vectors, workers and wishes on both sides.
enum BaselineExport {
    struct Result { let figures: [String: Double]; let versions: String }

    static func write(
        to dir: String, model: ReachabilityModel, workers: [HeldSkills], board: VacancyBoard,
        wishes: [WorkWishes], places: PlaceDirectory
    ) throws {
        let w = model.space.weights
        func csr(_ rows: [[(Int32, Float)]], _ name: String) throws {
            var indptr: [Int32] = [0], indices: [Int32] = [], data: [Float] = []
            for row in rows {
                for (s, v) in row.sorted(by: { $0.0 < $1.0 }) { indices.append(s); data.append(v) }
                indptr.append(Int32(indices.count))
            }
            try save(indptr, "\(name)_indptr.i32"); try save(indices, "\(name)_indices.i32"); try save(data, "\(name)_data.f32")
        }
        func weighted(_ held: HeldSkills) -> [(Int32, Float)] { held.strength.map { ($0.key, $0.value * w[Int($0.key)]) } }
        func save<T>(_ array: [T], _ file: String) throws {
            try array.withUnsafeBytes { Data($0) }.write(to: URL(fileURLWithPath: "\(dir)/\(file)"))
        }

        try csr(model.occupations.indices.map { weighted(model.heldSkills(ofOccupation: $0)) }, "occupations")
        try csr(workers.map(weighted), "workers")
        let v = board.vacancies
        try csr(v.map { Set($0.skillURIs.compactMap(model.space.id(of:))).map { ($0, w[Int($0)]) } }, "vacancies")
        try save(v.map { UInt8(clamping: $0.hoursMin) }, "vac_hours.u8")
        try save(v.map(\.days.rawValue), "vac_days.u8")
        try save(v.map { UInt8(ContractType.allCases.firstIndex(of: $0.contract)!) }, "vac_contract.u8")
        try save(v.map { $0.sector?.first?.asciiValue ?? 0 }, "vac_section.u8")
        try save(v.map { Float($0.place.latitude) }, "vac_lat.f32")
        try save(v.map { Float($0.place.longitude) }, "vac_lon.f32")
        let wishJSON: [[String: Any]] = wishes.map { wish in
            let home = places.place(id: wish.homePlaceID)!
            return [
                "maxHours": wish.maxHoursPerWeek, "days": Int(wish.days.rawValue), "maxKm": wish.maxTravelKm,
                "contracts": wish.contracts.map { ContractType.allCases.firstIndex(of: $0)! },
                "avoid": wish.avoidSectors.sorted(), "lat": home.latitude, "lon": home.longitude,
            ]
        }
        try JSONSerialization.data(withJSONObject: ["skills": model.space.count, "wishes": wishJSON, "top": 50, "workerTop": 20])
            .write(to: URL(fileURLWithPath: "\(dir)/workload.json"))
    }

    static func run(python: String, directory: String) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            AppRunner.fail("\(python) not found: run scripts/setup (it makes .venv with numpy and scipy), or pass --no-baseline")
        }
        let json = try BenchTaxonomy.jsonOutput(of: [python, "bench/baseline_engine.py", directory])
        return Result(figures: json.compactMapValues { $0 as? Double }, versions: json["versions"] as? String ?? "?")
    }
}
