import Days
import Fluent
import Foundation
import Leermiles
import Vapor

/// Demo leermiles: a work-hours rule of Loopbrug's work fund and a yearly contribution from the
/// demo cleaning platform that only pays for courses towards occupations in demand and needs
/// approval, with the demo coach acting for that fund; then one accrual run, so the demo worker's
/// overview and the coach's fund page have something real in them.
public enum DemoLeermiles {
    static let workFund = FunderStore.Funder(id: "werkfonds", name: "Werkfonds Loopbrug (demo)")
    /// The demo cleaning platform (DemoIssuers); as a funder it is its issuer id.
    static let cleaningPlatform = "6d656d6f-0001-4c00-8000-000000000001"

    /// Only into a database without rules; returns what it did, for the start-up log.
    public static func seedIfEmpty(_ app: Application) async throws -> String? {
        let store = LeermilesStore(database: app.db)
        guard try await store.rules().isEmpty else { return nil }
        let now = app.dependencies.now()
        let funders = FunderStore(database: app.db)
        try await funders.save(workFund, now: now)
        try await store.addRule(
            AccrualRule(
                id: "demo-werkuren", kind: .workHours(perHour: Miles(hundredths: 25)), funder: workFund.id,
                from: Day(iso: "2020-01-01")!), now: now)
        try await store.addRule(
            AccrualRule(
                id: "demo-schoonmaak-bijdrage", kind: .contribution(amount: Miles(150), every: .yearly), funder: cleaningPlatform,
                from: Day(iso: "2024-01-01")!, restriction: .shortageOccupations, requiresApproval: true), now: now)
        if let coach = try await UserModel.query(on: app.db).filter(\.$email == "coach@demo.loopbrug.nl").first()?.userID {
            try await funders.addMember(user: coach, funder: cleaningPlatform, now: now)
        }
        let outcome = try await LeermilesAccrual.run(database: app.db, now: now)
        return "demo leermiles rules; \(outcome.posted.count) postings, \(outcome.posted.miles) miles"
    }
}
