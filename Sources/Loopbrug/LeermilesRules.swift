import App
import ArgumentParser
import Days
import Foundation
import Identifiers
import Leermiles
import Runner

extension LeermilesCommand {
    /// `loopbrug leermiles rules list|add`.
    struct Rules: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The accrual rules: list them, or add one (rules are never edited).",
            subcommands: [List.self, Add.self], defaultSubcommand: List.self)

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Every accrual rule, oldest start first.")
            func run() async throws {
                AppRunner.bootstrapLogging()
                let rules = try await AppRunner.withDatabase(AppRunner.config()) { app in try await LeermilesStore(database: app.db).rules() }
                if rules.isEmpty { AppRunner.say("No accrual rules yet.") }
                for r in rules { AppRunner.say(Self.line(r)) }
            }

            static func line(_ r: AccrualRule) -> String {
                "\(r.id): \(r.kind.name) \(r.kind.rate)\(r.kind.every.map { " \($0.rawValue)" } ?? "") paid by \(r.funder), "
                    + "from \(r.from) until \(r.until?.description ?? "open")"
                    + (r.restriction.map { ", only for \($0.rawValue)" } ?? "") + (r.requiresApproval ? ", spending needs approval" : "")
            }
        }

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add an accrual rule; refused when it overlaps a rule of the same kind and funder.")
            @ArgumentParser.Option(help: "A short id without ':', e.g. werkfonds-uren-2027.") var id: String
            @ArgumentParser.Option(help: "work_hours, service_years, contribution, leave_hours or top_up.") var kind: String
            @ArgumentParser.Option(help: "Miles per hour, per year, or per payment (at most two decimals).") var rate: String
            @ArgumentParser.Option(help: "Contributions only: once, monthly or yearly.") var every: String?
            @ArgumentParser.Option(help: "Who pays: an issuer id for employer contributions, or a fund's id.") var funder: String
            @ArgumentParser.Option(help: "First day the rule applies (YYYY-MM-DD).") var from: String
            @ArgumentParser.Option(help: "First day it no longer applies (YYYY-MM-DD); open-ended when left out.") var until: String?
            @ArgumentParser.Option(help: "shortage_occupations: its points only pay for courses toward shortage occupations.") var restriction: String?
            @ArgumentParser.Flag(help: "Spending its points needs a coach's or the funder's approval.") var requiresApproval = false

            func run() async throws {
                AppRunner.bootstrapLogging()
                let rule = parse()
                do {
                    try await AppRunner.withDatabase(AppRunner.config()) { app in
                        try await LeermilesStore(database: app.db).addRule(rule, now: app.dependencies.now())
                    }
                } catch let problems as RuleProblems {
                    AppRunner.fail("rule refused, nothing stored: " + problems.description)
                } catch { AppRunner.fail("\(error)") }
                AppRunner.say("Added " + List.line(rule))
            }

            func parse() -> AccrualRule {
                guard let miles = Miles(parsing: rate) else { AppRunner.fail("--rate: \"\(rate)\" is not an amount like 0.25") }
                let recurrence: AccrualRule.Recurrence?
                if let every {
                    guard let r = AccrualRule.Recurrence(rawValue: every) else { AppRunner.fail("--every: \"\(every)\" is not once, monthly or yearly") }
                    recurrence = r
                } else {
                    recurrence = nil
                }
                guard AccrualRule.Kind.names.contains(kind) else { AppRunner.fail("--kind: \"\(kind)\" is not one of \(AccrualRule.Kind.names.joined(separator: ", "))") }
                guard let k = AccrualRule.Kind(name: kind, rate: miles, every: recurrence) else {
                    AppRunner.fail(kind == "contribution" ? "--every: a contribution needs --every once, monthly or yearly" : "--every: only a contribution recurs")
                }
                guard let start = Day(iso: from) else { AppRunner.fail("--from: \"\(from)\" is not a day written YYYY-MM-DD") }
                var end: Day?
                if let until {
                    guard let d = Day(iso: until) else { AppRunner.fail("--until: \"\(until)\" is not a day written YYYY-MM-DD") }
                    end = d
                }
                var limit: AccrualRule.Restriction?
                if let restriction {
                    guard let r = AccrualRule.Restriction(rawValue: restriction) else { AppRunner.fail("--restriction: \"\(restriction)\" is not shortage_occupations") }
                    limit = r
                }
                let rule = AccrualRule(id: id, kind: k, funder: funder.lowercased(), from: start, until: end, restriction: limit, requiresApproval: requiresApproval)
                if let problem = AccrualRules.problems([rule]).first { AppRunner.fail("rule refused, nothing stored: \(problem)") }
                return rule
            }
        }
    }

    /// `loopbrug leermiles leave`: unused leave hours a worker converts into points.
    struct Leave: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record unused leave hours a worker converts into points (paid by the next accrual).")
        @ArgumentParser.Option(help: "An id for this conversion, unique (e.g. the payroll line).") var id: String
        @ArgumentParser.Option(help: "The worker's account id or e-mail.") var worker: String
        @ArgumentParser.Option(help: "The hours converted, more than 0 and at most 2000.") var hours: Double
        @ArgumentParser.Option(help: "The day of the conversion (YYYY-MM-DD).") var on: String

        func run() async throws {
            AppRunner.bootstrapLogging()
            guard !id.isEmpty, !id.contains(":") else { AppRunner.fail("--id: needs a non-empty id without ':'") }
            guard hours.isFinite, hours > 0, hours <= 2_000 else { AppRunner.fail("--hours: \(hours) is not between 0 and 2000") }
            guard let day = Day(iso: on) else { AppRunner.fail("--on: \"\(on)\" is not a day written YYYY-MM-DD") }
            do {
                try await AppRunner.withDatabase(AppRunner.config()) { app in
                    let target = try await findWorker(worker, on: app.db)
                    try await LeermilesStore(database: app.db).addLeave(
                        LeaveConversion(id: id, worker: target.id.string, hours: hours, on: day),
                        now: app.dependencies.now())
                }
            } catch { AppRunner.fail("nothing stored: \(error)") }
            AppRunner.say("Recorded \(hours) leave hours (\(id)); the next `loopbrug leermiles accrue` pays them.")
        }
    }

    /// `loopbrug leermiles top-up --worker ID [--remove]`.
    struct TopUp: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "top-up", abstract: "Mark a worker as without a starting qualification (the yearly top-up), or remove the mark.")
        @ArgumentParser.Option(help: "The worker's account id or e-mail.") var worker: String
        @ArgumentParser.Flag(help: "Remove the mark (points already paid stay).") var remove = false

        func run() async throws {
            AppRunner.bootstrapLogging()
            do {
                try await AppRunner.withDatabase(AppRunner.config()) { app in
                    let target = try await findWorker(worker, on: app.db)
                    try await LeermilesStore(database: app.db).setWithoutStartingQualification(
                        worker: target.id.string, !remove,
                        now: app.dependencies.now())
                }
            } catch { AppRunner.fail("\(error)") }
            AppRunner.say(remove ? "Removed the top-up mark." : "Marked: no starting qualification; the top-up rules pay from the next accrual.")
        }
    }
}
