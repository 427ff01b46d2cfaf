/// Kinds of contract a vacancy offers and a worker may accept.
public enum ContractType: String, Sendable, Codable, CaseIterable {
    case permanent, temporary, onCall = "on-call", freelance, gig

    var bit: UInt8 { UInt8(1) << UInt8(Self.allCases.firstIndex(of: self)!) }
}

/// A set of weekdays, Monday first.
public struct Weekdays: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue & 0x7F }

    public static let monday = Weekdays(rawValue: 1), tuesday = Weekdays(rawValue: 2), wednesday = Weekdays(rawValue: 4)
    public static let thursday = Weekdays(rawValue: 8), friday = Weekdays(rawValue: 16), saturday = Weekdays(rawValue: 32)
    public static let sunday = Weekdays(rawValue: 64)
    public static let all = Weekdays(rawValue: 0x7F)
    /// Short codes as forms and CSV files write them: mon tue wed thu fri sat sun.
    public static let codes = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// "mon|wed|fri" (or commas, spaces) → the set; nil when a code is unknown.
    public init?(codes text: String) {
        var raw: UInt8 = 0
        for part in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" || $0 == "|" }) {
            guard let i = Self.codes.firstIndex(of: part.lowercased()) else { return nil }
            raw |= 1 << UInt8(i)
        }
        self.init(rawValue: raw)
    }

    public var codeList: [String] { Self.codes.indices.filter { rawValue & (1 << UInt8($0)) != 0 }.map { Self.codes[$0] } }
}

/// A vacancy or a short job (klus), as the matcher needs it. Validated by `VacancyDraft`.
public struct Vacancy: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case vacancy, klus }

    public var id: String
    public var kind: Kind
    public var title: String
    public var employer: String
    public var occupationURI: String?
    public var skillURIs: [String]
    public var hoursMin: Int
    public var hoursMax: Int
    public var place: Place
    public var contract: ContractType
    /// ISO date (yyyy-mm-dd) the work starts.
    public var start: String
    /// SBI 2008 code; its first letter is the section the worker may avoid.
    public var sector: String?
    /// The days the work is on; empty means "to agree".
    public var days: Weekdays

    public init(
        id: String, kind: Kind, title: String, employer: String, occupationURI: String?, skillURIs: [String],
        hoursMin: Int, hoursMax: Int, place: Place, contract: ContractType, start: String,
        sector: String?, days: Weekdays
    ) {
        self.id = id; self.kind = kind; self.title = title; self.employer = employer
        self.occupationURI = occupationURI; self.skillURIs = skillURIs
        self.hoursMin = hoursMin; self.hoursMax = hoursMax; self.place = place; self.contract = contract
        self.start = start; self.sector = sector; self.days = days
    }
}

/// What a worker wants from work. Every field is a hard filter.
public struct WorkWishes: Sendable, Equatable, Codable {
    public var maxHoursPerWeek: Int
    public var days: Weekdays
    public var maxTravelKm: Int
    /// The GeoNames id of where the worker lives.
    public var homePlaceID: Int
    public var contracts: Set<ContractType>
    /// SBI section letters (A–U) the worker does not want to work in.
    public var avoidSectors: Set<String>

    public init(
        maxHoursPerWeek: Int, days: Weekdays, maxTravelKm: Int, homePlaceID: Int,
        contracts: Set<ContractType>, avoidSectors: Set<String> = []
    ) {
        self.maxHoursPerWeek = maxHoursPerWeek; self.days = days; self.maxTravelKm = maxTravelKm
        self.homePlaceID = homePlaceID; self.contracts = contracts; self.avoidSectors = avoidSectors
    }

    public static let hoursRange = 1...60, travelRange = 1...150

    /// What is impossible or unknown in these wishes, by field; empty when they can be used.
    public func problems(places: PlaceDirectory) -> [FieldProblem] {
        var p: [FieldProblem] = []
        if !Self.hoursRange.contains(maxHoursPerWeek) {
            p.append(
                .init("maxHoursPerWeek", maxHoursPerWeek <= 0 ? .noHours : .tooManyHours(max: Self.hoursRange.upperBound)))
        }
        if days.isEmpty { p.append(.init("days", .noDay)) }
        if !Self.travelRange.contains(maxTravelKm) {
            p.append(.init("maxTravelKm", .travelOutOfRange(Self.travelRange)))
        }
        if places.place(id: homePlaceID) == nil { p.append(.init("home", .homeNotInList)) }
        if contracts.isEmpty { p.append(.init("contracts", .noContract)) }
        for s in avoidSectors where !SBI.sections.keys.contains(s) {
            p.append(.init("avoidSectors", .notSBISection(s)))
        }
        return p
    }
}

/// A problem with one field of a form, a CSV row or an API body.
public struct FieldProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let field: String
    public let problem: InputProblem
    public init(_ field: String, _ problem: InputProblem) { self.field = field; self.problem = problem }
    /// In English, for the CLI and tests; pages translate `problem`.
    public var message: String { problem.english }
    public var description: String { "\(field): \(message)" }
}

/// The sections of the Dutch Standaard Bedrijfsindeling (SBI 2008), in Dutch.
public enum SBI {
    public static let sections: [String: String] = [
        "A": "Landbouw, bosbouw en visserij", "B": "Delfstoffenwinning", "C": "Industrie",
        "D": "Energievoorziening", "E": "Water, afval en afvalwater", "F": "Bouw", "G": "Handel",
        "H": "Vervoer en opslag", "I": "Horeca", "J": "Informatie en communicatie",
        "K": "Financiële dienstverlening", "L": "Verhuur en handel van onroerend goed",
        "M": "Advies, onderzoek en specialistische zakelijke diensten",
        "N": "Verhuur en overige zakelijke diensten (o.a. uitzendbureaus, schoonmaak)",
        "O": "Openbaar bestuur", "P": "Onderwijs", "Q": "Gezondheids- en welzijnszorg",
        "R": "Cultuur, sport en recreatie", "S": "Overige dienstverlening",
        "T": "Huishoudens als werkgever", "U": "Extraterritoriale organisaties",
    ]
}
