import Foundation
import Taxonomy
import TaxonomySource

/// The ESCO files shipped in the repository, loaded once for all tests that need the real data.
enum RealESCO {
    static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("data/esco").path
    }()

    static let dataset: TaxonomyDataset = {
        do { return try ESCODistribution(directory: directory).load().dataset } catch {
            fatalError("The ESCO files in \(directory) must load: \(error)")
        }
    }()

    static let index = TaxonomyIndex(dataset: dataset)
}
