import Archives
import CSV
import Crypto
import Foundation
import Taxonomy

/// The ESCO v1.1.1 files as shipped in `data/esco/`: two zips from the ESCO portal, the Dutch
/// occupation and (partial) skill labels as gzip, and a SHA256SUMS file that every file must match before it is read.
public struct ESCODistribution: Sendable {
    public static let version = "1.1.1"
    public static let classificationFile = "esco-v1.1.1-classification-en-csv.zip"
    public static let relationsFile = "esco-v1.1.1-relations-csv.zip"
    public static let dutchOccupationsFile = "occupations_nl.csv.gz"
    public static let dutchSkillsFile = "skills_nl_partial.csv.gz"
    public static let checksumFile = "SHA256SUMS"
    public static let files = [classificationFile, relationsFile, dutchOccupationsFile, dutchSkillsFile]

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Checks every file against SHA256SUMS; returns file name → SHA-256 hex.
    public func verifyChecksums() throws(TaxonomySourceError) -> [String: String] {
        let listed = try expectedChecksums()
        var result: [String: String] = [:]
        for file in Self.files {
            guard let expected = listed[file] else {
                throw TaxonomySourceError(file: path(Self.checksumFile), reason: "no checksum listed for \(file)")
            }
            let actual = SHA256.hash(data: try read(file)).map { String(format: "%02x", $0) }.joined()
            guard actual == expected else {
                throw TaxonomySourceError(file: path(file), reason: "checksum mismatch: the file is damaged or changed (expected SHA-256 \(expected.prefix(12))…, got \(actual.prefix(12))…)")
            }
            result[file] = actual
        }
        return result
    }

    /// Verifies the checksums, then reads and cross-checks every file into one dataset.
    /// Nothing is written anywhere: a failure leaves the caller's data as it was.
    public func load(progress: (String) -> Void = { _ in }) throws(TaxonomySourceError) -> (dataset: TaxonomyDataset, checksums: [String: String]) {
        progress("checking checksums")
        let checksums = try verifyChecksums()
        progress("unpacking")
        let classification = try zip(Self.classificationFile)
        let relations = try zip(Self.relationsFile)
        let dutch = try gunzipped(Self.dutchOccupationsFile)
        let dutchSkills = try gunzipped(Self.dutchSkillsFile)

        var parser = ESCOParser(source: { [directory] file, entry in
            entry.map { "\(directory)/\(file) › \($0)" } ?? "\(directory)/\(file)"
        })
        progress("reading occupations")
        try parser.readOccupations(
            try table(classification, Self.classificationFile, "occupations_en.csv"), language: .en,
            file: Self.classificationFile, entry: "occupations_en.csv")
        try parser.readOccupations(
            try csv(dutch, Self.dutchOccupationsFile, nil), language: .nl,
            file: Self.dutchOccupationsFile, entry: nil)
        progress("reading skills")
        try parser.readSkills(
            try table(classification, Self.classificationFile, "skills_en.csv"),
            file: Self.classificationFile, entry: "skills_en.csv")
        try parser.readDutchSkills(try csv(dutchSkills, Self.dutchSkillsFile, nil), file: Self.dutchSkillsFile)
        try parser.readISCOGroups(
            try table(classification, Self.classificationFile, "ISCOGroups_en.csv"),
            file: Self.classificationFile, entry: "ISCOGroups_en.csv")
        try parser.readSkillGroups(
            try table(classification, Self.classificationFile, "skillGroups_en.csv"),
            file: Self.classificationFile, entry: "skillGroups_en.csv")
        progress("reading relations")
        try parser.readOccupationSkills(
            try table(relations, Self.relationsFile, "occupationSkillRelations.csv"),
            file: Self.relationsFile, entry: "occupationSkillRelations.csv")
        try parser.readSkillBroader(
            try table(relations, Self.relationsFile, "broaderRelationsSkillPillar.csv"),
            file: Self.relationsFile, entry: "broaderRelationsSkillPillar.csv")
        try parser.readSkillRelations(
            try table(relations, Self.relationsFile, "skillSkillRelations.csv"),
            file: Self.relationsFile, entry: "skillSkillRelations.csv")
        return (try parser.finish(version: Self.version), checksums)
    }

    // MARK: - Files

    func path(_ file: String) -> String { "\(directory)/\(file)" }

    /// A gzip file of the distribution, unpacked.
    func gunzipped(_ file: String) throws(TaxonomySourceError) -> [UInt8] {
        let packed = [UInt8](try read(file))
        do { return try gunzip(packed) } catch { throw TaxonomySourceError(file: path(file), reason: error.reason) }
    }

    func read(_ file: String) throws(TaxonomySourceError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path(file), isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw TaxonomySourceError(file: path(file), reason: "file not found")
        }
        guard let data = FileManager.default.contents(atPath: path(file)) else {
            throw TaxonomySourceError(file: path(file), reason: "file cannot be read")
        }
        return data
    }

    func expectedChecksums() throws(TaxonomySourceError) -> [String: String] {
        let data = try read(Self.checksumFile)
        guard let text = String(data: data, encoding: .utf8) else {
            throw TaxonomySourceError(file: path(Self.checksumFile), reason: "not UTF-8 text")
        }
        var result: [String: String] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2, parts[0].count == 64, parts[0].allSatisfy(\.isHexDigit) else {
                throw TaxonomySourceError(
                    file: path(Self.checksumFile), line: number + 1,
                    reason: "expected \"<sha256 hex>  <file name>\"")
            }
            result[String(parts[1].trimmingPrefix("*"))] = parts[0].lowercased()
        }
        return result
    }

    func zip(_ file: String) throws(TaxonomySourceError) -> ZipArchive {
        let bytes = [UInt8](try read(file))
        do { return try ZipArchive(bytes: bytes) } catch {
            throw TaxonomySourceError(file: path(file), reason: error.reason)
        }
    }

    func table(_ archive: ZipArchive, _ file: String, _ entry: String) throws(TaxonomySourceError) -> CSVTable {
        let bytes: [UInt8]
        do { bytes = try archive.read(entry) } catch {
            throw TaxonomySourceError(file: path(file), reason: error.reason)
        }
        return try csv(bytes, file, entry)
    }

    func csv(_ bytes: [UInt8], _ file: String, _ entry: String?) throws(TaxonomySourceError) -> CSVTable {
        do { return try CSVTable(bytes: bytes) } catch {
            throw TaxonomySourceError(file: entry.map { "\(path(file)) › \($0)" } ?? path(file), line: error.line, reason: error.reason)
        }
    }
}
