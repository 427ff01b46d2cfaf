import Vapor

/// Registers every `SiteRoute` with its access check (and CSRF check for form posts) in front.
func registerRoutes(_ app: Application) {
    for route in SiteRoute.allCases {
        var middleware: [any Middleware] = [AccessMiddleware(route: route)]
        if route.isFormPost { middleware.append(CSRFMiddleware()) }
        let responder = handler(for: route)
        app.grouped(middleware).on(route.method, route.pathComponents, body: route.isFormPost ? .collect(maxSize: "64kb") : .collect,
                                   use: responder)
            .userInfo["siteRoute"] = route
    }
}

private func handler(for route: SiteRoute) -> @Sendable (Request) async throws -> Response {
    switch route {
    case .home: { HomePage.render(PageContext($0)) }
    case .health: { _ in Response(status: .ok, body: "ok") }
    case .stylesheet: { _ in
        let response = Response(status: .ok, body: .init(string: Stylesheet.css))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }
    case .language: { req in
        let code = req.parameters.get("code") == "en" ? "en" : "nl"
        let response = req.redirect(to: AuthController.safeReturnPath(req.query[String.self, at: "terug"]) ?? SiteRoute.home.link())
        response.cookies[Lang.cookieName] = HTTPCookies.Value(string: code, maxAge: 365 * 24 * 3600, path: "/",
                                                              isSecure: req.application.config.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }
    case .occupationSearch: { try OccupationController.searchPage($0) }
    case .occupation: { try OccupationController.occupationPage($0) }
    case .apiOccupationSearch: { req in
        let body = "[" + (try OccupationController.apiSearch(req)).map(\.json).joined(separator: ",") + "]"
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
    }
}
