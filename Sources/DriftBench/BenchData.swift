// BenchData: the benchmark's seeded data, written once by `DriftBench generate DIR` and read by both Drift and
// the Python peers (bench/run.py): two 1M-row CSVs, a 10M-value vector, a 1M-value stream for ADWIN and a
// 1M-row CSV with an ISO timestamp column.
import DriftCore
import Foundation

/// Bumped whenever the data changes, so that a stale cache is written again.
private let benchDataVersion = 2

private let rows = 1_000_000
private let regions = ["north", "south", "east", "west"]

/// n normal values (Box–Muller over SeededGenerator) with the given mean and standard deviation.
func normalSample(_ n: Int, mean: Double = 0, sd: Double = 1, generator: inout SeededGenerator) -> [Double] {
    var values = [Double](repeating: 0, count: n)
    var i = 0
    while i < n {
        let u1 = Double(generator.next() >> 11) * 0x1p-53 + 0x1p-54
        let u2 = Double(generator.next() >> 11) * 0x1p-53
        let r = (-2 * log(u1)).squareRoot()
        values[i] = mean + sd * r * cos(2 * Double.pi * u2)
        if i + 1 < n { values[i + 1] = mean + sd * r * sin(2 * Double.pi * u2) }
        i += 2
    }
    return values
}

/// Values as a CSV written with 6 decimals would hold them (so the files stay the size of typical data).
private func sixDecimals(_ values: [Double]) -> Column {
    .numeric(NumericColumn(values.map { ($0 * 1e6).rounded() / 1e6 }))
}

/// One side of the drift workload: x0…x7 ~ N(shift · (i mod 2), 1 + 0.1 i), a region drawn with
/// `shares`, and label = [x0 + 0.5 x1 + N(0, 1) > 0] as 0/1.
private func workloadFrame(shift: Double, shares: [Double], generator: inout SeededGenerator) throws -> DataFrame {
    var columns: [(name: String, column: Column)] = []
    var x: [[Double]] = []
    for i in 0..<8 {
        x.append(normalSample(rows, mean: shift * Double(i % 2), sd: 1 + 0.1 * Double(i), generator: &generator))
        columns.append(("x\(i)", sixDecimals(x[i])))
    }
    var codes = [Int32](repeating: 0, count: rows)
    for row in 0..<rows {
        let u = Double(generator.next() >> 11) * 0x1p-53
        var cumulative = 0.0, code = shares.count - 1
        for (k, share) in shares.enumerated() {
            cumulative += share
            if u < cumulative { code = k; break }
        }
        codes[row] = Int32(code)
    }
    columns.append(("region", .text(TextColumn(codes: codes, levels: regions))))
    let noise = normalSample(rows, generator: &generator)
    let label = (0..<rows).map { x[0][$0] + 0.5 * x[1][$0] + noise[$0] > 0 ? 1.0 : 0.0 }
    columns.append(("label", .numeric(NumericColumn(label))))
    return try DataFrame(columns)
}

/// Writes ref.csv, cur.csv, values.csv (10M N(0,1) in column `value`), stream.csv (500k N(0,1) then
/// 500k N(0.5,1)), times.csv (ts, value) and, last, manifest.json with the version and the sizes the memory bound needs. Does
/// nothing when the directory already holds this version's data.
func generateBenchData(in directory: String) throws {
    let manifestPath = directory + "/manifest.json"
    let versionField = #""version": \#(benchDataVersion),"#
    if FileAccess.fileExists(manifestPath),
       String(decoding: try FileAccess.read(manifestPath), as: UTF8.self).contains(versionField) {
        return
    }
    var generator = SeededGenerator(seed: 7)
    let reference = try workloadFrame(shift: 0, shares: [0.4, 0.3, 0.2, 0.1], generator: &generator)
    try CSVWriter.write(reference, to: directory + "/ref.csv")
    try CSVWriter.write(try workloadFrame(shift: 0.3, shares: [0.25, 0.25, 0.25, 0.25], generator: &generator),
                        to: directory + "/cur.csv")
    try CSVWriter.write(try DataFrame([("value", sixDecimals(normalSample(10_000_000, generator: &generator)))]),
                        to: directory + "/values.csv")
    let stream = normalSample(rows / 2, generator: &generator) + normalSample(rows / 2, mean: 0.5, generator: &generator)
    try CSVWriter.write(try DataFrame([("value", sixDecimals(stream))]), to: directory + "/stream.csv")
    // One event every 31 s from 2024-01-01, written as pandas writes naive timestamps ("2024-01-01 00:00:31").
    let start = CivilCalendar.day(year: 2024, month: 1, day: 1) * Micros.day
    let layout = try TimeFormat("%Y-%m-%d %H:%M:%S")
    let stamps = (0..<rows).map { layout.text(start + Int64($0) * 31 * Micros.second) }
    try CSVWriter.write(try DataFrame([("ts", .text(TextColumn(stamps))), ("value", sixDecimals(Array(stream[0..<rows])))]),
                        to: directory + "/times.csv")

    var numericCells = 0, stringBytes = 0
    for column in reference.columns {
        switch column {
        case .numeric(let numbers): numericCells += numbers.values.count
        case .text(let text): for row in 0..<text.count { stringBytes += text[row]?.utf8.count ?? 0 }
        case .boolean(let flags): numericCells += flags.count
        case .time(let times): numericCells += times.count
        }
    }
    let manifest = "{" + versionField + #" "ref_rows": \#(reference.rowCount), "numeric_cells": \#(numericCells), "string_bytes": \#(stringBytes)}"#
    try FileAccess.writeAtomically(Data(manifest.utf8), to: manifestPath)
}
