import Foundation
import Testing
@testable import TaxonomySource

@Suite struct ArchiveTests {
    @Test func readsADeflatedEntryFromTheRealZip() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(RealESCO.directory)/\(ESCODistribution.relationsFile)")))
        let zip = try ZipArchive(bytes: bytes)
        let csv = try zip.read("skillSkillRelations.csv")
        #expect(String(decoding: csv.prefix(16), as: UTF8.self) == "originalSkillUri")
    }

    @Test func aDamagedEntryFailsItsCRC() throws {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(RealESCO.directory)/\(ESCODistribution.relationsFile)")))
        let zip = try ZipArchive(bytes: bytes)
        let entry = try #require(zip.entries.first { $0.name == "skillSkillRelations.csv" })
        bytes[entry.localHeaderOffset + 30 + entry.name.utf8.count + 500] ^= 0x55
        #expect(throws: ArchiveError.self) { try ZipArchive(bytes: bytes).read("skillSkillRelations.csv") }
    }

    @Test func notAZipIsSaidSo() {
        #expect(throws: ArchiveError(reason: "not a zip archive (no end-of-directory record)")) {
            try ZipArchive(bytes: Array("hello, this is text and not a zip archive at all".utf8))
        }
    }

    @Test func aTruncatedGzipIsSaidSo() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(RealESCO.directory)/\(ESCODistribution.dutchOccupationsFile)")))
        #expect(throws: ArchiveError(reason: "the compressed data is truncated")) { try gunzip(Array(bytes.prefix(5000))) }
    }
}
