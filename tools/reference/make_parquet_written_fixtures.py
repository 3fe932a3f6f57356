#!/usr/bin/env python3
"""Writes Parquet files with Drift's write_parquet and records what pyarrow (and polars) read from them.

Usage: /tmp/peers/bin/python tools/reference/make_parquet_written_fixtures.py [DRIFT]
  DRIFT is the drift binary (default .build/debug/drift); needs pyarrow and polars.
Each case rewrites one of make_parquet_fixtures.py's pyarrow-written files with Drift (read_parquet, then
write_parquet with a codec and row group size). Outputs, under Tests/DriftParquetTests/Fixtures/:
  written/*.parquet  the files Drift wrote (ParquetWrittenTests checks the writer still writes them byte for byte)
  written.json       per case: the arrow type pyarrow gives each column; its values as pyarrow reads them (in
                     make_parquet_fixtures.py's form: Drift type, times as microseconds); whether polars reads
                     the same values; each row group's statistics as pyarrow reads them (min, max as Drift
                     values, null count); and each column chunk's encodings and codec
"""
import datetime, json, os, subprocess, sys
import pyarrow as pa
import pyarrow.parquet as pq
import polars as pl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_parquet_fixtures import expected  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
FIXTURES = os.path.join(ROOT, "Tests", "DriftParquetTests", "Fixtures")
OUT = os.path.join(FIXTURES, "written")

# (written file, source fixture, compression, row group size); ParquetWrittenTests lists the same cases.
CASES = [
    ("types_required_none.parquet", "types_none_v1.parquet", "none", 1_000_000),
    ("types_optional_zstd.parquet", "types_zstd_v1.parquet", "zstd", 1_000_000),
    ("types_optional_snappy.parquet", "types_snappy_v1.parquet", "snappy", 16),
    ("types_optional_gzip.parquet", "types_gzip_v1.parquet", "gzip", 1_000_000),
    ("encodings_optional_zstd.parquet", "enc_dictionary_v1_optional.parquet", "zstd", 50),
    ("all_missing_snappy.parquet", "all_missing.parquet", "snappy", 1_000_000),
    ("empty_zstd.parquet", "empty.parquet", "zstd", 1_000_000),
    ("polars_zstd.parquet", "polars.parquet", "zstd", 1_000_000),
]


def drift_value(value, arrow_type):
    """A statistic as Drift holds the value: numbers, strings, booleans, or times as microseconds."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return int((value - datetime.datetime(1970, 1, 1, tzinfo=value.tzinfo)) // datetime.timedelta(microseconds=1))
    if isinstance(value, datetime.date):
        return (value - datetime.date(1970, 1, 1)).days * 86_400_000_000
    if isinstance(value, datetime.time):
        return ((value.hour * 60 + value.minute) * 60 + value.second) * 1_000_000 + value.microsecond
    if isinstance(value, bool) or isinstance(value, str):
        return value
    return float(value)


def main():
    drift = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "drift")
    os.makedirs(OUT, exist_ok=True)
    cases = []
    for name, source, compression, group_size in CASES:
        target = os.path.join(OUT, name)
        program = (f'write_parquet(read_parquet("{os.path.join(FIXTURES, source)}"), "{target}", '
                   f'compression: "{compression}", row_group_size: {group_size})')
        subprocess.run([drift, "-e", program], check=True)
        table = pq.read_table(target)
        metadata = pq.ParquetFile(target).metadata
        with_polars = pl.read_parquet(target).to_arrow()
        polars_agrees = with_polars.cast(table.schema).equals(table) if table.num_rows else with_polars.num_rows == 0
        groups = []
        for g in range(metadata.num_row_groups):
            chunks = []
            for c in range(metadata.num_columns):
                chunk = metadata.row_group(g).column(c)
                stats = chunk.statistics
                arrow_type = table.schema.field(c).type
                chunks.append({
                    "column": chunk.path_in_schema,
                    "min": drift_value(stats.min, arrow_type) if stats is not None and stats.has_min_max else None,
                    "max": drift_value(stats.max, arrow_type) if stats is not None and stats.has_min_max else None,
                    "null_count": stats.null_count if stats is not None else None,
                    "encodings": list(chunk.encodings),
                    "codec": chunk.compression,
                })
            groups.append({"rows": metadata.row_group(g).num_rows, "columns": chunks})
        cases.append({
            "file": name, "source": source, "compression": compression, "row_group_size": group_size,
            "arrow_types": {field.name: str(field.type) for field in table.schema},
            "values": expected(table),
            "polars_agrees": bool(polars_agrees),
            "row_groups": groups,
        })
    with open(os.path.join(FIXTURES, "written.json"), "w") as f:
        json.dump({"cases": cases}, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
