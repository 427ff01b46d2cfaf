import Foundation
import TestSupport
import Testing

@testable import Archives
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

    /// The audit's gzip of 509 KB grew to 512 MB before it failed: unpacking stops at the cap.
    @Test func aGzipBombStopsAtTheCap() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "head -c 8000000 /dev/zero | gzip -9 -c"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let bomb = [UInt8](out.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        #expect(bomb.count < 20_000)
        #expect(throws: ArchiveError(reason: "it unpacks to more than 1 MB")) { try gunzip(bomb, limit: 1 << 20) }
        #expect(try gunzip(bomb).count == 8_000_000)
    }
}
