/// The skills a person or an occupation brings, each with how surely it is held (0 to 1):
/// 1 for a skill verified work shows, `selfDeclared` when only self-declared work shows it,
/// `optionalHeld` for an occupation's optional skills.
public struct HeldSkills: Sendable, Equatable {
    /// Skill id in the `SkillSpace` → how surely it is held; the largest wins when added twice.
    public private(set) var strength: [Int32: Float] = [:]

    public init() {}

    public var isEmpty: Bool { strength.isEmpty }
    public var count: Int { strength.count }

    public mutating func add(_ skill: Int32, _ value: Float) {
        guard value > 0 else { return }
        if let old = strength[skill], old >= value { return }
        strength[skill] = value
    }

    public mutating func add(_ other: HeldSkills, scaledBy factor: Float = 1) {
        for (skill, value) in other.strength { add(skill, value * factor) }
    }
}
