import Localization
import Vapor

extension PageContext {
    /// The context of the page that answers `req`.
    init(_ req: Request) {
        self.init(
            lang: Lang.of(req), user: req.user, returnPath: ReturnPath(req.url.string),
            formToken: { CSRF.token(for: req) })
    }
}

extension Response {
    /// An HTML page: the document a page function made, with its content security policy
    /// (`SecurityHeadersMiddleware` adds the headers every answer carries).
    static func html(_ document: Node, status: HTTPStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: "<!doctype html>\n" + document.render()))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'self'; form-action 'self'; frame-ancestors 'none'")
        return response
    }
}
