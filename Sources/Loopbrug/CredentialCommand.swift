import App
import ArgumentParser
import Foundation
import Passport
import Runner
import Vapor

struct CredentialCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credential", abstract: "Sign and verify work credentials (W3C VC 2.0 as compact JWS, Ed25519).",
        subcommands: [Sign.self, Verify.self])

    struct Sign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sign a work record as a credential of a registered issuer; prints the compact JWS.")

        @ArgumentParser.Option(help: "The issuer's private JWK.") var key: String
        @ArgumentParser.Option(help: "The issuer id that `issuer create` printed.") var issuer: String
        @ArgumentParser.Option(help: "A work record (JSON), shaped like docs/standard/v0.1/examples/valid.") var subject: String

        func run() async throws {
            AppRunner.bootstrapLogging()
            let jwk = readKey(key)
            guard let data = FileManager.default.contents(atPath: subject) else { AppRunner.fail("cannot read \(subject)") }
            let record: JSONValue
            do { record = try JSONValue.parse([UInt8](data)) } catch { AppRunner.fail("\(subject): not JSON: \(error)") }
            let config = AppRunner.config()
            do {
                let token = try await AppRunner.withDatabase(config, taxonomy: true) { app in
                    let service = try app.passport
                    do throws(CredentialProblem) { try service.validate(record: record, taxonomy: app.taxonomy.index) } catch {
                        throw ConfigError("\(subject): \(error.reason)")
                    }
                    guard let row = try await app.passportStore.issuer(id: issuer) else { throw ConfigError("no issuer with id \(issuer); see `loopbrug issuer create`") }
                    return try await app.passport.sign(
                        records: [record], issuer: row, key: jwk, store: app.passportStore,
                        baseURL: config.publicURL, now: Date())[0]
                }
                AppRunner.say(token)
            } catch {
                AppRunner.fail("not signed: \(error)")
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify credentials, one compact JWS per line; prints `valid` or `invalid: <reason>` per line.",
            discussion: "Checks signature, issuer key, schema, validity period and status against this Loopbrug. Exit status 0 only if all are valid.")

        @ArgumentParser.Argument(help: "A file with one compact JWS per line (- for standard input).") var file: String

        func run() async throws {
            AppRunner.bootstrapLogging()
            let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
            guard let data else { AppRunner.fail("cannot read \(file)") }
            let lines: [JSONLines.Line]
            do { lines = try JSONLines.lines([UInt8](data)) } catch { AppRunner.fail("\(file): \(error)") }
            let results = try await AppRunner.withDatabase(AppRunner.config()) { app in
                return try await app.passport.verifyStored(lines, store: app.passportStore, now: Date())
            }
            var allValid = true
            for (line, result) in zip(lines, results) {
                switch result {
                case .success: AppRunner.say("valid")
                case .failure(let problem):
                    allValid = false
                    AppRunner.say("invalid: \(problem)" + (lines.count > 1 ? " (line \(line.number))" : ""))
                }
            }
            if !allValid { throw ExitCode(1) }
        }
    }
}
