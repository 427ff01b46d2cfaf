import Foundation
import Taxonomy
import TaxonomySource

/// Files the repository ships that tests read: found from this file's place in the checkout.
public enum RepositoryFiles {
    /// The checkout's root directory.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// data/places/nl-places.tsv: Dutch places with coordinates.
    public static let placesFile = root.appendingPathComponent("data/places/nl-places.tsv").path

    /// docs/standard/v0.1: the work record standard, its schema and examples.
    public static let standardDirectory = root.appendingPathComponent("docs/standard/v0.1").path
}

/// The ESCO files shipped in the repository, loaded once for all tests that need the real data.
public enum RealESCO {
    public static let directory = RepositoryFiles.root.appendingPathComponent("data/esco").path

    public static let dataset: TaxonomyDataset = {
        do { return try ESCODistribution(directory: directory).load().dataset } catch {
            fatalError("The ESCO files in \(directory) must load: \(error)")
        }
    }()

    public static let index = TaxonomyIndex(dataset: dataset)
}
