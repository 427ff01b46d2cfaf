import Foundation
import Identifiers
import Testing

@Suite struct UserIDTests {
    @Test func oneStringFormWhateverTheCaseItWasReadIn() throws {
        let upper = try #require(UserID("6F1C2B9E-0000-4000-8000-00000000000A"))
        let lower = try #require(UserID("6f1c2b9e-0000-4000-8000-00000000000a"))
        #expect(upper == lower)
        #expect(upper.string == "6f1c2b9e-0000-4000-8000-00000000000a")
        #expect("\(upper)" == upper.string, "interpolation gives the stored form, never uuidString")
        #expect(UserID(upper.uuid) == upper)
    }

    @Test func anythingButAUUIDIsNoID() {
        for text in ["", "ana", "6f1c2b9e-0000-4000-8000", "6f1c2b9e-0000-4000-8000-00000000000a ", "'; drop table users; --"] {
            #expect(UserID(text) == nil, "\(text)")
        }
    }
}
