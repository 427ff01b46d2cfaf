import Passport

/// A JSON string literal. Used for the search endpoint, the hottest route, where Foundation's
/// JSONEncoder costs more than the search itself.
func jsonStringLiteral(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count + 2)
    JSONValue.writeString(s, to: &out)
    return out
}

extension OccupationController.SearchResult {
    var json: String {
        "{\"uri\":\(jsonStringLiteral(uri)),\"label\":\(jsonStringLiteral(label)),\"score\":\(score)}"
    }
}

extension OccupationController.SkillResult {
    var json: String {
        "{\"uri\":\(jsonStringLiteral(uri)),\"label\":\(jsonStringLiteral(label)),\"lang\":\(jsonStringLiteral(lang))}"
    }
}
