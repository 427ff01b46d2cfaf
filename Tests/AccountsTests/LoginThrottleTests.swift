import Testing

@testable import Accounts

@Suite struct LoginThrottleTests {
    @Test func fiveWrongPasswordsFromOneAddressLockOnlyThatPair() {
        var throttle = LoginThrottle()
        for i in 0..<5 { #expect(throttle.attempt(account: "sam", client: "A", now: Double(i)) == .check) }
        #expect(throttle.attempt(account: "sam", client: "A", now: 5) == .wait(seconds: 899))
        // The owner elsewhere waits for the account's spacing only (1 s after five failures), not 15 minutes.
        #expect(throttle.attempt(account: "sam", client: "B", now: 4.5) == .wait(seconds: 1))
        #expect(throttle.attempt(account: "sam", client: "B", now: 5.5) == .check)
        throttle.succeeded(account: "sam", client: "B")
        #expect(throttle.attempt(account: "sam", client: "B", now: 6) == .check)
        #expect(throttle.attempt(account: "sam", client: "A", now: 6) == .wait(seconds: 898), "the guessing pair stays locked")
        #expect(throttle.attempt(account: "sam", client: "A", now: 906) == .check)
    }

    @Test func guessingFromManyAddressesIsSpacedOutButNeverLocksTheOwnerForLong() {
        var throttle = LoginThrottle()
        var now = 0.0
        var checked = 0
        // A stranger with a fresh address for every guess, as fast as the throttle lets them.
        for guess in 0..<200 {
            switch throttle.attempt(account: "sam", client: "10.0.0.\(guess)", now: now) {
            case .check: checked += 1
            case .wait(let seconds):
                #expect(seconds <= 60)
                now += Double(seconds)
            }
        }
        // Five free, then after 1, 2, 4 … 32 s, then one a minute.
        #expect(Double(checked) <= 12 + now / 60, "spaced out: \(checked) guesses checked in \(now) s")
        // Whenever the owner comes, they wait at most a minute.
        guard case .wait(let seconds) = throttle.attempt(account: "sam", client: "owner", now: now) else { return }
        #expect(seconds <= 60)
        #expect(throttle.attempt(account: "sam", client: "owner", now: now + 60) == .check)
    }

    @Test func oneAddressSprayingManyAccountsIsLocked() {
        var throttle = LoginThrottle()
        for i in 0..<30 { #expect(throttle.attempt(account: "user\(i)", client: "A", now: Double(i)) == .check) }
        #expect(throttle.attempt(account: "someone", client: "A", now: 30) == .wait(seconds: 899))
        #expect(throttle.attempt(account: "someone", client: "B", now: 30) == .check)
    }

    @Test func anAttemptCountsBeforeItsCheckSoABurstGetsFiveChecks() {
        var throttle = LoginThrottle()
        let decisions = (0..<31).map { _ in throttle.attempt(account: "sam", client: "A", now: 0) }
        #expect(decisions.filter { $0 == .check }.count == 5)
    }
}
