/// Who counts as a vulnerable worker. The default is the Almere study's: an employee with a flex
/// contract (fixed-term contracts excluded) and/or without a starting qualification (education
/// "laag", up to mbo 1). Self-employed breadwinners who are not economically independent are a
/// separate group, counted when the file has the `self_employed` and `economically_independent`
/// columns (the study's "sixth cluster", not part of the clustering).
public struct VulnerableDefinition: Sendable, Equatable, CustomStringConvertible {
    public var flexContract: Bool
    public var noStartingQualification: Bool

    public static let study = VulnerableDefinition(flexContract: true, noStartingQualification: true)

    public init(flexContract: Bool, noStartingQualification: Bool) {
        self.flexContract = flexContract
        self.noStartingQualification = noStartingQualification
    }

    /// From the CLI and the form: "flex", "laag" or both, comma-separated.
    public init?(parsing text: String) {
        let parts = Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        guard !parts.isEmpty, parts.isSubset(of: ["flex", "laag"]) else { return nil }
        self.init(flexContract: parts.contains("flex"), noStartingQualification: parts.contains("laag"))
    }

    public var description: String {
        [flexContract ? "flex" : nil, noStartingQualification ? "laag" : nil].compactMap { $0 }.joined(separator: ",")
    }

    /// An employee in the research group.
    public func includes(_ person: PersonRecord) -> Bool {
        guard person.selfEmployed != .ja else { return false }
        return (flexContract && person.contract == .flex) || (noStartingQualification && person.education == .laag)
    }

    /// Self-employed, breadwinner, and not economically independent.
    public static func isVulnerableSelfEmployed(_ person: PersonRecord) -> Bool {
        person.selfEmployed == .ja && person.breadwinner == .ja && person.economicallyIndependent == .nee
    }
}
