import Localization
import Testing

@testable import App

/// Routes are typed: their values go into the path (encoded) and the query, in one place.
@Suite struct SiteRouteTests {
    @Test func everyRouteIsRegisteredOnceWithItsOwnMethodAndPattern() {
        let keys = SiteRoute.all.map { "\($0.method) \($0.pattern)" }
        #expect(Set(keys).count == keys.count, "two routes share a method and pattern")
    }

    @Test func linksFillTheirValuesEncoded() {
        #expect(SiteRoute.home.link == "/")
        #expect(SiteRoute.occupation(id: "2b871272-bd61").link == "/beroepen/2b871272-bd61")
        #expect(SiteRoute.shareView(id: "a/b c").link == "/v/a%2Fb%20c", "a slash in a value cannot add a path segment")
        #expect(SiteRoute.statusList(issuerID: "i1", list: 3).link == "/status/i1/3")
        #expect(SiteRoute.standardFile(name: "spec.md").link == "/standard/v0.1/spec.md")
    }

    @Test func queriesAreMadeFromTypedValues() {
        #expect(SiteRoute.loginForm().link == "/inloggen")
        #expect(SiteRoute.loginForm(returnTo: ReturnPath("/paspoort?x=1")).link == "/inloggen?terug=%2Fpaspoort%3Fx%3D1")
        #expect(SiteRoute.language(code: "en", returnTo: ReturnPath("/beroepen")).link == "/taal/en?terug=%2Fberoepen")
        #expect(SiteRoute.admin(page: 2, search: "zoë & co").link == "/beheer?pagina=2&zoek=zo%C3%AB%20%26%20co")
        #expect(SiteRoute.admin(page: 3, search: "").link == "/beheer?pagina=3", "an empty search is left out")
        #expect(SiteRoute.leermilesStatement(year: 2026, format: .csv).link == "/leermiles/jaaroverzicht.csv?jaar=2026")
        #expect(SiteRoute.leermiles(notice: .reserved("r-1")).link == "/leermiles?gereserveerd=r%2D1")
        #expect(SiteRoute.funder(decision: .refused).link == "/fonds?besluit=afgewezen")
        #expect(SiteRoute.passwordForm(done: true).link == "/account/wachtwoord?klaar=1")
        #expect(SiteRoute.shareKlusCV(id: "s1", lang: .en).link == "/paspoort/delen/s1/kluscv.pdf?taal=en")
    }

    @Test func theValuesInARouteDoNotChangeItsRule() {
        #expect(SiteRoute.leermilesStatement(year: 2026, format: .pdf).access == SiteRoute.leermilesStatement(year: nil, format: .pdf).access)
        #expect(SiteRoute.admin(page: 9).pattern == SiteRoute.admin().pattern)
        #expect(SiteRoute.funderApprove(reservationID: "x").method == .POST)
    }
}
