import Accounts
import Foundation
import Identifiers
import Testing
import VaporTesting

@testable import App

/// A minimal browser over the in-memory tester: keeps cookies, reads CSRF tokens from forms, posts forms.
final class Browser: @unchecked Sendable {
    let app: Application
    private(set) var cookies: [String: String] = [:]

    init(_ app: Application) {
        self.app = app
    }

    func setCookie(_ name: String, _ value: String) { cookies[name] = value }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: headers)
    }

    /// Posts a form; the session's CSRF token is added unless `csrf` is given (pass "" to leave it out).
    @discardableResult
    func post(_ path: String, _ fields: [String: String], csrf: String? = nil) async throws -> TestingHTTPResponse {
        var fields = fields
        let token: String
        if let csrf { token = csrf } else { token = try await csrfToken() }
        if !token.isEmpty { fields["_csrf"] = token }
        let body = fields.map { "\(encode($0.key))=\(encode($0.value))" }.joined(separator: "&")
        return try await send(.POST, path, headers: ["Content-Type": "application/x-www-form-urlencoded"], body: body)
    }

    /// Posts a form whose fields may repeat (checkbox groups), with the CSRF token.
    func post(_ path: String, pairs: [(String, String)]) async throws -> TestingHTTPResponse {
        let all = pairs + [("_csrf", try await csrfToken())]
        let body = all.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        return try await send(.POST, path, headers: ["Content-Type": "application/x-www-form-urlencoded"], body: body)
    }

    /// Posts a multipart form with one file, as a browser's file upload does (CSRF token added).
    @discardableResult
    func upload(_ path: String, field: String, filename: String, content: String, fields: [String: String] = [:]) async throws -> TestingHTTPResponse {
        let boundary = "loopbrug-test-boundary"
        let token = try await csrfToken()
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n"
        for (name, value) in fields { body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n" }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        body += content + "\r\n--\(boundary)--\r\n"
        return try await send(.POST, path, headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], body: body)
    }

    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: String? = nil) async throws -> TestingHTTPResponse {
        var headers = headers
        if !cookies.isEmpty { headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]).trimmingCharacters(in: .whitespaces)
            if header.contains("Max-Age=0") || header.contains("Expires=Thu, 01 Jan 1970") { cookies[name] = nil } else { cookies[name] = String(pair[1]) }
        }
        return response
    }

    /// The CSRF token of this browser's session, read from the login form (which creates the session).
    func csrfToken() async throws -> String {
        let page = try await get("/inloggen").body.string
        let marker = "name=\"_csrf\" value=\""
        guard let start = page.range(of: marker)?.upperBound, let end = page[start...].firstIndex(of: "\"") else {
            // Signed-in people are redirected from the login form; the account page has the logout form.
            let account = try await get("/account").body.string
            guard let s = account.range(of: marker)?.upperBound, let e = account[s...].firstIndex(of: "\"") else {
                throw TestFailure("no CSRF token found")
            }
            return String(account[s..<e])
        }
        return String(page[start..<end])
    }

    func login(_ email: String, _ password: String) async throws -> TestingHTTPResponse {
        try await post("/inloggen", ["email": email, "password": password])
    }

    private func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Creates an account directly in the database, for tests that need one per role.
func createUser(_ app: Application, email: String, role: Role, password: String = "correct horse battery", name: String? = nil) async throws -> UserID {
    let hash = try await app.password.async.hash(password)
    let user = UserModel(email: email, name: name ?? "Test \(role.rawValue)", role: role, passwordHash: hash, createdAt: Date())
    try await user.create(on: app.db)
    return user.userID!
}

/// A test's arrangement failed: the test stops and says which step.
struct TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
