import Foundation
import Taxonomy
import TestSupport
import Testing

@testable import TaxonomySource

@Suite struct ESCODistributionTests {
    @Test func loadsEveryConceptAndRelationOfTheRelease() throws {
        let data = RealESCO.dataset
        #expect(data.occupations.count == 3007)
        #expect(data.skills.count == 13896)
        #expect(data.occupationSkills.count == 123_855)
        #expect(data.iscoGroups.count == 619)
        #expect(data.skillGroups.count == 640)
        #expect(data.skillBroader.count == 20656)
        #expect(data.skillRelations.count == 5899)
        #expect(data.occupations.allSatisfy { $0.labels[.nl] != nil && $0.labels[.en] != nil })
        let cashier = try #require(data.occupations.first { $0.labels[.en]?.preferred == "cashier" })
        #expect(cashier.labels[.nl]?.preferred == "kassamedewerker")
        #expect(cashier.labels[.nl]?.alternative.contains("kassière") == true)
        #expect(cashier.iscoGroup == "5230")
    }

    /// The audit: skills showed in English on every Dutch page. ESCO's partial Dutch file names
    /// 7,008 skills; the others keep their English label, and say so.
    @Test func dutchSkillLabelsAreReadWhereESCOHasThem() throws {
        let skills = RealESCO.dataset.skills
        #expect(skills.filter { $0.dutchLabel != nil }.count == 7008)
        let payments = try #require(RealESCO.index.skill(uri: "http://data.europa.eu/esco/skill/bdcac0c8-b77a-4640-9eaf-c0cf3efd1e23"))
        #expect(payments.label(in: .nl) == ShownLabel(text: "betalingen verwerken", language: .nl))
        #expect(payments.label(in: .en) == ShownLabel(text: "process payments", language: .en))
        let english = try #require(skills.first { $0.dutchLabel == nil })
        #expect(english.label(in: .nl).language == .en, "no Dutch label: the English one, marked as English")
    }

    @Test func skillsAreFoundByNameInDutchAndEnglish() {
        let search = RealESCO.index.skillSearch
        #expect(search.search("betalingen verwerken", limit: 1).first?.label == "process payments")
        #expect(search.search("process payments", limit: 1).first?.dutchLabel == "betalingen verwerken")
        #expect(search.search("kassa beheren", limit: 3).contains { $0.label == "manage cash desk" })
        #expect(search.search("meubelen schoonmaken", limit: 1).first?.dutchLabel == "meubelen schoonmaken")
        #expect(search.search("MEUBELEN schoonmäken", limit: 1).first?.dutchLabel == "meubelen schoonmaken", "case and diacritics do not matter")
        #expect(search.search("x").isEmpty && search.search("   ").isEmpty)
    }

    @Test func aMissingFileIsNamed() throws {
        let dir = try FixtureDirectory.copyOfRealDistribution(omitting: ESCODistribution.relationsFile)
        #expect(throws: TaxonomySourceError(file: "\(dir)/\(ESCODistribution.relationsFile)", reason: "file not found")) {
            _ = try ESCODistribution(directory: dir).load()
        }
    }

    @Test func aChangedFileFailsItsChecksum() throws {
        let dir = try FixtureDirectory.copyOfRealDistribution()
        let path = "\(dir)/\(ESCODistribution.dutchOccupationsFile)"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[1000] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            _ = try ESCODistribution(directory: dir).load()
            Issue.record("a corrupt file must not load")
        } catch {
            #expect(error.file == path)
            #expect(error.reason.contains("checksum mismatch"))
        }
    }

    @Test func aMalformedChecksumListNamesItsLine() throws {
        let dir = try FixtureDirectory.copyOfRealDistribution()
        try "not a checksum line\n".write(toFile: "\(dir)/SHA256SUMS", atomically: true, encoding: .utf8)
        #expect(throws: TaxonomySourceError(file: "\(dir)/SHA256SUMS", line: 1, reason: "expected \"<sha256 hex>  <file name>\"")) {
            _ = try ESCODistribution(directory: dir).verifyChecksums()
        }
    }
}

/// Temporary copies of the distribution that tests may damage.
enum FixtureDirectory {
    static func make() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("loopbrug-esco-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func copyOfRealDistribution(omitting omitted: String? = nil) throws -> String {
        let dir = try make()
        for file in ESCODistribution.files + [ESCODistribution.checksumFile] where file != omitted {
            try FileManager.default.copyItem(atPath: "\(RealESCO.directory)/\(file)", toPath: "\(dir)/\(file)")
        }
        return dir
    }
}
