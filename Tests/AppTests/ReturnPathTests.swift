import Testing
import VaporTesting

@testable import App

/// The outside audit's first finding: `?terug=` split the Location header (a planted
/// Set-Cookie) and redirected off-site through a tab the browser drops.
@Suite struct ReturnPathTests {
    @Test(arguments: ["/account", "/beroepen?q=kok", "/v/abc-123", "/paspoort/delen?x=%20y", "/"])
    func sameSitePathsAreKept(_ path: String) {
        #expect(ReturnPath(path)?.description == path)
    }

    @Test(arguments: [
        "/\r\nSet-Cookie: x=1", "/\nx", "/\t/evil.example", "//evil.example", "/\\evil.example", "/a\\b",
        "https://evil.example", "evil.example", "", "/%2F/evil.example", "/%5cevil.example", "/ space", "/caf\u{E9}",
        "/\u{0}", String(repeating: "/a", count: 300),
    ])
    func anythingElseIsRefused(_ path: String) {
        #expect(ReturnPath(path) == nil)
    }

    @Test func theLanguageSwitchNeitherSplitsHeadersNorLeavesTheSite() async throws {
        try await withTestApp { app in
            let injected = try await Browser(app).get("/taal/en?terug=/%0d%0aSet-Cookie:%20x=1")
            #expect(injected.status == .seeOther)
            #expect(injected.headers.first(name: .location) == "/")
            #expect(!injected.headers[.setCookie].contains { $0.hasPrefix("x=") })
            #expect(!injected.headers.description.contains("x=1"))

            let tab = try await Browser(app).get("/taal/en?terug=/%09/evil.example")
            #expect(tab.headers.first(name: .location) == "/")
            let kept = try await Browser(app).get("/taal/en?terug=%2Fberoepen%3Fq%3Dkok")
            #expect(kept.headers.first(name: .location) == "/beroepen?q=kok")
        }
    }

    @Test func loginReturnsOnlyToASafePath() async throws {
        try await withTestApp { app in
            _ = try await createUser(app, email: "sam@example.nl", role: .worker, password: "goed wachtwoord")
            for (query, expected) in [("/%0d%0aSet-Cookie:%20x=1", "/account"), ("/%09/evil.example", "/account"), ("%2Fleermiles", "/leermiles")] {
                let browser = Browser(app)
                let token = try await browser.csrfToken()
                let response = try await browser.send(
                    .POST, "/inloggen?terug=\(query)", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                    body: "email=sam%40example.nl&password=goed+wachtwoord&_csrf=\(token)")
                #expect(response.headers.first(name: .location) == expected, "terug=\(query)")
                #expect(!response.headers[.setCookie].contains { $0.hasPrefix("x=") })
            }
        }
    }
}
