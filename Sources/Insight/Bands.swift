/// The age bands of the Almere study's tables (the study covers ages 15 to 65).
public enum AgeBand: Int, Sendable, CaseIterable {
    case under25, from25, from35, from45, from55

    public init(age: Int) {
        switch age {
        case ..<25: self = .under25
        case 25..<35: self = .from25
        case 35..<45: self = .from35
        case 45..<55: self = .from45
        default: self = .from55
        }
    }

    /// The ages a synthetic person in this band is drawn from.
    var ages: ClosedRange<Int> {
        switch self {
        case .under25: 15...24
        case .from25: 25...34
        case .from35: 35...44
        case .from45: 45...54
        case .from55: 55...65
        }
    }
}

/// The yearly income bands of the Almere study's table 2.3, with "unknown" as its own band.
public enum IncomeBand: Int, Sendable, CaseIterable {
    case under10k, from10k, from20k, from30k, from40k, over50k, unknown

    public init(euros: Double?) {
        guard let euros else { self = .unknown; return }
        switch euros {
        case ..<10_000: self = .under10k
        case ..<20_000: self = .from10k
        case ..<30_000: self = .from20k
        case ..<40_000: self = .from30k
        case ..<50_000: self = .from40k
        default: self = .over50k
        }
    }

    /// The incomes a synthetic person in this band is drawn from (nil: unknown).
    var euros: ClosedRange<Int>? {
        switch self {
        case .under10k: 1_500...9_999
        case .from10k: 10_000...19_999
        case .from20k: 20_000...29_999
        case .from30k: 30_000...39_999
        case .from40k: 40_000...49_999
        case .over50k: 50_000...95_000
        case .unknown: nil
        }
    }
}

extension PersonRecord.HoursBand {
    /// The weekly hours a synthetic person in this band is drawn from, in half hours.
    var halfHours: ClosedRange<Int> {
        switch self {
        case .under12: 4...23
        case .from12: 24...39
        case .from20: 40...49
        case .from25: 50...59
        case .from30: 60...69
        case .over35: 70...80
        }
    }
}
