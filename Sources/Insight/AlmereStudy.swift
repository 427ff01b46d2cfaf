/// The published figures of the Almere study (Regioplan for the municipality of Almere, 2023;
/// seed 003): the research group's shares in percent (Almere column of tables 2.1–2.3 and 2.5,
/// 16,073 people on 18 December 2020) and its five clusters (section 2.3 and table 2.8).
/// Each array follows the order of its category type's cases.
public enum AlmereStudy {
    public static let groupSize = 16_073
    public static let nationalGroupSize = 1_173_443

    public static let sex: [Double] = [50, 50]
    public static let ageBands: [Double] = [16, 24, 22, 22, 16]
    public static let household: [Double] = [36, 9, 18, 17, 16, 4]
    public static let education: [Double] = [60, 5, 4, 9, 5, 9, 8]
    public static let incomeBands: [Double] = [9, 28, 31, 18, 7, 5, 2]
    /// Breadwinner and economically independent: ja, nee, onbekend.
    public static let breadwinner: [Double] = [49, 49, 2]
    public static let economicallyIndependent: [Double] = [75, 22, 3]
    public static let contract: [Double] = [38, 50, 12]
    /// The published hours add up to 101 % (rounding); the generator scales them to 100.
    public static let hoursBands: [Double] = [13, 10, 11, 10, 13, 44]
    /// One job, two or more ("91 procent heeft één baan").
    public static let jobs: [Double] = [91, 9]

    /// Table 2.6 (sectors) is a figure whose numbers are not in the text. Published for the group:
    /// temp agencies 28 %, retail and wholesale 16 %, health and welfare 12 % (table 2.7); the rest
    /// is our assumption from the clusters' sectors (transport, hospitality, industry) and is
    /// labelled as such in docs/insight.md.
    public static let sectors: [(String, Double)] = [
        ("N78", 28), ("G", 16), ("Q", 12), ("H", 8), ("I", 7), ("C", 6), ("N", 5), ("M", 3), ("P", 3),
        ("F", 3), ("O", 2), ("J", 2), ("S", 2), ("R", 1), ("K", 1), ("A", 1),
    ]

    /// The five Almere clusters, their sizes, and what table 2.8 says about each.
    public static let clusters: [(name: String, size: Int)] = [
        ("Thuiswonende jongeren met een flexcontract in de uitzendbranche", 3_270),
        ("Eenverdieners met een flexcontract in de uitzendbranche", 3_532),
        ("Oudere flexwerkers met een kleine baan in de uitzendbranche, niet als kostwinner", 2_330),
        ("Werknemers zonder startkwalificatie, vast contract, kleine baan in de zorg, niet als kostwinner", 4_303),
        ("Werknemers zonder startkwalificatie, vast contract, kostwinner in de handel", 2_263),
    ]

    /// Table 2.8 as shares of groups of categories per cluster (category indexes as above); the
    /// categories not named share the rest in proportion to the group's marginals.
    typealias Profile = [([Int], Double)]
    static let sexProfiles: [Profile] = [[([0], 0.61)], [([0], 0.57)], [([1], 0.71)], [([1], 0.88)], [([0], 0.66)]]
    static let ageProfiles: [Profile] = [[([0], 0.57), ([1], 0.35)], [([1, 2], 0.59)], [([1, 2, 3], 0.81)], [([3, 4], 0.65)], [([2, 3, 4], 0.84)]]
    static let householdProfiles: [Profile] = [[([4], 0.74)], [([3], 0.50), ([1], 0.16)], [([0], 0.73)], [([0], 0.58), ([2], 0.27)], [([0], 0.49), ([2], 0.20)]]
    static let incomeProfiles: [Profile] = [[([1, 2], 0.75)], [([1, 2, 3], 0.82)], [([0], 0.28), ([1], 0.36)], [([1, 2], 0.80)], [([2, 3], 0.62), ([4, 5], 0.29)]]
    static let breadwinnerProfiles: [Profile] = [[([1], 0.98)], [([0], 0.98)], [([1], 0.98)], [([1], 0.87)], [([0], 0.85)]]
    /// Not in table 2.8: lower for the clusters with small jobs and low incomes (our assumption).
    static let independentProfiles: [Profile] = [[([1], 0.30)], [([1], 0.12)], [([1], 0.50)], [([1], 0.15)], [([1], 0.05)]]
    static let contractProfiles: [Profile] = [[([1], 0.74)], [([1], 0.81)], [([1], 0.91)], [([0], 0.73)], [([0], 0.85)]]
    static let hoursProfiles: [Profile] = [[([5], 0.46)], [([5], 0.49)], [([0], 0.43)], [([2], 0.38)], [([5], 0.76)]]
    /// Not in table 2.8: more people with two or more jobs in the small-jobs cluster (assumption).
    static let jobsProfiles: [Profile] = [[([1], 0.06)], [([1], 0.06)], [([1], 0.20)], [([1], 0.06)], [([1], 0.06)]]
    /// Sector indexes into `sectors`: N78 0, G 1, Q 2, H 3, C 5.
    static let sectorProfiles: [Profile] = [
        [([0], 0.41), ([1], 0.18)], [([0], 0.53), ([2], 0.10)], [([0], 0.43), ([2], 0.11)], [([2], 0.42), ([1], 0.14)], [([1], 0.29), ([5], 0.13), ([3], 0.11)],
    ]
}
