/// The language a person reads Loopbrug in: Dutch unless they chose English. Pages, files
/// (KlusCV, statements, reports) and the command line all take one of these.
public enum Lang: String, Sendable, CaseIterable {
    case nl, en

    /// The BCP 47 code, as in `<html lang>`.
    public var code: String { rawValue }

    public var isEnglish: Bool { self == .en }

    /// Picks the Dutch or English text.
    public func t(_ dutch: String, _ english: String) -> String { isEnglish ? english : dutch }
}
