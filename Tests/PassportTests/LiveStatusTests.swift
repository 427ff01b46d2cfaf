import Foundation
import Passport
import Testing

@Suite struct LiveStatusTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func selfDeclaredRecordsAreNeverCalledValid() {
        #expect(LiveStatus.of(issued: false, revokedAt: nil, keyActive: true, validFrom: nil, validUntil: nil, now: now) == .selfDeclared)
    }

    @Test func revocationWinsOverEverythingElse() {
        let at = now.addingTimeInterval(-60)
        #expect(LiveStatus.of(issued: true, revokedAt: at, keyActive: false, validFrom: nil, validUntil: at, now: now) == .revoked(at))
    }

    @Test func keyAndValidityPeriod() {
        #expect(LiveStatus.of(issued: true, revokedAt: nil, keyActive: false, validFrom: nil, validUntil: nil, now: now) == .keyWithdrawn)
        let past = now.addingTimeInterval(-1)
        let future = now.addingTimeInterval(1)
        #expect(LiveStatus.of(issued: true, revokedAt: nil, keyActive: true, validFrom: nil, validUntil: past, now: now) == .expired(past))
        #expect(LiveStatus.of(issued: true, revokedAt: nil, keyActive: true, validFrom: nil, validUntil: now, now: now) == .expired(now))
        #expect(LiveStatus.of(issued: true, revokedAt: nil, keyActive: true, validFrom: future, validUntil: nil, now: now) == .notYetValid(future))
        #expect(LiveStatus.of(issued: true, revokedAt: nil, keyActive: true, validFrom: past, validUntil: future, now: now) == .valid)
        #expect(LiveStatus.valid.code == "valid" && LiveStatus.keyWithdrawn.code == "key-withdrawn")
    }
}
