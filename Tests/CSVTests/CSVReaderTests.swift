import Testing

@testable import CSV

@Suite struct CSVReaderTests {
    /// Every record, or the error in its place, as text.
    func read(_ bytes: [UInt8]) -> [String] {
        var reader = CSVReader(bytes)
        var out: [String] = []
        while true {
            do {
                guard let record = try reader.next() else { return out }
                out.append("\(reader.recordLine): " + record.joined(separator: "|"))
            } catch {
                out.append(error.description)
            }
        }
    }

    func read(_ text: String) -> [String] { read(Array(text.utf8)) }

    @Test func readsCRLFAByteOrderMarkAndBlankLines() {
        #expect(read([0xEF, 0xBB, 0xBF] + Array("a,b\r\n\r\n1,\"x\r\ny\"\r\n".utf8)) == ["1: a|b", "3: 1|x\r\ny"])
    }

    @Test func goesOnAfterABadRecordAndNamesEachOne() {
        #expect(
            read("a,b\n1,x\"y\n2,\"q\"z\n3,ok\n") == [
                "1: a|b",
                "line 2: a quote inside an unquoted field (field 2)",
                "line 3: text after a closing quote (field 2)",
                "4: 3|ok",
            ])
        #expect(read(Array("a\n".utf8) + [0xFF] + Array(",b\nc\n".utf8)) == ["1: a", "line 2: not valid UTF-8 (field 1)", "3: c"])
    }

    @Test func aLastLineWithoutLineEndIsARecord() {
        #expect(read("a,b\n1,2") == ["1: a|b", "2: 1|2"])
        #expect(read("a,\"\"") == ["1: a|"])
    }

    @Test func anUnclosedQuoteNamesTheLineItStartsOn() {
        #expect(read("a\n\"open\nmore\n") == ["1: a", "line 2: a quoted field is never closed"])
    }

    @Test func theWriterQuotesOnlyWhatNeedsItAndReadsBack() throws {
        let fields = ["plain", "with, comma", "say \"hi\"", "two\nlines", "", "Zoë"]
        #expect(CSVWriter.row(["a", "b"]) == "a,b\n")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        var reader = CSVReader(Array(CSVWriter.row(fields).utf8))
        #expect(try reader.next() == fields)
        #expect(try reader.next() == nil)
    }
}
