import Localization
import Taxonomy
import Vapor

/// Occupation search and occupation pages, as HTML and as JSON.
public enum OccupationController {
    static let defaultLimit = 10
    static let maxLimit = 50

    /// Checks a search query the same way for pages, the API and the CLI.
    public static func validate(_ query: String?) -> Result<String, QueryProblem> {
        let q = (query ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if q.isEmpty { return .failure(.empty) }
        if q.count > OccupationSearch.maxQueryLength { return .failure(.tooLong) }
        return .success(q)
    }

    public enum QueryProblem: Error {
        case empty, tooLong

        public func message(_ lang: Lang) -> String {
            switch self {
            case .empty: lang.t("Typ eerst een beroep of functie.", "Type an occupation or job title first.")
            case .tooLong:
                lang.t(
                    "Je zoekterm is te lang. Gebruik maximaal \(OccupationSearch.maxQueryLength) tekens.",
                    "Your search is too long. Use at most \(OccupationSearch.maxQueryLength) characters.")
            }
        }
    }

    static func index(_ req: Request) throws -> TaxonomyIndex {
        guard let index = req.application.taxonomy.index else {
            throw Abort(
                .serviceUnavailable,
                reason: Lang.of(req).t(
                    "De beroepenlijst is nog niet geladen. Probeer het over een minuut opnieuw.",
                    "The occupation list is not loaded yet. Try again in a minute."))
        }
        return index
    }

    // MARK: Pages

    static func searchPage(_ req: Request) throws -> Response {
        let ctx = PageContext(req)
        let raw = req.query[String.self, at: "q"]
        guard raw != nil else { return .html(OccupationPages.search(ctx, query: "", error: nil)) }
        switch validate(raw) {
        case .failure(let problem):
            let shown = String((raw ?? "").prefix(OccupationSearch.maxQueryLength))
            return .html(OccupationPages.search(ctx, query: shown, error: problem.message(ctx.lang)), status: .badRequest)
        case .success(let query):
            return .html(OccupationPages.results(ctx, query: query, hits: try index(req).searchOccupations(query, limit: defaultLimit)))
        }
    }

    static func occupationPage(_ req: Request) throws -> Response {
        let index = try index(req)
        guard let occupation = index.occupation(id: req.parameters.get("id") ?? "") else {
            throw Abort(.notFound, reason: Lang.of(req).t("Dit beroep bestaat niet.", "This occupation does not exist."))
        }
        return .html(
            OccupationPages.detail(
                PageContext(req), occupation: occupation, profile: index.profile(of: occupation),
                isco: index.iscoGroup(code: occupation.iscoGroup)))
    }

    // MARK: JSON

    public struct SearchResult: Content {
        public let uri: String
        public let label: String
        public let score: Double
    }

    struct SearchParameters {
        var q: String?
        var limitText: String?
        var lang: String?
        var limit: Int? { limitText.flatMap { Int($0) } }

        /// `q=…&limit=…&lang=…` from an URL query string (`+` is a space, `%XX` decoded; the last value wins).
        init(queryString: String) {
            for pair in queryString.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let value =
                    parts.count == 2
                    ? (String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "") : ""
                switch parts[0] {
                case "q": q = value
                case "limit": limitText = value
                case "lang": lang = value
                default: break
                }
            }
        }
    }

    /// The text, limit and language of an API search, or a 400 that says what is wrong. The
    /// query string is read directly: Vapor's Codable form decoder costs more than many searches.
    static func apiSearchRequest(_ req: Request) throws -> (query: String, limit: Int, language: Language) {
        let parameters = SearchParameters(queryString: req.url.query ?? "")
        if parameters.limitText != nil && parameters.limit == nil {
            throw Abort(.badRequest, reason: "limit must be a whole number")
        }
        let query: String
        switch validate(parameters.q) {
        case .success(let q): query = q
        case .failure(.empty): throw Abort(.badRequest, reason: "query parameter q is required and must contain text")
        case .failure(.tooLong): throw Abort(.badRequest, reason: "query parameter q is longer than \(OccupationSearch.maxQueryLength) characters")
        }
        let limit = parameters.limit ?? defaultLimit
        guard (1...maxLimit).contains(limit) else { throw Abort(.badRequest, reason: "limit must be between 1 and \(maxLimit)") }
        return (query, limit, parameters.lang == "en" ? .en : .nl)
    }

    static func apiSearch(_ req: Request) throws -> [SearchResult] {
        let search = try apiSearchRequest(req)
        return try results(index(req), query: search.query, limit: search.limit, language: search.language)
    }

    /// GET /api/v1/skills?q=…&limit=…&lang=nl|en: skills by name in Dutch or English, each with
    /// its label for `lang` and the language that label is in (Dutch where ESCO has one).
    static func apiSkillSearch(_ req: Request) throws -> [SkillResult] {
        let search = try apiSearchRequest(req)
        return try index(req).skillSearch.search(search.query, limit: search.limit).map { skill in
            let shown = skill.label(in: search.language)
            return SkillResult(uri: skill.uri, label: shown.text, lang: shown.language.rawValue)
        }
    }

    public struct SkillResult: Sendable {
        public let uri: String
        public let label: String
        public let lang: String
    }

    /// Search results as the API and `loopbrug taxonomy search` give them.
    public static func results(_ index: TaxonomyIndex, query: String, limit: Int, language: Language) -> [SearchResult] {
        index.searchOccupations(query, limit: limit).map {
            SearchResult(
                uri: $0.occupation.uri, label: $0.occupation.label(in: language),
                score: ($0.hit.score * 1000).rounded() / 1000)
        }
    }

    static func apiOccupation(_ req: Request) throws -> OccupationJSON {
        let index = try index(req)
        guard let occupation = index.occupation(id: req.parameters.get("id") ?? "") else {
            throw Abort(.notFound, reason: "no ESCO occupation with this id")
        }
        return OccupationJSON(occupation, profile: index.profile(of: occupation), isco: index.iscoGroup(code: occupation.iscoGroup))
    }
}

/// The JSON shape of one occupation.
struct OccupationJSON: Content {
    struct Labels: Content { let preferred: String; let alternative: [String] }
    struct SkillJSON: Content { let uri: String; let label: String; let type: String?; let reuseLevel: String? }
    struct ISCO: Content { let code: String; let label: String? }

    let uri: String
    let code: String
    let iscoGroup: ISCO
    let labels: [String: Labels]
    let description: [String: String]
    let essentialSkills: [SkillJSON]
    let essentialKnowledge: [SkillJSON]
    let optionalSkills: [SkillJSON]
    let optionalKnowledge: [SkillJSON]

    init(_ o: Occupation, profile: SkillProfile, isco: ISCOGroup?) {
        func json(_ skills: [Skill]) -> [SkillJSON] {
            skills.map { SkillJSON(uri: $0.uri, label: $0.label, type: $0.type?.rawValue, reuseLevel: $0.reuseLevel?.rawValue) }
        }
        uri = o.uri
        code = o.code
        iscoGroup = ISCO(code: o.iscoGroup, label: isco?.label)
        labels = Dictionary(uniqueKeysWithValues: o.labels.map { ($0.key.rawValue, Labels(preferred: $0.value.preferred, alternative: $0.value.alternative)) })
        description = Dictionary(uniqueKeysWithValues: o.descriptions.filter { !$0.value.isEmpty }.map { ($0.key.rawValue, $0.value) })
        essentialSkills = json(profile.essentialSkills)
        essentialKnowledge = json(profile.essentialKnowledge)
        optionalSkills = json(profile.optionalSkills)
        optionalKnowledge = json(profile.optionalKnowledge)
    }
}
