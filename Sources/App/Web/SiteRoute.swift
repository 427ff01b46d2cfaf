import Accounts
import Foundation
import Localization
import Vapor

/// Who may use a route.
public enum Access: Sendable, Equatable {
    /// Everyone, signed in or not.
    case everyone
    /// Any signed-in person; with roles, only those roles.
    case signedIn(Set<Role>?)
    /// An API client with a bearer token of this role.
    case apiToken(Role)
}

/// Every URL of the site, defined once: the router registers `SiteRoute.all`, and pages and
/// redirects link through `link`. A case carries the values its path and query need, so a link
/// cannot be made with one missing; `pattern`, `method` and `access` ignore the values.
public enum SiteRoute: Hashable, Sendable {
    case home, health, stylesheet
    case language(code: String, returnTo: ReturnPath? = nil)
    case occupationSearch, occupation(id: String), apiOccupationSearch, apiOccupation(id: String), apiSkillSearch
    case loginForm(returnTo: ReturnPath? = nil), login(returnTo: ReturnPath? = nil), registerForm, register, logout
    case account, tokens, tokenCreate, tokenRevoke(id: String)
    case admin(page: Int? = nil, search: String? = nil), adminSetRole(userID: String)
    case issuerMe
    case standardFile(name: String), openAPI, issuerJWKS(issuerID: String), loopbrugJWKS, statusList(issuerID: String, list: Int)
    case apiIssuerKeys, apiIssuerLinks, apiStatusEntries, apiCredentials, apiCredentialsBatch, apiCredentialRevoke(credentialID: String)
    case passport, passportCode, passportAddForm, passportAdd, passportRecordDelete(id: String)
    case shares, shareCreate, shareRevoke(id: String), shareKlusCV(id: String, lang: Lang? = nil), shareView(id: String)
    case apiShare(id: String), apiShareCredentials(id: String)
    case passportExport, accountDeleteForm, accountDelete, passwordForm(done: Bool = false), passwordChange
    case issuerUploadForm, issuerUpload
    case careerPaths, occupationTransitions(occupationID: String), work, workWishes
    case employerVacancies, employerVacancyCreate, employerVacancyDelete(id: String), employerSearch
    case adminCareer, adminCareerUpload
    case insight, insightStart, insightRun(id: String), insightRunStatus(id: String), insightRunPDF(id: String)
    case insightRunDelete(id: String), insightFileDelete(id: String), insightScript
    case leermiles(notice: LeermilesNotice? = nil), leermilesReserve, leermilesCancel(id: String), leermilesConsent
    case leermilesStatement(year: Int?, format: StatementFormat)
    case funder(decision: FunderDecision? = nil), funderApprove(reservationID: String), funderRefuse(reservationID: String)

    /// The yearly statement's two files.
    public enum StatementFormat: String, Hashable, Sendable { case pdf, csv }

    /// What the leermiles page confirms after a redirect.
    public enum LeermilesNotice: Hashable, Sendable { case reserved(String), cancelled(String) }

    /// What the fund page confirms after a decision.
    public enum FunderDecision: String, Hashable, Sendable { case approved = "goedgekeurd", refused = "afgewezen" }

    /// Every route once, as the router registers them (the values in them are placeholders).
    public static let all: [SiteRoute] = [
        .home, .health, .stylesheet, .language(code: ""),
        .occupationSearch, .occupation(id: ""), .apiOccupationSearch, .apiOccupation(id: ""), .apiSkillSearch,
        .loginForm(), .login(), .registerForm, .register, .logout,
        .account, .tokens, .tokenCreate, .tokenRevoke(id: ""),
        .admin(), .adminSetRole(userID: ""),
        .issuerMe,
        .standardFile(name: ""), .openAPI, .issuerJWKS(issuerID: ""), .loopbrugJWKS, .statusList(issuerID: "", list: 0),
        .apiIssuerKeys, .apiIssuerLinks, .apiStatusEntries, .apiCredentials, .apiCredentialsBatch, .apiCredentialRevoke(credentialID: ""),
        .passport, .passportCode, .passportAddForm, .passportAdd, .passportRecordDelete(id: ""),
        .shares, .shareCreate, .shareRevoke(id: ""), .shareKlusCV(id: ""), .shareView(id: ""), .apiShare(id: ""), .apiShareCredentials(id: ""),
        .passportExport, .accountDeleteForm, .accountDelete, .passwordForm(), .passwordChange,
        .issuerUploadForm, .issuerUpload,
        .careerPaths, .occupationTransitions(occupationID: ""), .work, .workWishes,
        .employerVacancies, .employerVacancyCreate, .employerVacancyDelete(id: ""), .employerSearch,
        .adminCareer, .adminCareerUpload,
        .insight, .insightStart, .insightRun(id: ""), .insightRunStatus(id: ""), .insightRunPDF(id: ""),
        .insightRunDelete(id: ""), .insightFileDelete(id: ""), .insightScript,
        .leermiles(), .leermilesReserve, .leermilesCancel(id: ""), .leermilesConsent,
        .leermilesStatement(year: nil, format: .pdf), .leermilesStatement(year: nil, format: .csv),
        .funder(), .funderApprove(reservationID: ""), .funderRefuse(reservationID: ""),
    ]

    public var method: HTTPMethod {
        switch self {
        case .login, .register, .logout, .tokenCreate, .tokenRevoke, .adminSetRole,
            .apiIssuerKeys, .apiIssuerLinks, .apiStatusEntries, .apiCredentials, .apiCredentialsBatch, .apiCredentialRevoke,
            .passportCode, .passportAdd, .passportRecordDelete, .shareCreate, .shareRevoke, .accountDelete, .passwordChange, .issuerUpload, .workWishes,
            .employerVacancyCreate, .employerVacancyDelete, .adminCareerUpload,
            .insightStart, .insightRunDelete, .insightFileDelete,
            .leermilesReserve, .leermilesCancel, .leermilesConsent, .funderApprove, .funderRefuse:
            .POST
        default: .GET
        }
    }

    /// The path pattern; `:name` marks a parameter.
    public var pattern: String {
        switch self {
        case .home: "/"
        case .health: "/health"
        case .stylesheet: "/static/app.css"
        case .language: "/taal/:code"
        case .occupationSearch: "/beroepen"
        case .occupation: "/beroepen/:id"
        case .apiOccupationSearch: "/api/v1/occupations"
        case .apiOccupation: "/api/v1/occupations/:id"
        case .apiSkillSearch: "/api/v1/skills"
        case .loginForm, .login: "/inloggen"
        case .registerForm, .register: "/registreren"
        case .logout: "/uitloggen"
        case .account: "/account"
        case .tokens, .tokenCreate: "/account/sleutels"
        case .tokenRevoke: "/account/sleutels/:id/intrekken"
        case .admin: "/beheer"
        case .adminSetRole: "/beheer/gebruikers/:id/rol"
        case .issuerMe: "/api/v1/issuer/me"
        case .standardFile: "/standard/v0.1/:file"
        case .openAPI: "/openapi.json"
        case .issuerJWKS: "/issuers/:id/jwks.json"
        case .loopbrugJWKS: "/.well-known/jwks.json"
        case .statusList: "/status/:issuer/:list"
        case .apiIssuerKeys: "/api/v1/issuer/keys"
        case .apiIssuerLinks: "/api/v1/issuer/links"
        case .apiStatusEntries: "/api/v1/issuer/status-entries"
        case .apiCredentials: "/api/v1/credentials"
        case .apiCredentialsBatch: "/api/v1/credentials/batch"
        case .apiCredentialRevoke: "/api/v1/credentials/:id/revoke"
        case .passport: "/paspoort"
        case .passportCode: "/paspoort/code"
        case .passportAddForm, .passportAdd: "/paspoort/toevoegen"
        case .passportRecordDelete: "/paspoort/werk/:id/verwijderen"
        case .shares, .shareCreate: "/paspoort/delen"
        case .shareRevoke: "/paspoort/delen/:id/intrekken"
        case .shareKlusCV: "/paspoort/delen/:id/kluscv.pdf"
        case .shareView: "/v/:id"
        case .apiShare: "/api/v1/shares/:id"
        case .apiShareCredentials: "/api/v1/shares/:id/credentials"
        case .passportExport: "/paspoort/export.zip"
        case .accountDeleteForm, .accountDelete: "/account/verwijderen"
        case .passwordForm, .passwordChange: "/account/wachtwoord"
        case .issuerUploadForm, .issuerUpload: "/account/werkbewijzen"
        case .careerPaths: "/waar-naartoe"
        case .occupationTransitions: "/beroepen/:id/overstappen"
        case .work: "/werk"
        case .workWishes: "/werk/wensen"
        case .employerVacancies, .employerVacancyCreate: "/werkgever/vacatures"
        case .employerVacancyDelete: "/werkgever/vacatures/:id/weghalen"
        case .employerSearch: "/werkgever/zoeken"
        case .adminCareer, .adminCareerUpload: "/beheer/loopbaan"
        case .insight, .insightStart: "/analyse"
        case .insightRun: "/analyse/:id"
        case .insightRunStatus: "/analyse/:id/status"
        case .insightRunPDF: "/analyse/:id/rapport.pdf"
        case .insightRunDelete: "/analyse/:id/verwijderen"
        case .insightFileDelete: "/analyse/bestanden/:id/verwijderen"
        case .insightScript: "/static/analyse.js"
        case .leermiles: "/leermiles"
        case .leermilesReserve: "/leermiles/reserveren"
        case .leermilesCancel: "/leermiles/reserveringen/:id/annuleren"
        case .leermilesConsent: "/leermiles/toestemming"
        case .leermilesStatement(_, .pdf): "/leermiles/jaaroverzicht.pdf"
        case .leermilesStatement(_, .csv): "/leermiles/jaaroverzicht.csv"
        case .funder: "/fonds"
        case .funderApprove: "/fonds/reserveringen/:id/goedkeuren"
        case .funderRefuse: "/fonds/reserveringen/:id/afwijzen"
        }
    }

    public var access: Access {
        switch self {
        case .home, .health, .stylesheet, .language, .occupationSearch, .occupation,
            .apiOccupationSearch, .apiOccupation, .apiSkillSearch, .loginForm, .login, .registerForm, .register,
            .standardFile, .openAPI, .issuerJWKS, .loopbrugJWKS, .statusList, .shareView, .apiShare, .apiShareCredentials,
            .occupationTransitions, .insightScript:
            .everyone
        case .logout, .account, .accountDeleteForm, .accountDelete, .passwordForm, .passwordChange: .signedIn(nil)
        case .tokens, .tokenCreate, .tokenRevoke, .issuerUploadForm, .issuerUpload: .signedIn([.issuer])
        case .admin, .adminSetRole, .adminCareer, .adminCareerUpload: .signedIn([.admin])
        case .issuerMe, .apiIssuerKeys, .apiIssuerLinks, .apiStatusEntries, .apiCredentials, .apiCredentialsBatch, .apiCredentialRevoke:
            .apiToken(.issuer)
        case .passport, .passportCode, .passportAddForm, .passportAdd, .passportRecordDelete,
            .shares, .shareCreate, .shareRevoke, .shareKlusCV, .passportExport,
            .careerPaths, .work, .workWishes,
            .leermiles, .leermilesReserve, .leermilesCancel, .leermilesConsent, .leermilesStatement:
            .signedIn([.worker])
        // A coach or an employer acting for a funder; the handlers check which funders.
        case .funder, .funderApprove, .funderRefuse: .signedIn([.coach, .employer])
        case .employerVacancies, .employerVacancyCreate, .employerVacancyDelete, .employerSearch: .signedIn([.employer])
        case .insight, .insightStart, .insightRun, .insightRunStatus, .insightRunPDF, .insightRunDelete, .insightFileDelete: .signedIn([.analyst])
        }
    }

    /// The values for the pattern's `:name` parts.
    private var pathValues: [String: String] {
        switch self {
        case .language(let code, _): ["code": code]
        case .occupation(let id), .apiOccupation(let id), .tokenRevoke(let id), .adminSetRole(let id), .issuerJWKS(let id),
            .apiCredentialRevoke(let id), .passportRecordDelete(let id), .shareRevoke(let id), .shareKlusCV(let id, _),
            .shareView(let id), .apiShare(let id), .apiShareCredentials(let id), .occupationTransitions(let id),
            .employerVacancyDelete(let id), .insightRun(let id), .insightRunStatus(let id), .insightRunPDF(let id),
            .insightRunDelete(let id), .insightFileDelete(let id), .leermilesCancel(let id), .funderApprove(let id), .funderRefuse(let id):
            ["id": id]
        case .standardFile(let name): ["file": name]
        case .statusList(let issuer, let list): ["issuer": issuer, "list": String(list)]
        default: [:]
        }
    }

    /// The query a link carries, in order.
    private var queryItems: [(String, String)] {
        switch self {
        case .language(_, let back?), .loginForm(let back?), .login(let back?): [("terug", back.description)]
        case .admin(let page, let search):
            (page.map { [("pagina", String($0))] } ?? []) + (search.flatMap { $0.isEmpty ? nil : [("zoek", $0)] } ?? [])
        case .shareKlusCV(_, let lang?): [("taal", lang.code)]
        case .passwordForm(done: true): [("klaar", "1")]
        case .leermiles(.reserved(let id)?): [("gereserveerd", id)]
        case .leermiles(.cancelled(let id)?): [("geannuleerd", id)]
        case .leermilesStatement(let year?, _): [("jaar", String(year))]
        case .funder(let decision?): [("besluit", decision.rawValue)]
        default: []
        }
    }

    /// This route's URL on the site: the pattern with its values filled in (percent-encoded) and
    /// the query the case carries.
    public var link: String {
        let values = pathValues
        let parts = pattern.split(separator: "/").map { part -> String in
            guard part.hasPrefix(":") else { return String(part) }
            guard let value = values[String(part.dropFirst())] else { preconditionFailure("\(pattern): no value for \(part)") }
            return value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? value
        }
        let query = queryItems.map { $0.0 + "=" + Self.encodeQueryValue($0.1) }.joined(separator: "&")
        return "/" + parts.joined(separator: "/") + (query.isEmpty ? "" : "?" + query)
    }

    /// Every character but letters and digits percent-encoded: safe in any query.
    static func encodeQueryValue(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    /// JSON API routes answer errors in JSON and never use cookies or CSRF tokens.
    public var isAPI: Bool { pattern.hasPrefix("/api/") }

    /// Browser form posts, which must carry the session's CSRF token.
    public var isFormPost: Bool { method == .POST && !isAPI }

    var pathComponents: [PathComponent] {
        pattern.split(separator: "/").map { $0.hasPrefix(":") ? .parameter(String($0.dropFirst())) : .constant(String($0)) }
    }
}
