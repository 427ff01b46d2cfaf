import App
import ArgumentParser
import Foundation
import Identifiers
import Leermiles
import Runner

/// `loopbrug leermiles …`: the learning account.
struct LeermilesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leermiles", abstract: "Leermiles: earn points by work, see balances, check the ledger.",
        subcommands: [Accrue.self, Balance.self, Reserve.self, Step.self, Audit.self, Rules.self, Leave.self, TopUp.self, Funder.self, Statement.self, Synth.self])

    /// `loopbrug leermiles balance --worker ID --format json`.
    struct Balance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A worker's points: free, per restricted pot, reserved.")
        @ArgumentParser.Option(help: "The worker's account id or e-mail.") var worker: String
        @ArgumentParser.Option(help: "Output: json or text.") var format = "text"

        func run() async throws {
            AppRunner.bootstrapLogging()
            guard ["json", "text"].contains(format) else { AppRunner.fail("--format must be json or text") }
            guard !worker.isEmpty, !worker.contains(":") else { AppRunner.fail("--worker: \"\(worker)\" is not a worker id") }
            let (id, accounts): (String, [AccountID: Miles])
            do {
                (id, accounts) = try await AppRunner.withDatabase(AppRunner.config()) { app in
                    // An e-mail address names an account; anything else is the ledger's worker id.
                    let id = worker.contains("@") ? try await findWorker(worker, on: app.db).id.string : worker.lowercased()
                    return (id, try await LedgerStore(database: app.db).accounts(worker: id))
                }
            } catch { AppRunner.fail("\(error)") }
            let b = WorkerBalance(worker: id, accounts: accounts)
            if format == "json" {
                let object: [String: Any] = [
                    "worker": id, "available": b.free.description, "reserved": b.reserved.description, "spendable": b.spendable.description,
                    "pots": b.pots.mapValues(\.description),
                ]
                print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
            } else {
                print(
                    "\(id): \(b.spendable) spendable (\(b.free) free" + b.pots.sorted { $0.key < $1.key }.map { ", \($0.value) from \($0.key)" }.joined()
                        + "), \(b.reserved) reserved")
            }
        }
    }

    /// `loopbrug leermiles audit`: exit 0 only when every invariant holds.
    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the ledger: zero sum, no balance past zero, stored balances match the postings, reservations closed once, unique keys.")

        func run() async throws {
            AppRunner.bootstrapLogging()
            let all = try await AppRunner.withDatabase(AppRunner.config()) { app in try await LedgerStore(database: app.db).everything() }
            let breaches = LedgerAudit.breaches(postings: all.postings, storedBalances: all.balances, reservations: all.reservations)
            guard breaches.isEmpty else {
                AppRunner.fail(breaches.joined(separator: "\n") + "\n\(breaches.count) breach(es) of the ledger's invariants")
            }
            AppRunner.say(
                "ledger sound: \(all.postings.count) postings over \(all.balances.count) accounts sum to zero; no balance past zero; "
                    + "\(all.reservations.count) reservations each open or closed once; every key unique")
        }
    }
}
