import App
import ArgumentParser
import Crypto
import Foundation
import Passport
import Runner
import Vapor

struct IssuerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issuer", abstract: "Make signing keys and register issuers (platforms that sign work records).",
        subcommands: [Keygen.self, Create.self])

    struct Keygen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make an Ed25519 key pair as JWKs (RFC 8037): KEY.jwk (private) and KEY.pub.jwk.")

        @ArgumentParser.Option(help: "Where to write the private key (the public key goes next to it as .pub.jwk).") var out: String

        func run() async throws {
            guard !FileManager.default.fileExists(atPath: out) else { AppRunner.fail("\(out) exists already; Loopbrug will not overwrite a key") }
            let key = Ed25519JWK(privateKey: Curve25519.Signing.PrivateKey())
            let publicPath = Keygen.publicPath(for: out)
            // The private key is readable by its owner only.
            guard
                FileManager.default.createFile(
                    atPath: out, contents: Data((key.json(includePrivate: true) + "\n").utf8),
                    attributes: [.posixPermissions: 0o600])
            else { AppRunner.fail("cannot write \(out)") }
            guard FileManager.default.createFile(atPath: publicPath, contents: Data((key.json() + "\n").utf8)) else { AppRunner.fail("cannot write \(publicPath)") }
            AppRunner.say("Private key: \(out) (keep it secret)")
            AppRunner.say("Public key:  \(publicPath) (register it with `loopbrug issuer create --jwk \(publicPath)`)")
            AppRunner.say("Key id: \(key.thumbprint)")
        }

        static func publicPath(for path: String) -> String {
            path.hasSuffix(".jwk") ? String(path.dropLast(4)) + ".pub.jwk" : path + ".pub.jwk"
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register an issuer with its public key; prints the issuer id.")

        @ArgumentParser.Option(help: "The platform's or organisation's name, as workers know it.") var name: String
        @ArgumentParser.Option(help: "The issuer's public key (a JWK file). A private JWK is accepted; only its public half is stored.") var jwk: String

        func run() async throws {
            AppRunner.bootstrapLogging()
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, trimmed.count <= 200 else { AppRunner.fail("--name must be 1 to 200 characters") }
            let key = readKey(jwk)
            if key.d != nil { FileHandle.standardError.write(Data("note: \(jwk) is a private key; only its public half is stored\n".utf8)) }
            do {
                let id = try await AppRunner.withDatabase(AppRunner.config()) { app in
                    return try await app.passportStore.createIssuer(name: trimmed, ownerUserID: nil, key: key.publicOnly, now: Date())
                }
                AppRunner.say(id)
            } catch {
                AppRunner.fail("could not register the issuer: \(error)")
            }
        }
    }
}

/// Reads a JWK file or stops with the file and the problem.
func readKey(_ path: String) -> Ed25519JWK {
    guard let data = FileManager.default.contents(atPath: path) else { AppRunner.fail("cannot read \(path)") }
    guard data.count < 10_000 else { AppRunner.fail("\(path): a JWK is a few hundred bytes; this file is \(data.count) bytes") }
    do { return try Ed25519JWK(json: [UInt8](data)) } catch { AppRunner.fail("\(path): \(error)") }
}
