import Fluent
import Foundation
import SQLKit
import Taxonomy
import TaxonomySource
import TestSupport
import Testing

@testable import App

/// The ESCO import and the taxonomy tables, on every available database.
@Suite struct TaxonomyStorageTests {
    @Test(arguments: TestDatabase.available)
    func importsTheWholeReleaseOnceAndIsIdempotent(_ db: TestDatabase) async throws {
        try await withTestApp(db, seedTaxonomy: false) { app in
            // act
            let first = try await importTaxonomy(database: app.db, directory: RealESCO.directory)
            let counts = try await TaxonomyStore(database: app.db).counts()
            let second = try await importTaxonomy(database: app.db, directory: RealESCO.directory)
            _ = try await importTaxonomy(database: app.db, directory: RealESCO.directory, force: true)

            // check
            guard case .imported = first else { Issue.record("the first import must import"); return }
            guard case .upToDate = second else { Issue.record("the same files again must change nothing"); return }
            #expect(counts["esco_occupations"] == 3007)
            #expect(counts["esco_skills"] == 13896)
            #expect(counts["esco_occupation_skills"] == 123_855)
            #expect(counts["esco_isco_groups"] == 619)
            #expect(counts["esco_skill_groups"] == 640)
            #expect(counts["esco_skill_broader"] == 20656)
            #expect(counts["esco_skill_relations"] == 5899)
            #expect(try await TaxonomyStore(database: app.db).counts() == counts, "a forced re-import gives the same rows")

            try await app.taxonomy.reload(from: app.db)
            let index = try #require(app.taxonomy.index)
            #expect(index.searchOccupations("kassière", limit: 1).first?.occupation.label(in: .nl) == "kassamedewerker")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aDamagedFileIsRejectedAndTheDataStays(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup: a copy of the files with one byte changed
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esco-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for file in ESCODistribution.files + [ESCODistribution.checksumFile] {
                try FileManager.default.copyItem(atPath: "\(RealESCO.directory)/\(file)", toPath: "\(dir)/\(file)")
            }
            let path = "\(dir)/\(ESCODistribution.classificationFile)"
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            bytes[bytes.count / 2] ^= 1
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let before = try await TaxonomyStore(database: app.db).counts()

            // act + check
            await #expect(throws: TaxonomySourceError.self) {
                try await importTaxonomy(database: app.db, directory: dir, force: true)
            }
            #expect(try await TaxonomyStore(database: app.db).counts() == before)
            #expect(before["esco_occupations"] == 3)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aFailureHalfwayRollsBackEverything(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup: a dataset whose skills are fine but whose relations break the primary key
            var broken = Fixtures.taxonomy
            broken.occupations.append(
                Occupation(
                    uri: "http://data.europa.eu/esco/occupation/new", code: "1", iscoGroup: "1111",
                    labels: [.nl: LabelSet(preferred: "nieuw")]))
            broken.occupationSkills.append(broken.occupationSkills[0])
            let before = try await TaxonomyStore(database: app.db).counts()
            let lastImport = try await TaxonomyStore(database: app.db).latestImport()

            // act
            await #expect(throws: (any Error).self) {
                try await TaxonomyStore(database: app.db).replace(with: broken, checksums: [:], now: Date())
            }

            // check: the new occupation was never kept, the import log did not move
            #expect(try await TaxonomyStore(database: app.db).counts() == before)
            #expect(try await TaxonomyStore(database: app.db).latestImport()?.importedAt == lastImport?.importedAt)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theIndexLoadsWhatWasStored(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let loaded = try #require(try await TaxonomyStore(database: app.db).loadForIndex())
            #expect(loaded.occupations.count == 3)
            let cashier = try #require(loaded.occupations.first { $0.uri == Fixtures.cashierURI })
            #expect(cashier.labels[.nl]?.alternative == ["kassière", "caissière"])
            #expect(cashier.descriptions[.en] == "Cashiers handle payments.")
            #expect(loaded.occupationSkills.count == 4)
            #expect(loaded.skills.first { $0.uri.hasSuffix("s2") }?.type == .knowledge)
        }
    }

    @Test(arguments: TestDatabase.available)
    func emailAddressesAreUnique(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await createUser(app, email: "a@example.nl", role: .worker)
            await #expect(throws: (any Error).self) { _ = try await createUser(app, email: "a@example.nl", role: .coach) }
            #expect(try await UserModel.query(on: app.db).count() == 1)
        }
    }
}
