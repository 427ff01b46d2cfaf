import Vapor

/// Headers every answer carries, JSON, files and errors included (the audit found JSON without
/// `nosniff`): browsers must not guess a type, and links do not leak paths to other sites.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        if !response.headers.contains(name: "Referrer-Policy") {
            response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        }
        return response
    }
}
