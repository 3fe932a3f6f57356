// ChunkOrderTests: the chunks' numbers sorted from one sort of the whole column equal each chunk sorted on its own,
// and the reference counts beside them equal a count of the reference, on values with ties, missing values,
// infinities and rows outside every chunk; the radix sort it rests on moves each key's payload with it.
import Testing
@testable import DriftCore

@Suite struct ChunkOrderTests {
    /// Values on a coarse grid (so the reference and the chunks share many ties), with missing values and infinities.
    static func column(_ count: Int, _ generator: inout SeededGenerator) -> [Double] {
        (0..<count).map { _ in
            switch Int.random(in: 0..<50, using: &generator) {
            case 0: return .nan
            case 1: return .infinity
            case 2: return -.infinity
            default: return (Double.random(in: -3...3, using: &generator) * 20).rounded() / 20
            }
        }
    }

    @Test func radixSortCarriesEachKeysPayload() throws {
        var generator = SeededGenerator(seed: 5)
        for count in [2, 3, 5000, 70000] {
            let values = Self.column(count, &generator).filter { !$0.isNaN }
            var keys = values.map(RadixSort.key)
            var positions = values.indices.map { UInt32($0) }
            try RadixSort.sort(&keys, carrying: &positions)
            #expect(keys.map(RadixSort.value) == values.sorted())
            #expect(positions.map { values[Int($0)] } == keys.map(RadixSort.value))
            #expect(Set(positions) == Set(values.indices.map { UInt32($0) }))
        }
    }

    @Test func sortedChunksEqualEachChunkSortedWithItsReferenceCounts() throws {
        var generator = SeededGenerator(seed: 9)
        var reference = Self.column(5000, &generator).filter { !$0.isNaN }
        try reference.sortAscending()
        let column = Self.column(4000, &generator)
        // Uneven chunks, leaving rows 0..<7 and 3990... outside every chunk.
        let bounds = [7, 300, 301, 2500, 3990]
        let chunks = zip(bounds, bounds.dropFirst()).enumerated().map { Chunk(index: $0, rows: $1.0..<$1.1) }
        for counted in [true, false] {
            let sorted = try ChunkOrder.sortedChunks(column, chunks: chunks, rankingIn: counted ? reference : nil)
            #expect(sorted.count == chunks.count)
            for (chunk, result) in zip(chunks, sorted) {
                let expected = column[chunk.rows].filter { !$0.isNaN }.sorted()
                #expect(result.values == expected)
                if counted {
                    #expect(result.referenceBelow == expected.map { value in reference.count { $0 < value } })
                    #expect(result.referenceAtOrBelow == expected.map { value in reference.count { $0 <= value } })
                } else {
                    #expect(result.referenceBelow.isEmpty && result.referenceAtOrBelow.isEmpty)
                }
            }
        }
    }
}
