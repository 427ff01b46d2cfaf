import Taxonomy

/// The reachability model with its calibrated thresholds: what the app and the CLI ask questions of.
public struct CareerEngine: Sendable {
    public let model: ReachabilityModel
    public let thresholds: ViabilityThresholds

    public init(dataset: TaxonomyDataset, parameters: ReachabilityParameters = ReachabilityParameters()) {
        model = ReachabilityModel(dataset: dataset, parameters: parameters)
        thresholds = ViabilityThresholds(model: model)
    }

    /// An occupation by full URI or by the last segment of its URI.
    public func occupationIndex(_ idOrURI: String) -> Int? {
        if let i = model.index(of: idOrURI) { return i }
        return model.index(of: "http://data.europa.eu/esco/occupation/" + idOrURI)
    }
}
