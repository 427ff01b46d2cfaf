import Accounts
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import App

@Suite struct AuthTests {
    @Test func loginSetsASafeSessionCookieAndLogoutEndsIt() async throws {
        try await withTestApp { app in
            _ = try await createUser(app, email: "sam@example.nl", role: .worker, password: "goed wachtwoord")
            let browser = Browser(app)

            let login = try await browser.login("Sam@Example.nl ", "goed wachtwoord")

            #expect(login.status == .seeOther)
            #expect(login.headers.first(name: .location) == "/account")
            let cookie = try #require(login.headers[.setCookie].first { $0.hasPrefix("loopbrug_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"), "plain http in tests: no Secure flag")
            #expect(try await browser.get("/account").body.string.contains("Welkom, Test worker"))

            let logout = try await browser.post("/uitloggen", [:])
            #expect(logout.status == .seeOther)
            #expect(try await browser.get("/account").status == .seeOther)
        }
    }

    @Test func aPlantedSessionIdIsWorthlessAtLogin() async throws {
        try await withTestApp { app in
            _ = try await createUser(app, email: "sam@example.nl", role: .worker, password: "goed wachtwoord")
            let browser = Browser(app)
            browser.setCookie("loopbrug_session", "planted-by-someone-else")
            _ = try await browser.login("sam@example.nl", "goed wachtwoord")
            let id = try #require(browser.cookies["loopbrug_session"])
            #expect(id != "planted-by-someone-else")
            #expect(try await sessionRows(app) == 1)
        }
    }

    /// The audit: every anonymous GET /inloggen wrote a session row, and sessions never ended on
    /// the server. Now only a login makes a session, and it ends after a day unused or a week.
    @Test func onlyALoginMakesASessionAndItEndsOnTheServer() async throws {
        let clock = TestClock()
        try await withTestApp(now: { clock.now }) { app in
            _ = try await createUser(app, email: "sam@example.nl", role: .worker, password: "goed wachtwoord")
            for _ in 0..<5 { _ = try await Browser(app).get("/inloggen") }
            #expect(try await sessionRows(app) == 0, "looking at the login form writes nothing")

            // Idle: a day without a request ends it, on the server.
            let idle = Browser(app)
            #expect(try await idle.login("sam@example.nl", "goed wachtwoord").status == .seeOther)
            clock.advance(by: 23 * 3600)
            #expect(try await idle.get("/account").status == .ok)
            clock.advance(by: 24 * 3600 + 1)
            #expect(try await idle.get("/account").status == .seeOther, "a day unused: logged out")

            // Absolute: used every twelve hours, it still ends a week after login.
            let busy = Browser(app)
            _ = try await busy.login("sam@example.nl", "goed wachtwoord")
            for _ in 0..<13 {
                clock.advance(by: 12 * 3600)
                #expect(try await busy.get("/account").status == .ok)
            }
            clock.advance(by: 12 * 3600 + 1)
            #expect(try await busy.get("/account").status == .seeOther, "a week after login: logged out")

            // Expired rows are purged while new sessions are made.
            clock.advance(by: 3 * 24 * 3600)
            _ = try await Browser(app).login("sam@example.nl", "goed wachtwoord")
            #expect(try await sessionRows(app) == 1)
        }
    }

    private func sessionRows(_ app: Application) async throws -> Int {
        try await app.db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("web_sessions")
            .first()?.decode(column: "n", as: Int.self) ?? -1
    }

    @Test func aWrongPasswordSaysSoWithoutRevealingWhichPartWasWrong() async throws {
        try await withTestApp { app in
            _ = try await createUser(app, email: "sam@example.nl", role: .worker, password: "goed wachtwoord")
            let wrongPassword = try await Browser(app).login("sam@example.nl", "fout wachtwoord")
            let unknownEmail = try await Browser(app).login("niemand@example.nl", "fout wachtwoord")
            #expect(wrongPassword.status == .unauthorized)
            #expect(unknownEmail.status == .unauthorized)
            #expect(wrongPassword.body.string.contains("horen niet bij elkaar"))
            #expect(unknownEmail.body.string.contains("horen niet bij elkaar"))
        }
    }

    @Test func tenWrongPasswordsLockTheAccountForAWhile() async throws {
        let clock = TestClock()
        try await withTestApp(now: { clock.now }) { app in
            _ = try await createUser(app, email: "sam@example.nl", role: .worker, password: "goed wachtwoord")
            let browser = Browser(app)
            var statuses: [UInt] = []
            for _ in 0..<10 { statuses.append(try await browser.login("sam@example.nl", "fout \(statuses.count)").status.code) }

            #expect(statuses == [401, 401, 401, 401, 401, 429, 429, 429, 429, 429])
            let locked = try await browser.login("sam@example.nl", "goed wachtwoord")
            #expect(locked.status == .tooManyRequests, "even the right password waits")
            #expect(locked.body.string.contains("Probeer het over 15 minuten opnieuw"))

            clock.advance(by: 15 * 60 + 1)
            #expect(try await browser.login("sam@example.nl", "goed wachtwoord").status == .seeOther)
        }
    }

    /// The audit sent 30 wrong passwords and the right one in one burst: all were checked and
    /// the right one got in. An attempt now counts before its check.
    @Test func aBurstOfGuessesGetsFiveChecksAndTheRestWaitWithRetryAfter() async throws {
        try await withTestApp { app in
            _ = try await createUser(app, email: "sam@example.nl", role: .worker, password: "goed wachtwoord")
            let answers = try await withThrowingTaskGroup(of: (UInt, String?).self) { group in
                for i in 0..<30 {
                    group.addTask {
                        let response = try await Browser(app).login("sam@example.nl", "fout \(i)")
                        return (response.status.code, response.headers.first(name: .retryAfter))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.filter { $0.0 == 401 }.count == 5, "\(answers.map(\.0))")
            #expect(answers.filter { $0.0 == 429 }.count == 25)
            #expect(answers.filter { $0.0 == 429 }.allSatisfy { Int($0.1 ?? "") ?? 0 > 0 }, "every refusal says when to retry")
            #expect(try await Browser(app).login("sam@example.nl", "goed wachtwoord").status == .tooManyRequests)
        }
    }

    /// Five wrong passwords locked any account for 15 minutes, for anyone; and behind a proxy all
    /// users shared one address. Now a stranger locks only their own pair, and the address is read
    /// from the trusted proxy's header (its last entry), only when one is configured.
    @Test func aStrangerCannotLockTheOwnerOutAndTheClientAddressComesFromTheTrustedProxy() async throws {
        let clock = TestClock()
        try await withTestApp(now: { clock.now }) { app in
            _ = try await createUser(app, email: "sam@example.nl", role: .worker, password: "goed wachtwoord")
            app.config.trustedProxyHeader = "X-Forwarded-For"
            func login(from address: String, _ password: String) async throws -> TestingHTTPResponse {
                let browser = Browser(app)
                let token = try await browser.csrfToken()
                // The first entry is what the client claims; the proxy appends the real address.
                return try await browser.send(
                    .POST, "/inloggen",
                    headers: [
                        "Content-Type": "application/x-www-form-urlencoded",
                        "X-Forwarded-For": "6.6.6.6, \(address)",
                    ],
                    body: "email=sam%40example.nl&password=\(password.replacingOccurrences(of: " ", with: "+"))&_csrf=\(token)")
            }
            for i in 0..<10 { _ = try await login(from: "203.0.113.9", "fout \(i)") }
            #expect(try await login(from: "203.0.113.9", "goed wachtwoord").status == .tooManyRequests, "the guessing address stays locked")
            let owner = try await login(from: "198.51.100.7", "goed wachtwoord")
            #expect(owner.status == .tooManyRequests, "the account is spaced out, briefly")
            #expect(try #require(Int(owner.headers.first(name: .retryAfter) ?? "")) <= 60)
            #expect(owner.body.string.contains("Probeer het over 1 seconde opnieuw"))
            clock.advance(by: 60)
            #expect(try await login(from: "198.51.100.7", "goed wachtwoord").status == .seeOther, "the owner gets in from their own address")

            // Without a trusted header configured, the header is ignored: all tries come from one peer.
            app.config.trustedProxyHeader = nil
            clock.advance(by: 1000)
            for i in 0..<5 { _ = try await login(from: "192.0.2.\(i)", "fout") }
            #expect(try await login(from: "192.0.2.99", "goed wachtwoord").status == .tooManyRequests)
        }
    }

    @Test func aFormWithoutOrWithAForgedCSRFTokenIsRefusedAndChangesNothing() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            _ = try await browser.get("/registreren")
            let fields = ["email": "nieuw@example.nl", "name": "Nieuw", "password": "lang genoeg wachtwoord", "role": "worker"]

            let missing = try await browser.post("/registreren", fields, csrf: "")
            let forged = try await browser.post("/registreren", fields, csrf: "forged-token")
            let noSession = try await Browser(app).send(
                .POST, "/registreren", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: "email=x%40y.nl&name=x&password=aaaaaaaaaaaa&role=worker&_csrf=abc")

            #expect(missing.status == .forbidden)
            #expect(forged.status == .forbidden)
            #expect(noSession.status == .forbidden)
            #expect(forged.body.string.contains("Dit formulier is verlopen of niet geldig"))
            #expect(try await UserModel.query(on: app.db).count() == 0)

            #expect(try await browser.post("/registreren", fields).status == .seeOther)
            #expect(try await UserModel.query(on: app.db).count() == 1)
        }
    }

    @Test func signUpReportsEveryProblemAndRefusesPrivilegedRoles() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            let bad = try await browser.post("/registreren", ["email": "geen-adres", "name": "", "password": "kort", "role": "admin"])
            #expect(bad.status == .badRequest)
            let page = bad.body.string
            #expect(page.contains("Dit lijkt geen e-mailadres"))
            #expect(page.contains("Vul dit in."))
            #expect(page.contains("Gebruik minstens 10 tekens."))
            #expect(page.contains("Kies wat je wilt doen."))
            #expect(page.contains("aria-invalid=\"true\""))
            #expect(try await UserModel.query(on: app.db).count() == 0)
        }
    }

    /// The audit: `aaaaaaaaaa` passed on length alone, and nobody could change a password.
    @Test func commonPasswordsAreRefusedAndASignedInPersonChangesTheirs() async throws {
        for common in ["aaaaaaaaaa", "1234567890", "Wachtwoord123", "qwertyuiop", "ababababab"] {
            #expect(SignUpRules.passwordProblem(common) == .tooCommon, "\(common)")
        }
        #expect(SignUpRules.passwordProblem("paars fietspad regen") == nil)
        try await withTestApp { app in
            let refused = try await Browser(app).post("/registreren", ["email": "a@b.nl", "name": "A", "password": "qwertyuiop", "role": "worker"])
            #expect(refused.status == .badRequest && refused.body.string.contains("Dit wachtwoord gebruiken veel mensen"))

            _ = try await createUser(app, email: "sam@example.nl", role: .worker, password: "goed wachtwoord")
            let phone = Browser(app), laptop = Browser(app)
            _ = try await phone.login("sam@example.nl", "goed wachtwoord")
            _ = try await laptop.login("sam@example.nl", "goed wachtwoord")
            let wrong = try await laptop.post("/account/wachtwoord", ["current": "fout wachtwoord", "new": "paars fietspad regen"])
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("Dit is niet je huidige wachtwoord."))
            let weak = try await laptop.post("/account/wachtwoord", ["current": "goed wachtwoord", "new": "1234567890"])
            #expect(weak.status == .unprocessableEntity && weak.body.string.contains("Dit wachtwoord gebruiken veel mensen"))
            let changed = try await laptop.post("/account/wachtwoord", ["current": "goed wachtwoord", "new": "paars fietspad regen"])
            #expect(changed.status == .seeOther)
            #expect(try await laptop.get("/account").status == .ok, "this session goes on")
            #expect(try await phone.get("/account").status == .seeOther, "other sessions end")
            #expect(try await Browser(app).login("sam@example.nl", "goed wachtwoord").status == .unauthorized)
            #expect(try await Browser(app).login("sam@example.nl", "paars fietspad regen").status == .seeOther)
        }
    }

    /// The audit: /beheer showed only the first 500 accounts. Now pages of 100, and a search.
    @Test func theAdminPagesThroughEveryAccountAndSearches() async throws {
        try await withTestApp { app in
            _ = try await createUser(app, email: "admin@test.nl", role: .admin, password: "right password 1")
            for i in 0..<120 { _ = try await createUser(app, email: String(format: "user%03d@test.nl", i), role: .worker, name: "Persoon \(i)") }
            let admin = Browser(app)
            _ = try await admin.login("admin@test.nl", "right password 1")
            let first = try await admin.get("/beheer").body.string
            #expect(first.contains("Accounts 1–100 van 121") && first.contains("pagina=2") && !first.contains("user099@test.nl"))
            let second = try await admin.get("/beheer?pagina=2").body.string
            #expect(second.contains("Accounts 101–121 van 121") && second.contains("user119@test.nl") && second.contains("pagina=1"))
            let found = try await admin.get("/beheer?zoek=Persoon%2042").body.string
            #expect(found.contains("Accounts 1–1 van 1") && found.contains("user042@test.nl"))
        }
    }

    @Test func aSecondAccountWithTheSameAddressIsRefused() async throws {
        try await withTestApp { app in
            _ = try await createUser(app, email: "sam@example.nl", role: .worker)
            let response = try await Browser(app).post("/registreren", ["email": "SAM@example.nl", "name": "Sam", "password": "lang genoeg wachtwoord", "role": "employer"])
            #expect(response.status == .conflict)
            #expect(response.body.string.contains("Met dit e-mailadres is al een account gemaakt"))
            #expect(try await UserModel.query(on: app.db).count() == 1)
        }
    }

    @Test func loginOnlyReturnsToPathsOnThisSite() async throws {
        try await withTestApp { app in
            _ = try await createUser(app, email: "sam@example.nl", role: .worker, password: "goed wachtwoord")
            let browser = Browser(app)
            let token = try await browser.csrfToken()
            let evil = try await browser.send(
                .POST, "/inloggen?terug=%2F%2Fevil.example", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: "email=sam%40example.nl&password=goed+wachtwoord&_csrf=\(token)")
            #expect(evil.headers.first(name: .location) == "/account")
        }
    }

    @Test func issuersMakeAndRevokeAPITokens() async throws {
        try await withTestApp { app in
            _ = try await createUser(app, email: "platform@example.nl", role: .issuer, password: "goed wachtwoord")
            let browser = Browser(app)
            _ = try await browser.login("platform@example.nl", "goed wachtwoord")

            let page = try await browser.post("/account/sleutels", ["name": "productie"]).body.string
            let token = try #require(page.range(of: "lbk_[A-Za-z0-9_-]+", options: .regularExpression).map { String(page[$0]) })
            let me = try await Browser(app).send(.GET, "/api/v1/issuer/me", headers: ["Authorization": "Bearer \(token)"])
            #expect(me.status == .ok)
            #expect(me.body.string.contains("\"role\":\"issuer\""))
            let stored = try #require(try await APITokenModel.query(on: app.db).first())
            #expect(stored.tokenHash != token, "only a hash is stored")

            let revoke = try await browser.post("/account/sleutels/\(stored.id!.uuidString)/intrekken", [:])
            #expect(revoke.status == .seeOther)
            #expect(try await Browser(app).send(.GET, "/api/v1/issuer/me", headers: ["Authorization": "Bearer \(token)"]).status == .unauthorized)
        }
    }

    @Test func anIssuerCannotRevokeAnotherIssuersToken() async throws {
        try await withTestApp { app in
            let other = try await createUser(app, email: "other@example.nl", role: .issuer)
            let theirs = APITokenModel(userID: other.uuid, name: "theirs", tokenHash: APITokens.hash("lbk_theirs"), createdAt: Date())
            try await theirs.create(on: app.db)
            _ = try await createUser(app, email: "me@example.nl", role: .issuer, password: "goed wachtwoord")
            let browser = Browser(app)
            _ = try await browser.login("me@example.nl", "goed wachtwoord")

            let response = try await browser.post("/account/sleutels/\(theirs.id!.uuidString)/intrekken", [:])

            #expect(response.status == .notFound)
            #expect(try await APITokenModel.find(theirs.id, on: app.db)?.revokedAt == nil)
        }
    }

    @Test func demoAccountsAreCreatedOnceInAnEmptyDatabase() async throws {
        try await withTestApp { app in
            #expect(try await DemoData.seedIfEmpty(app))
            #expect(try await !DemoData.seedIfEmpty(app))
            let roles = try await UserModel.query(on: app.db).all().map(\.role)
            #expect(Set(roles) == Set(Role.allCases.map(\.rawValue)))
            #expect(try await Browser(app).login("worker@demo.loopbrug.nl", DemoData.password).status == .seeOther)
        }
    }
}

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_800_000_000)
    var now: Date { lock.withLock { current } }
    func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}
