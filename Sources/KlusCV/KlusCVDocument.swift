import Localization

/// What a KlusCV shows, already in the reader's language: the renderer only lays it out.
public struct KlusCVDocument: Sendable {
    public var lang: Lang
    /// The worker's name as they gave it.
    public var name: String
    /// Two or three plain sentences about the work in the CV.
    public var summary: String
    /// Headline numbers ("Uren" → "1.240").
    public var totals: [Fact]
    /// The work, newest first.
    public var entries: [Entry]
    /// The skills the work shows most often, most often first.
    public var skills: [String]
    /// A note under the skills (for example that ESCO's names are in English).
    public var skillsNote: String?
    /// The public page that shows each record's live status; encoded in the QR code.
    public var verificationURL: String
    /// "23 nov 2026": when the CV was made; and until when its link works, if it expires.
    public var madeOn: String
    public var validUntil: String?

    public init(
        lang: Lang, name: String, summary: String, totals: [Fact], entries: [Entry], skills: [String],
        skillsNote: String? = nil, verificationURL: String, madeOn: String, validUntil: String? = nil
    ) {
        self.lang = lang
        self.name = name
        self.summary = summary
        self.totals = totals
        self.entries = entries
        self.skills = skills
        self.skillsNote = skillsNote
        self.verificationURL = verificationURL
        self.madeOn = madeOn
        self.validUntil = validUntil
    }

    public struct Fact: Sendable, Equatable {
        public var label: String
        public var value: String
        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    /// Who stands behind a record: that decides its colour and wording on the CV.
    public enum Standing: Sendable, Equatable {
        case verified, selfDeclared, revoked
    }

    public struct Entry: Sendable {
        public var title: String
        /// Kind, organisation and period on one line.
        public var meta: String
        public var standing: Standing
        /// "Bevestigd door Schoonmaak Direct", "Zelf ingevuld", …
        public var standingText: String
        /// Hours, jobs, rating, reliability on one line; empty when the record has none.
        public var numbers: String
        public var tasks: [String]
        public var skills: [String]

        public init(
            title: String, meta: String, standing: Standing, standingText: String, numbers: String,
            tasks: [String], skills: [String]
        ) {
            self.title = title
            self.meta = meta
            self.standing = standing
            self.standingText = standingText
            self.numbers = numbers
            self.tasks = tasks
            self.skills = skills
        }
    }
}
