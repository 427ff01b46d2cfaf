import App
import ArgumentParser
import Foundation
import Leermiles
import Runner

extension LeermilesCommand {
    /// `loopbrug leermiles accrue [--dry-run]`: the accrual batch over every verified record.
    struct Accrue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pay the accrual rules over all verified work, leave conversions and top-ups; safe to run again.",
            discussion: "Every posting's key comes from the facts it pays for, so a second run, or a run after one that was cut off, posts only what is missing.")
        @ArgumentParser.Flag(help: "Show what would be posted; write nothing.") var dryRun = false
        @ArgumentParser.Option(help: "Output: text or json.") var format = "text"
        @ArgumentParser.Option(help: "Postings per transaction; a batch cut off loses at most one chunk, and a rerun posts it.") var chunk = LedgerStore.earningsChunk

        func run() async throws {
            AppRunner.bootstrapLogging()
            guard ["json", "text"].contains(format) else { AppRunner.fail("--format must be json or text") }
            guard (1...1_000_000).contains(chunk) else { AppRunner.fail("--chunk must be between 1 and 1,000,000, not \(chunk)") }
            let outcome: AccrualOutcome
            do {
                outcome = try await AppRunner.withDatabase(AppRunner.config()) { app in
                    try await LeermilesAccrual.run(database: app.db, now: app.dependencies.now(), dryRun: dryRun, chunk: chunk)
                }
            } catch { AppRunner.fail("accrual stopped: \(error)") }
            format == "json" ? print(Self.json(outcome)) : Self.text(outcome).forEach(AppRunner.say)
        }

        static func text(_ o: AccrualOutcome) -> [String] {
            var lines = [
                "\(o.dryRun ? "Dry run, nothing written: would post" : "Posted") \(o.posted.count) postings, \(o.posted.miles) miles "
                    + "(\(o.records) verified records, \(o.rules) rules; \(o.alreadyPosted) posted before)"
            ]
            for reason in PostingReason.allCases {
                guard let total = o.byReason[reason] else { continue }
                lines.append("  \(reason.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) \(total.count) postings, \(total.miles) miles")
            }
            if o.reversed.count > 0 {
                lines.append("  \(o.dryRun ? "would reverse" : "reversed") \(o.reversed.count) earnings of revoked records, \(o.reversed.miles) miles")
            }
            if o.reversalsWaiting > 0 {
                lines.append("  \(o.reversalsWaiting) reversals wait: the workers spent the points already (tried again next run)")
            }
            if o.rules == 0 { lines.append("No accrual rules yet: add one with `loopbrug leermiles rules add`.") }
            return lines
        }

        static func json(_ o: AccrualOutcome) -> String {
            func total(_ t: AccrualOutcome.Total) -> [String: Any] { ["count": t.count, "miles": t.miles.description] }
            let object: [String: Any] = [
                "dry_run": o.dryRun, "records": o.records, "rules": o.rules, "already_posted": o.alreadyPosted, "posted": total(o.posted),
                "by_reason": Dictionary(uniqueKeysWithValues: o.byReason.map { ($0.key.rawValue, total($0.value)) }),
                "reversed": total(o.reversed), "reversals_waiting": o.reversalsWaiting,
            ]
            return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self)
        }
    }
}
