import Testing

@testable import Passport

@Suite struct JSONValueTests {
    @Test func parsesAndWritesBackInAStableOrder() throws {
        let value = try JSONValue.parse(#" {"b": [1, 2.5, -3e2, true, null], "a": "é\n\u00e9\ud83d\ude00"} "#)
        #expect(value.serialized() == #"{"a":"é\né😀","b":[1,2.5,-300,true,null]}"#)
    }

    @Test(arguments: [
        ("", "empty JSON text"),
        (#"{"a":1,"a":2}"#, "member \"a\" appears twice"),
        (#"{"a":1} x"#, "unexpected data after the JSON value"),
        (#"[01]"#, "expected ',' or ']'"),
        (#""\ud800""#, "lone surrogate in \\u escape"),
        (#"{"a" 1}"#, "expected ':' after a member name"),
        ("[1e999]", "number out of range"),
    ])
    func refusesWhatALenientParserWouldAccept(text: String, reason: String) {
        #expect { try JSONValue.parse(text) } throws: { ($0 as? JSONParseError)?.reason == reason }
    }

    @Test func refusesInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0xFF, 0xFE, 0x22]) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) }
    }
}

@Suite struct Base64URLTests {
    @Test func decodesWhatItEncodesForEveryLength() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(($0 * 37 + 11) % 256) }
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
    }

    @Test func refusesPaddingForeignCharactersAndImpossibleLengths() {
        #expect(Base64URL.decode("QQ==") == nil)
        #expect(Base64URL.decode("a+b/") == nil)
        #expect(Base64URL.decode("QUJDR") == nil)
        #expect(Base64URL.decode("QR") == nil, "non-zero leftover bits are not canonical")
        #expect(Base64URL.decode("QQ") == [0x41])
    }
}
