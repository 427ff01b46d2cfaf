import Testing

@testable import Passport

@Suite struct DailyHoursTests {
    /// Six months of 4,300 hours is about 23.6 hours a day: one such record fits, two do not.
    @Test func overlappingRecordsMayNotPassTwentyFourHoursADay() {
        let halfYear = DailyHours.Span(first: 0, last: 181, hours: 4_300)
        #expect(WorkerLoad([]).overflow(adding: halfYear) == nil)
        let over = WorkerLoad([halfYear]).overflow(adding: halfYear)
        #expect(over?.day == 0 && abs((over?.hours ?? 0) - 8_600.0 / 182) < 1e-9)
        // Side by side, not overlapping: both fit.
        #expect(WorkerLoad([halfYear]).overflow(adding: DailyHours.Span(first: 182, last: 363, hours: 4_300)) == nil)
        // A short busy record inside a long light one: only the overlap counts.
        let light = DailyHours.Span(first: 0, last: 99, hours: 800)  // 8 a day
        #expect(WorkerLoad([light]).overflow(adding: DailyHours.Span(first: 50, last: 51, hours: 32)) == nil)  // 8 + 16
        #expect(WorkerLoad([light]).overflow(adding: DailyHours.Span(first: 50, last: 51, hours: 34))?.day == 50)  // 8 + 17
    }

    @Test func aWorkersLoadAddsUpDayByDay() {
        var load = WorkerLoad()
        for i in 0..<10 { load.add(DailyHours.Span(first: i * 3, last: i * 3 + 5, hours: 12)) }  // 2 a day, in pairs: 4 a day
        #expect(load.overflow(adding: DailyHours.Span(first: 0, last: 29, hours: 600)) == nil)  // 4 + 20
        let over = load.overflow(adding: DailyHours.Span(first: 0, last: 29, hours: 630))  // 4 + 21
        #expect(over?.day == 3 && over?.hours == 25, "the first busiest day: day 3 has two spans")
    }
}
