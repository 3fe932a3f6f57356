// CSVBody: one pass over the rows after the header: cuts them into blocks, parses the blocks on one thread or
// several, and appends them in file order to the columns, giving back the input's pages as it goes.

import Dispatch
import Foundation
import Synchronization

/// One pass over the rows after the header.
struct CSVBody: Sendable {
    let input: CSVInput
    let start: Int
    let columnCount: Int
    let blockSize: Int
    let discard: (@Sendable (Range<Int>) -> Void)?
    var threadCount = 1
    /// How each column's cells are read.
    var modes: [CSVColumnMode]

    init(input: CSVInput, start: Int, modes: [CSVColumnMode], blockSize: Int, discard: (@Sendable (Range<Int>) -> Void)?) {
        self.input = input
        self.modes = modes
        columnCount = modes.count
        self.start = start
        self.blockSize = blockSize
        self.discard = discard
    }

    /// Every column (nil where it needs text) and the row count.
    func read(estimatedRows: Int) throws -> (columns: [Column?], rowCount: Int) {
        let boundaries = threadCount > 1 ? input.blockBoundaries(from: start, size: blockSize) : []
        let threads = min(threadCount, boundaries.count - 1)
        let progress = Progress.start("reading CSV", total: input.contentEnd - start)
        defer { progress.finish() }
        let sink = CSVBlockSink(
            modes: modes, threadCount: max(1, threads),
            estimatedRows: estimatedRows, discard: discard, progress: progress, start: start)
        if threads > 1 {
            try readInParallel(boundaries: boundaries, threads: threads, into: sink)
        } else {
            try readInOrder(into: sink)
        }
        return sink.finish()
    }

    /// Blocks found while reading, one after the other, on this thread (needed when quotes may hide line breaks).
    private func readInOrder(into sink: CSVBlockSink) throws {
        var parser = CSVBlockParser(input: input, columnCount: columnCount, modes: modes)
        defer { parser.deallocate() }
        var p = start
        while p < input.contentEnd {
            let end = try Self.parse(p..<(p + blockSize), with: &parser)
            sink.append(parser, thread: 0, end: end)
            p = end
        }
    }

    /// Blocks cut in advance at line breaks, taken by `threads` threads as they become free and appended in file
    /// order (a thread that finishes a block early waits for its turn). The first error in file order wins:
    /// once a block fails, no later block is started, and earlier ones still running may report an earlier error.
    /// The first block is read before the threads start, so the columns' final buffers are allocated by the
    /// calling thread (memory allocated on a worker thread stays in that thread's malloc arena once freed).
    private func readInParallel(boundaries: [Int], threads: Int, into sink: CSVBlockSink) throws {
        nonisolated(unsafe) let parsers = UnsafeMutableBufferPointer<CSVBlockParser>.allocate(capacity: threads)
        for thread in 0..<threads {
            (parsers.baseAddress! + thread).initialize(
                to: CSVBlockParser(input: input, columnCount: columnCount, modes: modes))
        }
        defer {
            for parser in parsers { parser.deallocate() }
            parsers.deinitialize().deallocate()
        }
        _ = try Self.parse(boundaries[0]..<boundaries[1], with: &parsers[0])
        sink.append(parsers[0], thread: 0, end: boundaries[1])

        let blockCount = boundaries.count - 1
        let nextBlock = Atomic<Int>(1)
        let turn = CSVTurn(appended: 1)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            while true {
                let block = nextBlock.add(1, ordering: .relaxed).oldValue
                guard block < blockCount, !turn.hasFailed(before: block) else { return }
                do {
                    _ = try Self.parse(boundaries[block]..<boundaries[block + 1], with: &parsers[thread])
                } catch {
                    turn.fail(block: block, error)
                    return
                }
                guard turn.wait(for: block) else { return }
                sink.append(parsers[thread], thread: thread, end: boundaries[block + 1])
                turn.pass(after: block)
            }
        }
        if let error = turn.firstError { throw error }
    }

    /// Reads the rows starting in `block` (the last may run past its end when not cut in advance) and returns
    /// where the next row starts. Checks the cancellation flag first.
    private static func parse(_ block: Range<Int>, with parser: inout CSVBlockParser) throws -> Int {
        try Cancellation.check()
        parser.reset()
        return try parser.parseRows(from: block.lowerBound, limit: block.upperBound)
    }
}

/// The columns being accumulated, and the pages of the input given back as rows are appended. Only the thread
/// whose turn it is appends, so the class needs no lock of its own.
private final class CSVBlockSink: @unchecked Sendable {
    private var columns: [CSVColumnAccumulator]
    private var rowCount = 0
    private let discard: (@Sendable (Range<Int>) -> Void)?
    private var discardedUpTo = 0
    /// Bytes of input appended so far, for the progress bar.
    private let progress: Progress.Handle
    private var appendedUpTo: Int

    init(modes: [CSVColumnMode], threadCount: Int, estimatedRows: Int,
         discard: (@Sendable (Range<Int>) -> Void)?, progress: Progress.Handle, start: Int) {
        columns = modes.map {
            CSVColumnAccumulator(forcedText: $0 == .text, threadCount: threadCount, estimatedRows: estimatedRows)
        }
        self.discard = discard
        self.progress = progress
        appendedUpTo = start
    }

    /// Appends the block `parser` holds (read by `thread`); the input before `end` is no longer needed.
    func append(_ parser: CSVBlockParser, thread: Int, end: Int) {
        for j in columns.indices {
            columns[j].append(
                parser.builders[j], rowCount: parser.rowCount, thread: thread, dictionary: parser.dictionaries[j])
        }
        rowCount += parser.rowCount
        progress.advance(by: end - appendedUpTo)
        appendedUpTo = end
        if let discard, end - discardedUpTo >= 4 << 20 {
            discard(discardedUpTo..<end)
            discardedUpTo = end
        }
    }

    func finish() -> (columns: [Column?], rowCount: Int) {
        (columns.map { $0.column(rowCount: rowCount) }, rowCount)
    }
}

/// Whose turn it is to append (blocks go in file order), and the first failure in file order.
private final class CSVTurn: @unchecked Sendable {
    private let condition = NSCondition()
    private var appended: Int
    private var failure: (block: Int, error: any Error)?

    /// Starts with the blocks before `appended` already appended.
    init(appended: Int) {
        self.appended = appended
    }

    var firstError: (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        return failure?.error
    }

    func hasFailed(before block: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return failure.map { $0.block < block } ?? false
    }

    func fail(block: Int, _ error: any Error) {
        condition.lock()
        if failure.map({ block < $0.block }) ?? true { failure = (block, error) }
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until every block before `block` is appended; false if a block has failed meanwhile.
    func wait(for block: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while appended < block && failure == nil { condition.wait() }
        return failure == nil
    }

    func pass(after block: Int) {
        condition.lock()
        appended = block + 1
        condition.broadcast()
        condition.unlock()
    }
}
