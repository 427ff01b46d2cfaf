import Crypto
import Days
import Foundation
import Identifiers
import Testing

@testable import Passport

@Suite struct CredentialTests {
    let key = Curve25519.Signing.PrivateKey()
    let issuerID = "6f1c2b1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b"
    let now = Timestamp.parse("2026-01-01T12:00:00Z")!
    var verifier: CredentialVerifier { CredentialVerifier(schema: Standard.schema) }

    func token(record: JSONValue = Standard.example("platform-work-period.json"), validUntil: Date? = nil, position: Int = 7) throws -> String {
        let payload = WorkCredential.payload(
            issuerID: issuerID, issuerName: "Schoon & Snel", record: record,
            validFrom: Timestamp.parse("2025-09-01T00:00:00Z")!, validUntil: validUntil,
            statusPosition: position, baseURL: "http://127.0.0.1:8080")
        return try CompactJWS.sign(payload: payload.serialized(), key: key, keyID: Ed25519JWK(privateKey: key).thumbprint)
    }

    func verify(_ token: String, revoked: Set<StatusEntry> = []) -> Result<VerifiedCredential, CredentialProblem> {
        let kid = Ed25519JWK(privateKey: key).thumbprint
        return verifier.verify(
            Substring(token), now: now,
            key: { issuer, keyID in
                issuer == issuerID && (keyID == kid || keyID == nil) ? .success(IssuerKey(issuerID: issuerID, key: key.publicKey)) : .failure(.issuer("unknown issuer"))
            }, isRevoked: { revoked.contains($0) })
    }

    func problem(_ result: Result<VerifiedCredential, CredentialProblem>) -> CredentialProblem? {
        if case .failure(let p) = result { return p }
        return nil
    }

    @Test func aSignedCredentialVerifies() throws {
        let verified = try verify(try token()).get()
        #expect(verified.credential.issuerID == issuerID)
        #expect(verified.credential.status == StatusEntry(issuerID: issuerID, list: 1, index: 7))
        #expect(verified.credential.record.roleTitle == "Schoonmaker bij particulieren")
        let header = try JSONValue.parse(Base64URL.decode(try token().split(separator: ".")[0])!)
        #expect(header == .object(["alg": .string("EdDSA"), "typ": .string("vc+jwt"), "kid": .string(Ed25519JWK(privateKey: key).thumbprint)]))
    }

    @Test func theKeyIDIsReadFromTheHeaderAlone() throws {
        let signed = try token()
        #expect(CompactJWS.keyID(of: signed) == Ed25519JWK(privateKey: key).thumbprint)
        #expect(CompactJWS.keyID(of: signed) == (try CompactJWS(Substring(signed))).keyID)
        #expect(CompactJWS.keyID(of: "not a token") == nil && CompactJWS.keyID(of: "e30.x.y") == nil, "no header, or a header without kid")
    }

    @Test func eachFailingCheckIsNamed() throws {
        // signature: one changed character in the payload
        var parts = try token().split(separator: ".").map(String.init)
        var payload = Base64URL.decode(parts[1])!
        let at = payload.firstIndex(of: UInt8(ascii: "8"))!
        payload[at] = UInt8(ascii: "9")
        parts[1] = Base64URL.encode(payload)
        #expect(problem(verify(parts.joined(separator: ".")))?.check == "signature")
        // issuer: signed by someone Loopbrug does not know
        let other = WorkCredential.payload(
            issuerID: "00000000-0000-4000-8000-000000000000", issuerName: nil, record: Standard.example("employment.json"),
            validFrom: now, statusPosition: 0, baseURL: "http://x")
        let stranger = try CompactJWS.sign(payload: other.serialized(), key: Curve25519.Signing.PrivateKey(), keyID: "k")
        #expect(problem(verify(stranger)) == .issuer("unknown issuer"))
        // issuer: a registered key used for a credential that names another issuer
        let impostor = try CompactJWS.sign(payload: other.serialized(), key: key, keyID: Ed25519JWK(privateKey: key).thumbprint)
        #expect(problem(verify(impostor))?.check == "issuer")
        // schema: a record that breaks the standard, properly signed
        let bad = Standard.examples("invalid").first { $0.name == "negative-hours.json" }!.json
        #expect(problem(verify(try token(record: bad))) == .schema(path: "credentialSubject.hours", reason: "must be at least 0"))
        // validity: expired
        #expect(problem(verify(try token(validUntil: Timestamp.parse("2025-12-31T00:00:00Z")!))) == .validity("expired at 2025-12-31T00:00:00Z"))
        // status: revoked
        #expect(problem(verify(try token(), revoked: [StatusEntry(issuerID: issuerID, list: 1, index: 7)])) == .status("revoked by the issuer"))
        // format
        #expect(problem(verify("abc.def"))?.check == "format")
        #expect(problem(verify("a.b.c"))?.check == "format")
    }

    @Test func aTokenWithTheWrongTypeOrAlgorithmIsRefused() throws {
        let parts = try token().split(separator: ".")
        let jwtHeader = Base64URL.encode(Array(#"{"alg":"EdDSA","typ":"JWT"}"#.utf8))
        #expect(problem(verify([jwtHeader, String(parts[1]), String(parts[2])].joined(separator: "."))) == .malformed("typ must be \"vc+jwt\", the header says \"JWT\""))
        let noneHeader = Base64URL.encode(Array(#"{"alg":"none","typ":"vc+jwt"}"#.utf8))
        #expect(problem(verify([noneHeader, String(parts[1]), ""].joined(separator: ".")))?.check == "format")
    }

    @Test func theStatusPositionRollsOverIntoTheNextList() throws {
        let verified = try verify(try token(position: StatusList.size + 3)).get()
        #expect(verified.credential.status == StatusEntry(issuerID: issuerID, list: 2, index: 3))
    }
}

@Suite struct KeyAndStatusTests {
    @Test func aPrivateJWKRoundTripsAndItsThumbprintFollowsRFC7638() throws {
        // RFC 8037 appendix A.1/A.3: the example key and its thumbprint.
        let jwk = try Ed25519JWK(json: Array(#"{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#.utf8))
        #expect(jwk.thumbprint == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k")
        #expect(jwk.privateKey != nil)
        let again = try Ed25519JWK(json: Array(jwk.json(includePrivate: true).utf8))
        #expect(again == jwk)
        #expect(try Ed25519JWK(json: Array(jwk.json().utf8)).d == nil)
    }

    @Test func aBadJWKIsExplained() {
        #expect(throws: KeyError("kty must be \"OKP\" (an Ed25519 key, RFC 8037)")) { try Ed25519JWK(json: Array(#"{"kty":"RSA"}"#.utf8)) }
        #expect(throws: KeyError("x must be the 32-byte public key in base64url")) { try Ed25519JWK(json: Array(#"{"kty":"OKP","crv":"Ed25519","x":"abc"}"#.utf8)) }
        let mismatched = #"{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"\#(Base64URL.encode(Curve25519.Signing.PrivateKey().publicKey.rawRepresentation))"}"#
        #expect(throws: KeyError("d does not belong to x (the private and public halves do not match)")) { try Ed25519JWK(json: Array(mismatched.utf8)) }
    }

    @Test func aStatusListRoundTripsThroughItsEncoding() throws {
        var list = StatusList()
        list[0] = true
        list[7] = true
        list[131_071] = true
        let decoded = try #require(StatusList(encoded: list.encoded()))
        #expect(decoded == list)
        #expect(decoded[7] && !decoded[8])
        #expect(list.bytes[0] == 0b1000_0001)
        #expect(list.encoded().count < 200, "an almost empty list compresses to a few bytes")
        #expect(StatusList(encoded: "uAAAA") == nil)
    }

    @Test func pairwiseSubjectsDifferPerIssuerAndAreStable() {
        let secret = SymmetricKey(size: .bits256)
        let worker = WorkerID(UUID())
        let a = PairwiseSubject.identifier(worker: worker, issuerID: "issuer-a", secret: secret)
        let b = PairwiseSubject.identifier(worker: worker, issuerID: "issuer-b", secret: secret)
        #expect(a != b)
        #expect(a == PairwiseSubject.identifier(worker: worker, issuerID: "ISSUER-A", secret: secret))
        #expect(PairwiseSubject.isWellFormed(a))
        #expect(!a.contains(worker.string))
    }

    @Test func passportCodesAreForgivingToType() {
        var random = SystemRandomNumberGenerator()
        let code = PassportCode.make(using: &random)
        #expect(code.count == 9)
        #expect(PassportCode.normalise(code.lowercased().replacingOccurrences(of: "-", with: " ")) == code.replacingOccurrences(of: "-", with: ""))
        #expect(PassportCode.normalise("ABCD-EFG0") == nil)
    }

    @Test func datesAreStrict() {
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2025-02-29") == nil)
        #expect(Day(iso: "2025-2-01") == nil)
        #expect(Timestamp.parse("2025-03-01T10:00:00+01:00") == Timestamp.parse("2025-03-01T09:00:00Z"))
        #expect(Timestamp.format(Timestamp.parse("2025-03-01T09:00:00.5Z")!) == "2025-03-01T09:00:00Z")
        #expect(Timestamp.parse("2025-03-01 09:00:00Z") == nil)
    }

    @Test func jsonLinesNumbersLinesAndSkipsBlankOnes() throws {
        let lines = try JSONLines.lines(Array("a.b.c\r\n\n  d.e.f  \n".utf8))
        #expect(lines.map(\.number) == [1, 3])
        #expect(lines.map { String($0.text) } == ["a.b.c", "d.e.f"])
        #expect(throws: FileProblem("the file is empty")) { try JSONLines.lines([]) }
        #expect(throws: FileProblem("the file is not UTF-8 text")) { try JSONLines.lines([0xC3, 0x28]) }
        #expect(throws: FileProblem("the file has no credentials, only empty lines")) { try JSONLines.lines(Array("\n\n".utf8)) }
    }

    /// Read in place, line by line: the same lines as splitting, for any mix of line ends,
    /// blanks, a byte order mark and a last line without a newline.
    @Test func jsonLinesAgreeWithSplittingOnRandomFiles() throws {
        var rng = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [Array("a.b.c".utf8), [0x0A], [0x0D, 0x0A], [0x20], [0x09], Array("é.x.y".utf8), [0x0A, 0x0A]]
        for _ in 0..<300 {
            var file: [UInt8] = Bool.random(using: &rng) ? [0xEF, 0xBB, 0xBF] : []
            for _ in 0..<Int.random(in: 1...20, using: &rng) { file += pieces.randomElement(using: &rng)! }
            let body = file.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(file.dropFirst(3)) : file
            let expected = body.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated().compactMap { offset, raw -> (Int, String)? in
                let text = String(decoding: raw, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                return text.isEmpty ? nil : (offset + 1, text)
            }
            if expected.isEmpty { #expect(throws: FileProblem.self) { try JSONLines.lines(file) }; continue }
            let lines = try JSONLines.lines(file)
            #expect(lines.map(\.number) == expected.map(\.0) && lines.map { String($0.text) } == expected.map(\.1), "\(file)")
        }
    }
}
