import Localization
import Vapor

/// Turns errors into a page (or JSON for the API) that says what went wrong in plain words,
/// without internal details. Unexpected errors are logged without request data.
struct ErrorPagesMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            let status: HTTPStatus
            let reason: String
            var headers = HTTPHeaders()
            let lang = Lang.of(req)
            if let abort = error as? any AbortError {
                status = abort.status
                headers = abort.headers
                reason =
                    abort.status == .notFound && abort.reason == "Not Found"
                    ? lang.t("Deze pagina bestaat niet.", "This page does not exist.")
                    : abort.status == .payloadTooLarge && abort.reason == "Payload Too Large"
                        ? Self.tooLarge(req, lang) : abort.reason
            } else {
                status = .internalServerError
                reason = lang.t("Er ging iets mis aan onze kant. Probeer het later opnieuw.", "Something went wrong on our side. Try again later.")
                req.logger.report(error: error)
            }
            if req.url.path.hasPrefix("/api/") {
                let response = try await ErrorBody(error: true, reason: reason).encodeResponse(status: status, for: req)
                for (name, value) in headers where name.lowercased() == "www-authenticate" { response.headers.replaceOrAdd(name: name, value: value) }
                return response
            }
            return .html(ErrorPage.render(PageContext(req), status == .notFound ? .notFound : status == .forbidden ? .forbidden : .failed, reason: reason), status: status)
        }
    }

    /// The server stopped reading a body over the route's limit (or a handler found one).
    private static func tooLarge(_ req: Request, _ lang: Lang) -> String {
        guard let route = req.route?.userInfo["siteRoute"] as? SiteRoute else { return lang.t("Dit is te groot.", "This is too large.") }
        let limit = sizeText(route.bodyLimitBytes(req.application.config))
        return lang.t("Dit is groter dan \(limit). Kies een kleiner bestand.", "This is larger than \(limit). Choose a smaller file.")
    }

    struct ErrorBody: Content {
        let error: Bool
        let reason: String
    }
}
