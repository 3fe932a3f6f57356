// ReconstructionDrift+Summaries: reconstruction drift between two sources that compute it where the data is
// (tables): the PCA fitted from the reference's sufficient statistics (means, and sums of products of deviations
// from them; a categorical column encoded by its categories' shares of the reference), then each chunk's errors
// summarised by the source, the chunk a GROUP BY key.
// Equal to the in-memory result on the same rows up to rounding: the fit's statistics are sums in another order
// (two-pass: centred on the means before the products are summed), and each row's error is the same arithmetic.

extension ReconstructionDrift {
    public init(
        reference: any ReconstructionSummarySource, analysis: any ReconstructionSummarySource, columns: [String]? = nil,
        chunking: Chunking, threshold: MonitorThreshold? = nil
    ) throws {
        let names = columns ?? reference.columnNames.filter(analysis.columnNames.contains)
        guard names.count >= 2 else { throw DataError("reconstruction drift needs at least two columns, got \(names.count)") }
        let statistics = try reference.reconstructionStatistics(names)
        let pca = try ReconstructionPCA(statistics)
        let referenceErrors = try reference.reconstructionErrors(names, pca, encodings: statistics.encodings, chunking: chunking)
        guard !referenceErrors.isEmpty else { throw chunking.noChunks("the reference") }
        let analysisErrors = try analysis.reconstructionErrors(names, pca, encodings: statistics.encodings, chunking: chunking)
        guard !analysisErrors.isEmpty else { throw chunking.noChunks("the analysis data") }
        self.init(columns: names, chunking: chunking, components: pca.components.count, threshold: threshold,
                  reference: referenceErrors, analysis: analysisErrors)
    }
}
