import Foundation
import Passport
import Vapor

/// Credentials coming in and going out: an import stores signed records and pays their workers'
/// leermiles at once; a revocation ends a record and takes back what it earned. Both stand even
/// when the leermiles step fails: the next accrual batch does what is missing.
extension Application {
    /// Imports credentials and, when records were stored, pays their workers' points at once.
    /// The import stands even if paying fails: the next batch pays what is missing.
    public func importCredentials(_ lines: [JSONLines.Line], from sender: ImportSender) async throws -> ImportReport {
        let report = try await passport.importCredentials(lines, from: sender, store: passportStore, taxonomy: taxonomy.index, now: dependencies.now())
        if report.succeeded && !report.workers.isEmpty {
            do {
                _ = try await LeermilesAccrual.run(database: db, now: dependencies.now(), workers: report.workers)
            } catch {
                logger.error("leermiles accrual after an import failed; the next batch pays it: \(String(describing: type(of: error)))")
            }
        }
        return report
    }

    /// Revokes a credential and takes back at once what its record earned (reversal postings);
    /// false when the issuer has no such credential. The revocation stands even if the reversal
    /// fails: the next batch reverses what is missing.
    public func revokeCredential(issuerID: String, credentialID: String) async throws -> Bool {
        guard let worker = try await passportStore.revoke(issuerID: issuerID, credentialID: credentialID, now: dependencies.now()) else { return false }
        statusListCache.invalidate(issuerID)
        do {
            _ = try await LeermilesAccrual.run(database: db, now: dependencies.now(), workers: [worker])
        } catch {
            logger.error("leermiles reversal after a revocation failed; the next batch does it: \(String(describing: type(of: error)))")
        }
        return true
    }
}
