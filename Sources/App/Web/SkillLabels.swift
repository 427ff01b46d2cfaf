import Localization
import Taxonomy

extension Lang {
    /// The ESCO language of this reader.
    var escoLanguage: Language { isEnglish ? .en : .nl }
}

/// A skill's label as page text: Dutch on a Dutch page where ESCO has it; otherwise the English
/// label, marked `lang="en"` so screen readers pronounce it as English.
func skillLabel(_ label: ShownLabel, _ lang: Lang) -> Node {
    label.language == lang.escoLanguage ? text(label.text) : el("span", ["lang": label.language.rawValue], text(label.text))
}

/// A list item for a skill (`<li>` carries the language itself when the label is English).
func skillItem(_ label: ShownLabel, _ lang: Lang) -> Node {
    label.language == lang.escoLanguage ? el("li", text(label.text)) : el("li", ["lang": label.language.rawValue], text(label.text))
}
