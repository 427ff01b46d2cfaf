import Accounts
import Foundation
import Testing
import VaporTesting

@testable import App

/// Every registered route × every kind of visitor. The expectations are written out here, apart
/// from the routes' own access rules, so a route added without a decision fails this test.
@Suite struct AuthorizationMatrixTests {
    enum Visitor: Hashable, CustomStringConvertible {
        case anonymous, role(Role), issuerToken, workerToken
        var description: String {
            switch self {
            case .anonymous: "anonymous"
            case .role(let r): r.rawValue
            case .issuerToken: "issuer API token"
            case .workerToken: "worker-owned API token"
            }
        }
    }

    static let everyone: Set<Visitor> = Set([.anonymous, .issuerToken, .workerToken] + Role.allCases.map(Visitor.role))
    static let signedIn: Set<Visitor> = Set(Role.allCases.map(Visitor.role))
    /// Form posts need the session's CSRF token, which only a browser has.
    static let browsers: Set<Visitor> = signedIn.union([.anonymous])

    /// "METHOD pattern" → who may use it.
    static let expected: [String: Set<Visitor>] = [
        "GET /": everyone,
        "GET /health": everyone,
        "GET /static/app.css": everyone,
        "GET /taal/:code": everyone,
        "GET /beroepen": everyone,
        "GET /beroepen/:id": everyone,
        "GET /api/v1/occupations": everyone,
        "GET /api/v1/skills": everyone,
        "GET /api/v1/occupations/:id": everyone,
        "GET /inloggen": everyone,
        "POST /inloggen": browsers,
        "GET /registreren": everyone,
        "POST /registreren": browsers,
        "POST /uitloggen": signedIn,
        "GET /account": signedIn,
        "GET /account/sleutels": [.role(.issuer)],
        "POST /account/sleutels": [.role(.issuer)],
        "POST /account/sleutels/:id/intrekken": [.role(.issuer)],
        "GET /beheer": [.role(.admin)],
        "POST /beheer/gebruikers/:id/rol": [.role(.admin)],
        "GET /api/v1/issuer/me": [.issuerToken],
        "GET /standard/v0.1/:file": everyone,
        "GET /openapi.json": everyone,
        "GET /issuers/:id/jwks.json": everyone,
        "GET /.well-known/jwks.json": everyone,
        "GET /status/:issuer/:list": everyone,
        "POST /api/v1/issuer/keys": [.issuerToken],
        "POST /api/v1/issuer/links": [.issuerToken],
        "POST /api/v1/issuer/status-entries": [.issuerToken],
        "POST /api/v1/credentials": [.issuerToken],
        "POST /api/v1/credentials/batch": [.issuerToken],
        "POST /api/v1/credentials/:id/revoke": [.issuerToken],
        "GET /paspoort": [.role(.worker)],
        "POST /paspoort/code": [.role(.worker)],
        "GET /paspoort/toevoegen": [.role(.worker)],
        "POST /paspoort/toevoegen": [.role(.worker)],
        "POST /paspoort/werk/:id/verwijderen": [.role(.worker)],
        "GET /paspoort/delen": [.role(.worker)],
        "POST /paspoort/delen": [.role(.worker)],
        "POST /paspoort/delen/:id/intrekken": [.role(.worker)],
        "GET /paspoort/delen/:id/kluscv.pdf": [.role(.worker)],
        "GET /v/:id": everyone,
        "GET /api/v1/shares/:id": everyone,
        "GET /api/v1/shares/:id/credentials": everyone,
        "GET /paspoort/export.zip": [.role(.worker)],
        "GET /account/verwijderen": signedIn,
        "POST /account/verwijderen": signedIn,
        "GET /account/wachtwoord": signedIn,
        "POST /account/wachtwoord": signedIn,
        "GET /account/werkbewijzen": [.role(.issuer)],
        "POST /account/werkbewijzen": [.role(.issuer)],
        "GET /waar-naartoe": [.role(.worker)],
        "GET /beroepen/:id/overstappen": everyone,
        "GET /werk": [.role(.worker)],
        "POST /werk/wensen": [.role(.worker)],
        "GET /werkgever/vacatures": [.role(.employer)],
        "POST /werkgever/vacatures": [.role(.employer)],
        "POST /werkgever/vacatures/:id/weghalen": [.role(.employer)],
        "GET /werkgever/zoeken": [.role(.employer)],
        "GET /beheer/loopbaan": [.role(.admin)],
        "POST /beheer/loopbaan": [.role(.admin)],
        "GET /analyse": [.role(.analyst)],
        "POST /analyse": [.role(.analyst)],
        "GET /analyse/:id": [.role(.analyst)],
        "GET /analyse/:id/status": [.role(.analyst)],
        "GET /analyse/:id/rapport.pdf": [.role(.analyst)],
        "POST /analyse/:id/verwijderen": [.role(.analyst)],
        "POST /analyse/bestanden/:id/verwijderen": [.role(.analyst)],
        "GET /static/analyse.js": everyone,
        "GET /leermiles": [.role(.worker)],
        "POST /leermiles/reserveren": [.role(.worker)],
        "POST /leermiles/reserveringen/:id/annuleren": [.role(.worker)],
        "POST /leermiles/toestemming": [.role(.worker)],
        "GET /leermiles/jaaroverzicht.pdf": [.role(.worker)],
        "GET /leermiles/jaaroverzicht.csv": [.role(.worker)],
        "GET /fonds": [.role(.coach), .role(.employer)],
        "POST /fonds/reserveringen/:id/goedkeuren": [.role(.coach), .role(.employer)],
        "POST /fonds/reserveringen/:id/afwijzen": [.role(.coach), .role(.employer)],
    ]

    @Test func everyRouteIsInTheMatrixAndBehavesAsExpected() async throws {
        try await withTestApp { app in
            // Every registered route must have an expectation, and every expectation a route.
            let registered = app.routes.all.map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") }
            #expect(Set(registered) == Set(Self.expected.keys), "routes without a decision: \(Set(registered).subtracting(Self.expected.keys))")

            // setup: an account per role, a browser logged in as each, and API tokens of an issuer and of a worker
            var browsers: [Visitor: Browser] = [.anonymous: Browser(app)]
            for role in Role.allCases {
                _ = try await createUser(app, email: "\(role.rawValue)@test.nl", role: role, password: "right password 1")
                let b = Browser(app)
                let login = try await b.login("\(role.rawValue)@test.nl", "right password 1")
                #expect(login.status == .seeOther, "login as \(role)")
                browsers[.role(role)] = b
            }
            let issuerToken = try await makeToken(app, role: .issuer)
            let workerToken = try await makeToken(app, role: .worker)

            for route in app.routes.all {
                let key = "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
                let path =
                    "/"
                    + route.path.map { component -> String in
                        if case .parameter(let name) = component {
                            return name == "code" ? "en" : name == "id" && key.contains("beroepen") ? "2b871272-bd61-4206-bd1a-0b96d7023098" : UUID().uuidString
                        }
                        return component.description
                    }.joined(separator: "/") + ((key.contains("occupations") || key.contains("skills")) && !key.contains(":id") ? "?q=kassa" : "")
                for visitor in Self.everyone {
                    let response: TestingHTTPResponse
                    switch visitor {
                    case .issuerToken, .workerToken:
                        response = try await Browser(app).send(route.method, path, headers: ["Authorization": "Bearer \(visitor == .issuerToken ? issuerToken : workerToken)"])
                    default:
                        let browser = browsers[visitor]!
                        response = route.method == .POST ? try await browser.post(path, ["name": "x", "role": "worker"]) : try await browser.get(path)
                    }
                    let denied =
                        response.status == .unauthorized || response.status == .forbidden
                        || (response.status == .seeOther && response.headers.first(name: .location)?.hasPrefix("/inloggen") == true)
                    let allowed = Self.expected[key]?.contains(visitor) ?? false
                    #expect(allowed == !denied, "\(key) as \(visitor): status \(response.status.code)")
                    if key == "POST /uitloggen", case .role(let role) = visitor {
                        _ = try await browsers[visitor]!.login("\(role.rawValue)@test.nl", "right password 1")
                    }
                }
            }
        }
    }

    private func makeToken(_ app: Application, role: Role) async throws -> String {
        let id = try await createUser(app, email: "token-\(role.rawValue)@test.nl", role: role)
        let token = APITokens.prefix + "test-\(role.rawValue)-\(UUID().uuidString)"
        try await APITokenModel(userID: id.uuid, name: "test", tokenHash: APITokens.hash(token), createdAt: Date()).create(on: app.db)
        return token
    }
}
