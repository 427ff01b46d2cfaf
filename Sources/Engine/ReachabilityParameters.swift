/// The numbers in the reachability score, in one place so the quality report and the docs name them.
/// See docs/engine.md for why each has the value it has.
public struct ReachabilityParameters: Sendable, Equatable {
    /// Credit for one of the target's skills the source has itself.
    public var exact: Float = 1
    /// Credit when the source has a skill ESCO relates to it (skill–skill relation).
    public var related: Float = 0.5
    /// Credit when the source has a sibling of it in the ESCO skill hierarchy.
    public var sibling: Float = 0.25
    /// How much of a source occupation's optional skills a person in it is taken to have.
    public var optionalHeld: Float = 0.5
    /// How much a skill counts that only self-declared work shows (nobody confirmed it).
    public var selfDeclared: Float = 0.8
    /// Share of the score from the target's essential skills; the rest from its optional skills.
    public var essentialShare: Float = 0.8
    /// Smallest specificity weight, so transversal skills still count a little.
    public var weightFloor: Double = 0.05
    /// A parent in the skill hierarchy with more children than this is too broad to make them "near".
    public var largestSiblingGroup: Int = 60

    public init() {}

    /// The credit from which a skill counts as held ("you have it"), self-declared work included;
    /// the small margin keeps 0.8 × 1 from falling just under 0.8 in floating point.
    public var heldLevel: Float { selfDeclared * exact - 0.0001 }
}
