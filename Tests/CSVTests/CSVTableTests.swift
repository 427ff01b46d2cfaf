import Testing

@testable import CSV

@Suite struct CSVTableTests {
    func table(_ text: String) throws(CSVError) -> CSVTable { try CSVTable(bytes: Array(text.utf8)) }

    @Test func readsQuotedMultiLineFieldsAndKeepsLineNumbers() throws {
        let t = try table("a,b\n1,\"x\ny, \"\"z\"\"\"\n2,plain\r\n")
        #expect(t.header == ["a", "b"])
        #expect(t.records == [["1", "x\ny, \"z\""], ["2", "plain"]])
        #expect(t.lines == [2, 4])
    }

    @Test func rejectsEmptyFiles() {
        #expect(throws: CSVError(line: 1, .empty)) { try table("") }
    }

    @Test func rejectsARowWithTheWrongNumberOfFields() {
        #expect(throws: CSVError(line: 3, .fieldCount(3, header: 2))) { try table("a,b\n1,2\n1,2,3\n") }
    }

    @Test func rejectsAnUnclosedQuote() {
        #expect(throws: CSVError(line: 2, .unclosedQuote)) { try table("a,b\n1,\"open\n") }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: CSVError(line: 2, field: 2, .notUTF8)) {
            try CSVTable(bytes: Array("a,b\n1,".utf8) + [0xE9] + Array("t\n".utf8))
        }
    }

    @Test func namesAMissingColumn() throws {
        let t = try table("a,b\n1,2\n")
        #expect(throws: CSVError(line: 1, .missingColumn("c"))) { try t.columns(["a", "c"]) }
    }
}
