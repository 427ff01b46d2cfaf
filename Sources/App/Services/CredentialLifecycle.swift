import Fluent
import Foundation
import Passport
import Taxonomy
import Vapor

/// Credentials coming in and going out: an import stores signed records and pays their workers'
/// leermiles at once; a revocation ends a record and takes back what it earned. Both stand even
/// when the leermiles step fails: the next accrual batch does what is missing.
public struct CredentialLifecycle: Sendable {
    let passport: PassportService
    let store: PassportStore
    let taxonomy: TaxonomyIndex?
    let database: any Database
    let now: @Sendable () -> Date
    /// The hosted status lists change when a credential is revoked.
    let statusListCache: StatusListCache
    let logger: Logger

    /// Imports credentials and, when records were stored, pays their workers' points at once.
    /// The import stands even if paying fails: the next batch pays what is missing.
    public func importing(_ lines: [JSONLines.Line], from sender: ImportSender) async throws -> ImportReport {
        let report = try await passport.importCredentials(lines, from: sender, store: store, taxonomy: taxonomy, now: now())
        if report.succeeded && !report.workers.isEmpty {
            do {
                _ = try await LeermilesAccrual.run(database: database, now: now(), workers: report.workers)
            } catch {
                logger.error("leermiles accrual after an import failed; the next batch pays it: \(String(describing: type(of: error)))")
            }
        }
        return report
    }

    /// Revokes a credential and takes back at once what its record earned (reversal postings);
    /// false when the issuer has no such credential. The revocation stands even if the reversal
    /// fails: the next batch reverses what is missing.
    public func revoke(issuerID: String, credentialID: String) async throws -> Bool {
        guard let worker = try await store.revoke(issuerID: issuerID, credentialID: credentialID, now: now()) else { return false }
        statusListCache.invalidate(issuerID)
        do {
            _ = try await LeermilesAccrual.run(database: database, now: now(), workers: [worker])
        } catch {
            logger.error("leermiles reversal after a revocation failed; the next batch does it: \(String(describing: type(of: error)))")
        }
        return true
    }
}
