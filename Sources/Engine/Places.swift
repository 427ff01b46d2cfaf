import Foundation

/// A place in the Netherlands from GeoNames (data/places/nl-places.tsv).
public struct Place: Sendable, Equatable {
    public let id: Int
    public let name: String
    public let latitude: Double
    public let longitude: Double
    public let population: Int

    public init(id: Int, name: String, latitude: Double, longitude: Double, population: Int) {
        self.id = id
        self.name = name
        self.latitude = latitude
        self.longitude = longitude
        self.population = population
    }

    /// Great-circle distance in kilometres (haversine, mean Earth radius).
    public func distanceKm(to other: Place) -> Double {
        GeoPoint(self).distanceKm(to: GeoPoint(other))
    }
}

/// A point as the matcher keeps it: two floats per vacancy.
public struct GeoPoint: Sendable, Equatable {
    public var latitude: Float
    public var longitude: Float

    public init(latitude: Float, longitude: Float) {
        self.latitude = latitude
        self.longitude = longitude
    }

    public init(_ place: Place) { self.init(latitude: Float(place.latitude), longitude: Float(place.longitude)) }

    public func distanceKm(to other: GeoPoint) -> Double {
        let r = 6371.0088, rad = Double.pi / 180
        let φ1 = Double(latitude) * rad, φ2 = Double(other.latitude) * rad
        let dφ = φ2 - φ1, dλ = Double(other.longitude - longitude) * rad
        let h = sin(dφ / 2) * sin(dφ / 2) + cos(φ1) * cos(φ2) * sin(dλ / 2) * sin(dλ / 2)
        return 2 * r * asin(min(1, h.squareRoot()))
    }
}

/// The Dutch places, looked up by name or alternative name, ignoring case and accents.
public struct PlaceDirectory: Sendable {
    public let places: [Place]
    private let byName: [String: Int]
    private let byID: [Int: Int]

    public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "nl-places.tsv, line \(line): \(reason)" }
    }

    /// Reads the TSV `scripts/extract-places.py` writes. Places come most populous first, so
    /// when two share a name the larger one wins.
    public init(tsv: String) throws(FileError) {
        var places: [Place] = [], names: [String: Int] = [:], aliases: [String: Int] = [:]
        let lines = tsv.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.hasPrefix("geonameid\tname\tlatitude\tlongitude") == true else {
            throw FileError(line: 1, reason: "the header is not geonameid, name, latitude, longitude, population, admin1, aliases")
        }
        for (i, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 7, let id = Int(f[0]), let lat = Double(f[2]), let lon = Double(f[3]),
                let population = Int(f[4]), !f[1].isEmpty, (50.0...54.0).contains(lat), (3.0...8.0).contains(lon)
            else {
                throw FileError(line: i + 1, reason: "expected 7 tab-separated fields with a number id, a name and coordinates in the Netherlands")
            }
            let place = Place(id: id, name: String(f[1]), latitude: lat, longitude: lon, population: population)
            if names[Self.key(place.name)] == nil { names[Self.key(place.name)] = places.count }
            for alias in f[6].split(separator: "|") where aliases[Self.key(String(alias))] == nil {
                aliases[Self.key(String(alias))] = places.count
            }
            places.append(place)
        }
        guard !places.isEmpty else { throw FileError(line: 1, reason: "no places") }
        self.places = places
        byName = names.merging(aliases) { name, _ in name }  // a real name beats another place's alias
        byID = Dictionary(places.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func place(named name: String) -> Place? { byName[Self.key(name)].map { places[$0] } }

    public func place(id: Int) -> Place? { byID[id].map { places[$0] } }

    /// Places whose name starts with `prefix`, most populous first (for suggestions on a form).
    public func suggestions(_ prefix: String, limit: Int = 8) -> [Place] {
        let p = Self.key(prefix)
        guard !p.isEmpty else { return [] }
        return Array(places.lazy.filter { Self.key($0.name).hasPrefix(p) }.prefix(limit))
    }

    static func key(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces)
    }
}
