import Foundation
import Testing

@testable import Archives

@Suite struct ArchivesTests {
    @Test func crc32IsTheOneZipUses() {
        #expect(crc32Of(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(crc32Of([]) == 0)
    }

    @Test func gzipRoundTripsAndGunzipKeepsItsCap() throws {
        let text = Array(String(repeating: "Loopbrug werkpaspoort ", count: 2000).utf8)
        let packed = gzip(text)
        #expect(packed.starts(with: [0x1F, 0x8B]) && packed.count < text.count / 10)
        #expect(try gunzip(packed) == text)
        #expect(throws: ArchiveError(reason: "it unpacks to more than 1000 bytes")) { try gunzip(packed, limit: 1000) }
        #expect(throws: ArchiveError(reason: "not a gzip file")) { try gunzip(text) }
    }

    @Test func whatTheWriterZipsTheReaderReadsBack() throws {
        var writer = ZipWriter()
        writer.add("paspoort.json", Data(#"{"naam":"Zoë"}"#.utf8))
        writer.add("map/kluscv.pdf", Data([0x25, 0x50, 0x44, 0x46]))
        let archive = try ZipArchive(bytes: [UInt8](writer.finish()))
        #expect(archive.entries.map(\.name) == ["paspoort.json", "map/kluscv.pdf"])
        #expect(try archive.read("paspoort.json") == Array(#"{"naam":"Zoë"}"#.utf8))
        #expect(try archive.read("map/kluscv.pdf") == [0x25, 0x50, 0x44, 0x46])
    }

    @Test func theSameFilesGiveTheSameBytes() {
        func zip() -> Data {
            var writer = ZipWriter()
            writer.add("a.txt", Data("a".utf8))
            return writer.finish()
        }
        #expect(zip() == zip())
    }
}
