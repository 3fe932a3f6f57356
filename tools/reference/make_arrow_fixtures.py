#!/usr/bin/env python3
"""Writes the Arrow IPC stream fixtures the DriftSpark decoder tests read, with pyarrow's own reading of them.

Usage: python tools/reference/make_arrow_fixtures.py   (needs pyarrow)
Outputs, under Tests/DriftSparkTests/Fixtures/:
  types.arrows        every type Drift reads (ints of 8-64 bits signed and unsigned, float32/64, utf8, large_utf8,
                      bool, date32, date64, timestamps in s/ms/us/ns with and without a time zone, null), with
                      missing values, in two record batches
  types.json          pyarrow's values of types.arrows per column, as text: numbers as their repr, strings,
                      true/false, times as microseconds since the epoch (nanoseconds floored); null for missing
  empty.arrows        a schema and no record batch
  decimal.arrows, list.arrows, dictionary.arrows   types Drift refuses
  legacy.arrows       types.arrows' first batch in the pre-0.15 framing (no continuation marker)
"""
import datetime as dt
import json
import os

import pyarrow as pa

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "DriftSparkTests", "Fixtures")
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def write(name, table, **options):
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema, options=pa.ipc.IpcWriteOptions(**options)) as writer:
        for batch in table.to_batches(max_chunksize=3):
            writer.write_batch(batch)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(sink.getvalue().to_pybytes())


def micros(value, kind):
    """Microseconds since the epoch of a value pyarrow returns (ns timestamps floored)."""
    if value is None:
        return None
    if kind == "date":
        return (value - dt.date(1970, 1, 1)).days * 86_400_000_000
    if isinstance(value, pa.TimestampScalar):
        return value.value // 1000
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    delta = value - EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def main():
    os.makedirs(OUT, exist_ok=True)
    ints = [1, None, -3, 4, 0, 127]
    big = [2**40, None, -(2**50), 7, 0, 2**53]
    columns = {
        "i8": pa.array(ints, pa.int8()), "i16": pa.array([v and v * 200 for v in ints], pa.int16()),
        "i32": pa.array([v and v * 100_000 for v in ints], pa.int32()), "i64": pa.array(big, pa.int64()),
        "u8": pa.array([255, None, 0, 1, 2, 3], pa.uint8()), "u16": pa.array([65535, 1, None, 3, 4, 5], pa.uint16()),
        "u32": pa.array([4294967295, 1, 2, None, 4, 5], pa.uint32()), "u64": pa.array([2**63 + 2048, 1, 2, 3, None, 5], pa.uint64()),
        "f32": pa.array([1.5, None, -2.25, float("inf"), 0.1, 3e38], pa.float32()),
        "f64": pa.array([0.1, None, -1e300, float("nan"), 5e-324, 2.5], pa.float64()),
        "s": pa.array(["a", None, "", "héllo", "a", "日本"], pa.string()),
        "ls": pa.array(["x", "y", None, "zz", "", "x"], pa.large_string()),
        "b": pa.array([True, False, None, True, True, False], pa.bool_()),
        "d32": pa.array([dt.date(2024, 3, 1), None, dt.date(1969, 12, 31), dt.date(2000, 2, 29), dt.date(1970, 1, 1), dt.date(2100, 1, 1)], pa.date32()),
        "d64": pa.array([dt.date(2024, 3, 1), dt.date(1960, 5, 5), None, dt.date(2000, 2, 29), dt.date(1970, 1, 2), dt.date(2100, 1, 1)], pa.date64()),
        "ts_s": pa.array([0, 1_700_000_000, None, -86_401, 5, 6], pa.timestamp("s")),
        "ts_ms": pa.array([1_700_000_000_123, None, -1, 0, 5, 6], pa.timestamp("ms", tz="Europe/Paris")),
        "ts_us": pa.array([1_700_000_000_123_456, -1, None, 0, 5, 6], pa.timestamp("us", tz="UTC")),
        "ts_ns": pa.array([1_700_000_000_123_456_789, -1_500, 999, None, 5, 6], pa.timestamp("ns")),
        "nothing": pa.nulls(6),
    }
    table = pa.table(columns)
    write("types.arrows", table)
    expected = {}
    for name, column in columns.items():
        if name.startswith("ts_"):
            values = [None if not v.is_valid else v.value * {"s": 10**6, "ms": 1000, "us": 1, "ns": 1}[name[3:]] // (1000 if name == "ts_ns" else 1)
                      for v in column]
        elif name.startswith("d"):
            values = [micros(v, "date") for v in column.to_pylist()]
        elif name.startswith(("f", "i", "u")):
            values = [None if v is None or v != v else repr(float(v)) for v in column.to_pylist()]
        else:
            values = column.to_pylist()
        # Every value as text (booleans as true/false), so the test reads one type.
        expected[name] = [None if v is None else ("true" if v else "false") if isinstance(v, bool) else str(v) for v in values]
    with open(os.path.join(OUT, "types.json"), "w") as f:
        json.dump({"rows": table.num_rows, "columns": list(columns), "values": expected}, f, indent=1, ensure_ascii=False)
        f.write("\n")
    write("empty.arrows", pa.table({"x": pa.array([], pa.float64()), "y": pa.array([], pa.string())}))
    write("decimal.arrows", pa.table({"amount": pa.array([1, 2], pa.decimal128(10, 2))}))
    write("list.arrows", pa.table({"tags": pa.array([[1], [2, 3]], pa.list_(pa.int64()))}))
    write("dictionary.arrows", pa.table({"kind": pa.array(["a", "b", "a"]).dictionary_encode()}))
    write("legacy.arrows", table.slice(0, 3), use_legacy_format=True)


if __name__ == "__main__":
    main()
