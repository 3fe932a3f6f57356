// DriftMethodTests: the drift-method descriptors agree with the implementations (the dispatch enums, the
// p-value or distance each returns, which run on summaries), and the docs' methods table is the one
// `DriftMethodDescriptor.markdownTable()` renders.
import Foundation
import Testing
@testable import DriftCore

@Suite struct DriftMethodTests {
    @Test func everyImplementationHasOneDescriptorOfItsKind() {
        let names = DriftMethodDescriptor.names
        #expect(Set(names).count == names.count)
        let numeric = Set(NumericDriftMethod.allCases.map(\.rawValue))
        let categorical = Set(CategoricalDriftMethod.allCases.map(\.rawValue))
        #expect(Set(names) == numeric.union(categorical))
        for method in DriftMethodDescriptor.all {
            #expect(method.takesNumbers == numeric.contains(method.name), "\(method.name)")
            #expect(method.takesCategories == categorical.contains(method.name), "\(method.name)")
        }
    }

    @Test func theVerdictMatchesWhatTheTestReturns() throws {
        let reference = (0..<60).map { Double($0 % 17) }, current = (0..<50).map { Double($0 % 13) + 2 }
        for method in NumericDriftMethod.allCases {
            let result = try DriftTests.run(method, reference: reference, current: current)
            #expect((result.pValue != nil) == method.descriptor.givesPValue, "\(method.rawValue)")
            #expect(result.threshold == method.descriptor.defaultThreshold, "\(method.rawValue)")
        }
        let a = Column.text(TextColumn(["a", "b", "a", "b", "a"])), b = Column.text(TextColumn(["b", "b", "a", "b"]))
        for method in CategoricalDriftMethod.allCases {
            let result = try DriftTests.run(method, reference: a, current: b)
            #expect((result.pValue != nil) == method.descriptor.givesPValue, "\(method.rawValue)")
            #expect(result.threshold == method.descriptor.defaultThreshold, "\(method.rawValue)")
        }
    }

    @Test func methodsThatNeedEveryValueAreRefusedOnSummaries() {
        #expect(DriftTests.summaryMethods == [
            "ks_test", "t_test", "wasserstein", "wasserstein_normed", "psi", "kl_divergence", "js_distance", "hellinger",
            "tvd", "chi2_test", "z_test",
        ])
        for method in DriftMethodDescriptor.all where !method.runsOnSummaries {
            #expect(["cvm_test", "anderson_test", "mann_whitney", "energy_distance", "mmd"].contains(method.name))
        }
    }

    /// The file of README.md and docs/*.md holding the `marker` markers (`<!-- marker:begin -->`), and the text
    /// between them.
    static func documentedTable(_ marker: String) throws -> (file: String, table: String)? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let docs = root.appendingPathComponent("docs")
        let pages = ((try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        for file in [root.appendingPathComponent("README.md")] + pages.map({ docs.appendingPathComponent($0) }) {
            guard let text = try? String(contentsOf: file, encoding: .utf8),
                  let begin = text.range(of: "<!-- \(marker):begin -->\n"),
                  let end = text.range(of: "<!-- \(marker):end -->", range: begin.upperBound..<text.endIndex) else { continue }
            return (file.lastPathComponent, String(text[begin.upperBound..<end.lowerBound]))
        }
        return nil
    }

    @Test(arguments: [
        ("drift-methods", DriftMethodDescriptor.markdownTable()),
        ("drift-alternatives", DriftMethodDescriptor.alternativesMarkdownTable()),
    ])
    func theDocsTableIsTheGeneratedOne(_ marker: String, _ generated: String) throws {
        let documented = try #require(try Self.documentedTable(marker), "no <!-- \(marker):begin --> marker in README.md or docs/*.md")
        #expect(documented.table == generated,
                "\(documented.file): replace the table between the \(marker) markers with:\n\(generated)")
    }
}
