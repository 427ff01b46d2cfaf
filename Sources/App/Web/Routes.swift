import Localization
import Vapor

/// Registers every `SiteRoute` with its access check (and CSRF check for form posts) in front.
func registerRoutes(_ app: Application) {
    for route in SiteRoute.all {
        var middleware: [any Middleware] = [AccessMiddleware(route: route)]
        let limit = route.bodyLimitBytes(app.config)
        if route.isFormPost { middleware.append(CSRFMiddleware(maxBodyBytes: limit)) }
        let responder = handler(for: route)
        app.grouped(middleware).on(
            route.method, route.pathComponents, body: .collect(maxSize: ByteCount(value: limit)),
            use: responder
        )
        .userInfo["siteRoute"] = route
    }
}

extension SiteRoute {
    /// How much of a request body a route reads: a JSON Lines batch may be large, forms are small.
    func bodyLimitBytes(_ config: AppConfig) -> Int {
        switch self {
        case .apiCredentialsBatch: 256 << 20
        case .issuerUpload, .adminCareerUpload: 64 << 20
        case .insightStart: config.insightUploadLimitBytes
        case _ where isFormPost: 64 << 10
        default: 1 << 20
        }
    }
}

private func handler(for route: SiteRoute) -> @Sendable (Request) async throws -> Response {
    switch route {
    case .home: { .html(HomePage.render(PageContext($0))) }
    case .health: { _ in Response(status: .ok, body: "ok") }
    case .stylesheet: { _ in staticText(Stylesheet.css, type: "css") }
    case .language:
        { req in
            let code = req.parameters.get("code") == "en" ? "en" : "nl"
            let response = req.redirect(to: ReturnPath(req.query[String.self, at: "terug"])?.description ?? SiteRoute.home.link)
            response.cookies[Lang.cookieName] = HTTPCookies.Value(
                string: code, maxAge: 365 * 24 * 3600, path: "/",
                isSecure: req.application.config.secureCookies, isHTTPOnly: true, sameSite: .lax)
            return response
        }
    case .occupationSearch: { try OccupationController.searchPage($0) }
    case .occupation: { try OccupationController.occupationPage($0) }
    case .apiOccupationSearch:
        { req in
            let body = "[" + (try OccupationController.apiSearch(req)).map(\.json).joined(separator: ",") + "]"
            let response = Response(status: .ok, body: .init(string: body))
            response.headers.contentType = .json
            return response
        }
    case .apiSkillSearch:
        { req in
            let body = "[" + (try OccupationController.apiSkillSearch(req)).map(\.json).joined(separator: ",") + "]"
            let response = Response(status: .ok, body: .init(string: body))
            response.headers.contentType = .json
            return response
        }
    case .apiOccupation: { req in try await OccupationController.apiOccupation(req).encodeResponse(for: req) }
    case .loginForm: { AuthController.loginForm($0) }
    case .login: { try await AuthController.login($0) }
    case .registerForm: { AuthController.registerForm($0) }
    case .register: { try await AuthController.register($0) }
    case .logout: { try await AuthController.logout($0) }
    case .account: { try AccountController.account($0) }
    case .tokens: { try await AccountController.tokens($0) }
    case .tokenCreate: { try await AccountController.createToken($0) }
    case .tokenRevoke: { try await AccountController.revokeToken($0) }
    case .admin: { try await AdminController.overview($0) }
    case .adminSetRole: { try await AdminController.setRole($0) }
    case .issuerMe: { req in try await AccountController.issuerMe(req).encodeResponse(for: req) }
    case .standardFile: { try TrustController.standardFile($0) }
    case .openAPI: { try TrustController.openAPI($0) }
    case .issuerJWKS: { try await TrustController.jwks($0) }
    case .loopbrugJWKS: { try await TrustController.loopbrugJWKS($0) }
    case .statusList: { try await TrustController.statusList($0) }
    case .apiIssuerKeys: { try await IssuerAPIController.registerKey($0) }
    case .apiIssuerLinks: { try await IssuerAPIController.link($0) }
    case .apiStatusEntries: { try await IssuerAPIController.reserveStatus($0) }
    case .apiCredentials: { try await IssuerAPIController.submit($0) }
    case .apiCredentialsBatch: { try await IssuerAPIController.submitBatch($0) }
    case .apiCredentialRevoke: { try await IssuerAPIController.revoke($0) }
    case .passport: { try await PassportController.page($0) }
    case .passportCode: { try await PassportController.makeCode($0) }
    case .passportAddForm: { try await PassportController.addForm($0) }
    case .passportAdd: { try await PassportController.add($0) }
    case .passportRecordDelete: { try await PassportController.delete($0) }
    case .shares: { try await ShareController.list($0) }
    case .shareCreate: { try await ShareController.create($0) }
    case .shareRevoke: { try await ShareController.revoke($0) }
    case .shareKlusCV: { try await ShareController.kluscv($0) }
    case .shareView: { try await ShareController.publicPage($0) }
    case .apiShare: { try await ShareController.publicJSON($0) }
    case .apiShareCredentials: { try await ShareController.publicCredentials($0) }
    case .passportExport: { try await GDPRController.export($0) }
    case .accountDeleteForm: { try GDPRController.deleteForm($0) }
    case .passwordForm: { try PasswordController.form($0) }
    case .passwordChange: { try await PasswordController.change($0) }
    case .accountDelete: { try await GDPRController.delete($0) }
    case .issuerUploadForm: { try await IssuerUploadController.form($0) }
    case .issuerUpload: { try await IssuerUploadController.upload($0) }
    case .careerPaths: { try await CareerController.paths($0) }
    case .occupationTransitions: { try CareerController.explorer($0) }
    case .work: { try await CareerController.work($0) }
    case .workWishes: { try await CareerController.saveWishes($0) }
    case .employerVacancies: { try await EmployerController.list($0) }
    case .employerVacancyCreate: { try await EmployerController.create($0) }
    case .employerVacancyDelete: { try await EmployerController.delete($0) }
    case .employerSearch: { try await CompetenceSearchController.search($0) }
    case .adminCareer: { try await CareerAdminController.form($0) }
    case .adminCareerUpload: { try await CareerAdminController.upload($0) }
    case .insight: { try await InsightController.page($0) }
    case .insightStart: { try await InsightController.start($0) }
    case .insightRun: { try InsightController.run($0) }
    case .insightRunStatus: { try InsightController.status($0) }
    case .insightRunPDF: { try InsightController.pdf($0) }
    case .insightRunDelete: { try InsightController.forget($0) }
    case .insightFileDelete: { try await InsightController.deleteFile($0) }
    case .leermiles: { try await LeermilesController.overview($0) }
    case .leermilesReserve: { try await LeermilesController.reserve($0) }
    case .leermilesCancel: { try await LeermilesController.cancel($0) }
    case .leermilesConsent: { try await LeermilesController.consent($0) }
    case .leermilesStatement(_, .pdf): { try await LeermilesController.statement($0, pdf: true) }
    case .leermilesStatement(_, .csv): { try await LeermilesController.statement($0, pdf: false) }
    case .funder: { try await FunderController.page($0) }
    case .funderApprove: { try await FunderController.decide($0, approve: true) }
    case .funderRefuse: { try await FunderController.decide($0, approve: false) }
    case .insightScript: { _ in staticText(InsightPages.script, type: "javascript") }
    }
}

/// A file the site serves from memory (the stylesheet, the analysis script), cached for an hour.
private func staticText(_ body: String, type: String) -> Response {
    let response = Response(status: .ok, body: .init(string: body))
    response.headers.contentType = HTTPMediaType(type: "text", subType: type, parameters: ["charset": "utf-8"])
    response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
    return response
}
