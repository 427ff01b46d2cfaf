import Fluent
import Foundation
import Identifiers
import SQLKit
import Vapor

/// Proof that an account was deleted: no name, no e-mail, no worker id; only when and how much.
public struct DeletionReceipt: Sendable, Equatable {
    public let id: String
    public let deletedAt: Date
    public let recordsDeleted: Int
    public let sharesDeleted: Int
}

/// Deletes an account and everything personal that hangs off it in one transaction (GDPR art. 17):
/// passport records, links to platforms' subject ids, passport codes, share links (dead at once)
/// and their open logs, API tokens, work wishes, the vacancies an employer posted, and an analyst's
/// kept microdata files and reports, leermiles consent and fund memberships; open course
/// reservations are released. The leermiles ledger
/// keeps its postings (it is append-only, and funders' totals must still add up) under the account
/// id, which no longer leads to a person once the account is gone. An issuer the person owned stays, without its owner, because
/// the credentials it signed in other workers' passports must still verify.
public struct AccountDeletion: Sendable {
    let database: any Database
    let dependencies: AppDependencies
    /// What is held in memory about people, cleared at once: an employer's vacancies on the
    /// board and an analyst's reports.
    let careerData: CareerData
    let insightRuns: InsightRuns

    public func delete(_ user: UserID) async throws -> DeletionReceipt {
        let worker = user.string, dependencies = dependencies
        let (receipt, vacancyIDs) = try await database.writeTransaction { db -> (DeletionReceipt, [String]) in
            let sql = db.sql
            let shareIDs = try await sql.select().column("id").from("shares").where("worker_id", .equal, worker).all()
                .map { try $0.decode(column: "id", as: String.self) }
            if !shareIDs.isEmpty {
                try await sql.delete(from: "share_opens").where("share_id", .in, shareIDs).run()
                try await sql.delete(from: "share_records").where("share_id", .in, shareIDs).run()
                try await sql.delete(from: "shares").where("worker_id", .equal, worker).run()
            }
            let records = try await sql.delete(from: "passport_records").where("worker_id", .equal, worker).returning("id").all().count
            try await sql.delete(from: "subject_links").where("worker_id", .equal, worker).run()
            try await sql.delete(from: "passport_codes").where("worker_id", .equal, worker).run()
            try await sql.delete(from: "work_wishes").where("worker_id", .equal, worker).run()
            let vacancyIDs = try await sql.delete(from: "vacancies").where("employer_user_id", .equal, worker).returning("id").all()
                .map { try $0.decode(column: "id", as: String.self) }
            try await sql.delete(from: "insight_files").where("owner_user_id", .equal, worker).run()
            // Open course reservations end with the account: no course can be paid for a person who is gone.
            let reservations = ReservationStore(database: db)
            for open in try await reservations.reservations(worker: worker) where open.state == .open || open.state == .awaitingApproval {
                _ = try await reservations.release(id: open.id, cause: "account-deleted", now: dependencies.now())
            }
            try await sql.delete(from: "leermiles_consent").where("worker_id", .equal, worker).run()
            try await sql.delete(from: "leermiles_funder_members").where("user_id", .equal, worker).run()
            try await sql.update("issuers").set("owner_user_id", to: SQLLiteral.null).where("owner_user_id", .equal, worker).run()
            try await APITokenModel.query(on: db).filter(\.$userID == user.uuid).delete()
            try await UserModel.query(on: db).filter(\.$id == user.uuid).delete()
            let receipt = DeletionReceipt(
                id: dependencies.token(bytes: 12), deletedAt: dependencies.now(),
                recordsDeleted: records, sharesDeleted: shareIDs.count)
            try await sql.insert(into: "deletion_receipts").columns("id", "deleted_at", "records_deleted", "shares_deleted")
                .values(SQLBind(receipt.id), SQLBind(receipt.deletedAt), SQLBind(receipt.recordsDeleted), SQLBind(receipt.sharesDeleted)).run()
            return (receipt, vacancyIDs)
        }
        // A deleted employer's vacancies leave the in-memory board at once.
        if !vacancyIDs.isEmpty { careerData.remove(ids: Set(vacancyIDs)) }
        // A deleted analyst's reports leave memory at once.
        insightRuns.forgetAll(owner: user)
        return receipt
    }
}
