/// One piece of work as the engine sees it: what it shows, and whether anyone vouches for it.
public struct WorkEvidence: Sendable, Equatable {
    public var occupationURI: String?
    public var skillURIs: [String]
    /// Signed by the platform or employer (true), or added by the worker (false).
    public var verified: Bool

    public init(occupationURI: String?, skillURIs: [String], verified: Bool) {
        self.occupationURI = occupationURI
        self.skillURIs = skillURIs
        self.verified = verified
    }
}

/// What a worker holds according to their work: the skills records name and what the records'
/// occupations imply (as for a person working in that occupation); self-declared work counts less.
public struct WorkerProfile: Sendable {
    public let held: HeldSkills
    /// Occupations the worker already works in: not shown as places to go.
    public let ownOccupations: Set<Int>
    /// URIs in the records the taxonomy does not know (an older ESCO, a typo in an upload).
    public let unknownURIs: [String]

    public init(work: [WorkEvidence], model: ReachabilityModel) {
        var held = HeldSkills(), own = Set<Int>(), unknown: [String] = []
        for record in work {
            let factor = record.verified ? 1 : model.parameters.selfDeclared
            if let uri = record.occupationURI {
                if let o = model.index(of: uri) {
                    own.insert(o)
                    held.add(model.heldSkills(ofOccupation: o), scaledBy: factor)
                } else {
                    unknown.append(uri)
                }
            }
            for uri in record.skillURIs {
                if let s = model.space.id(of: uri) { held.add(s, factor) } else { unknown.append(uri) }
            }
        }
        self.held = held
        ownOccupations = own
        unknownURIs = Array(Set(unknown)).sorted()
    }
}
