import Accounts
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

/// Every URL of the site, defined once: the router registers these, and pages link through them.
public enum SiteRoute: String, CaseIterable, Sendable {
    case home, health, stylesheet, language
    case occupationSearch, occupation, apiOccupationSearch, apiOccupation, apiSkillSearch
    case loginForm, login, registerForm, register, logout
    case account, tokens, tokenCreate, tokenRevoke
    case admin, adminSetRole
    case issuerMe
    case standardFile, openAPI, issuerJWKS, loopbrugJWKS, statusList
    case apiIssuerKeys, apiIssuerLinks, apiStatusEntries, apiCredentials, apiCredentialsBatch, apiCredentialRevoke
    case passport, passportCode, passportAddForm, passportAdd, passportRecordDelete
    case shares, shareCreate, shareRevoke, shareKlusCV, shareView, apiShare, apiShareCredentials
    case passportExport, accountDeleteForm, accountDelete, passwordForm, passwordChange
    case issuerUploadForm, issuerUpload
    case careerPaths, occupationTransitions, work, workWishes
    case employerVacancies, employerVacancyCreate, employerVacancyDelete, employerSearch
    case adminCareer, adminCareerUpload
    case insight, insightStart, insightRun, insightRunStatus, insightRunPDF, insightRunDelete, insightFileDelete, insightScript
    case leermiles, leermilesReserve, leermilesCancel, leermilesConsent, leermilesStatementPDF, leermilesStatementCSV
    case funder, funderApprove, funderRefuse

    public var method: HTTPMethod {
        switch self {
        case .login, .register, .logout, .tokenCreate, .tokenRevoke, .adminSetRole,
             .apiIssuerKeys, .apiIssuerLinks, .apiStatusEntries, .apiCredentials, .apiCredentialsBatch, .apiCredentialRevoke,
             .passportCode, .passportAdd, .passportRecordDelete, .shareCreate, .shareRevoke, .accountDelete, .passwordChange, .issuerUpload, .workWishes,
             .employerVacancyCreate, .employerVacancyDelete, .adminCareerUpload,
             .insightStart, .insightRunDelete, .insightFileDelete,
             .leermilesReserve, .leermilesCancel, .leermilesConsent, .funderApprove, .funderRefuse: .POST
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
        case .leermilesStatementPDF: "/leermiles/jaaroverzicht.pdf"
        case .leermilesStatementCSV: "/leermiles/jaaroverzicht.csv"
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
             .leermiles, .leermilesReserve, .leermilesCancel, .leermilesConsent, .leermilesStatementPDF, .leermilesStatementCSV: .signedIn([.worker])
        // A coach or an employer acting for a funder; the handlers check which funders.
        case .funder, .funderApprove, .funderRefuse: .signedIn([.coach, .employer])
        case .employerVacancies, .employerVacancyCreate, .employerVacancyDelete, .employerSearch: .signedIn([.employer])
        case .insight, .insightStart, .insightRun, .insightRunStatus, .insightRunPDF, .insightRunDelete, .insightFileDelete: .signedIn([.analyst])
        }
    }

    /// JSON API routes answer errors in JSON and never use cookies or CSRF tokens.
    public var isAPI: Bool { pattern.hasPrefix("/api/") }

    /// Browser form posts, which must carry the session's CSRF token.
    public var isFormPost: Bool { method == .POST && !isAPI }

    var pathComponents: [PathComponent] {
        pattern.split(separator: "/").map { $0.hasPrefix(":") ? .parameter(String($0.dropFirst())) : .constant(String($0)) }
    }

    /// A link to this route, filling parameters in order (percent-encoded).
    public func link(_ parameters: String...) -> String {
        var values = parameters.makeIterator()
        let parts = pattern.split(separator: "/").map { part -> String in
            guard part.hasPrefix(":") else { return String(part) }
            let value = values.next() ?? ""
            return value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? value
        }
        return "/" + parts.joined(separator: "/")
    }
}
