import App
import ArgumentParser
import Foundation
import Identifiers
import Leermiles
import Runner

extension LeermilesCommand {
    /// `loopbrug leermiles reserve --worker W --course C [--request R]`.
    struct Reserve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a worker's points aside for a catalogue course (1 mile pays €1).")
        @ArgumentParser.Option(help: "The worker's account id or e-mail.") var worker: String
        @ArgumentParser.Option(help: "The course id in the catalogue.") var course: String
        @ArgumentParser.Option(help: "A request id: the same id again changes nothing (default: a new one).") var request: String?

        func run() async throws {
            AppRunner.bootstrapLogging()
            do {
                let (row, repeated) = try await CareerCLI.withCareerData { app in
                    let target = try await findWorker(worker, on: app.db)
                    return try await app.courseReservations.reserve(
                        worker: target.id.string, courseID: course,
                        requestID: request ?? UUID().idString, cause: "cli")
                }
                AppRunner.say((repeated ? "Already reserved: " : "Reserved: ") + LeermilesCommand.line(row))
            } catch { AppRunner.fail("nothing reserved: \(error)") }
        }
    }

    /// `loopbrug leermiles approve|settle|release --reservation ID`.
    struct Step: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reservation", abstract: "Approve a reservation (coach or fund), settle it (course completed) or release it (cancelled).")
        @ArgumentParser.Argument(help: "approve, settle or release.") var action: String
        @ArgumentParser.Option(help: "The reservation id.") var id: String

        func run() async throws {
            AppRunner.bootstrapLogging()
            guard ["approve", "settle", "release"].contains(action) else { AppRunner.fail("the action must be approve, settle or release, not \"\(action)\"") }
            do {
                let row = try await AppRunner.withDatabase(AppRunner.config()) { app in
                    let store = ReservationStore(database: app.db)
                    let now = app.dependencies.now()
                    switch action {
                    case "approve": return try await store.approve(id: id, cause: "cli", now: now)
                    case "settle": return try await store.settle(id: id, cause: "cli", now: now)
                    default: return try await store.release(id: id, cause: "cli", now: now)
                    }
                }
                AppRunner.say(["approve": "Approved", "settle": "Settled", "release": "Released"][action]! + ": " + LeermilesCommand.line(row))
            } catch { AppRunner.fail("nothing changed: \(error)") }
        }
    }

    static func line(_ r: ReservationRow) -> String {
        "\(r.id): \(r.amount) miles for course \(r.courseID), \(r.state.words)"
    }
}
