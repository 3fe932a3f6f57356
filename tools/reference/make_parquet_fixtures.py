#!/usr/bin/env python3
"""Writes the Parquet files the reader's tests read, and the values they must read as (JSON sidecars).

Usage: /tmp/peers/bin/python tools/reference/make_parquet_fixtures.py   (needs pyarrow, polars and numpy)
Outputs, under Tests/DriftParquetTests/Fixtures/:
  *.parquet          files written by pyarrow (every codec x data page version; PLAIN, dictionary, the DELTA
                     encodings, BYTE_STREAM_SPLIT and RLE booleans, each required and optional; CRCs; many row
                     groups; small pages; 0 rows; all missing; a hive-partitioned directory; a glob; INT96; nested columns), one written by polars (a second
                     implementation), and by a minimal writer here (a byte-array DECIMAL, and hostile files:
                     bad magic, cut footers, sizes past the end, negative sizes, bad codecs, corrupt pages)
  expected.json      per table, each column's Drift type and values as pyarrow reads them (times as
                     microseconds since 1970 or midnight, nanoseconds floored; missing as null), and per good
                     file the table it holds and the columns the reader skips with a note
"""
import datetime, decimal, io, json, os, shutil, struct, zlib
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import polars as pl

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "DriftParquetTests", "Fixtures")
rng = np.random.default_rng(20261202)
N = 60


def with_nulls(values, nullable):
    if not nullable:
        return list(values)
    mask = rng.random(len(values)) < 0.15
    return [None if m else v for v, m in zip(values, mask)]


def types_table(nullable):
    """One column per type Drift reads."""
    epoch = datetime.datetime(1970, 1, 1)
    ints = rng.integers(-100, 100, N)
    cols = {
        "flag": (pa.bool_(), [bool(v) for v in rng.random(N) < 0.4]),
        "i8": (pa.int8(), [int(v) for v in ints]),
        "u8": (pa.uint8(), [int(v) for v in rng.integers(0, 256, N)]),
        "i16": (pa.int16(), [int(v) for v in rng.integers(-30000, 30000, N)]),
        "u16": (pa.uint16(), [int(v) for v in rng.integers(0, 65536, N)]),
        "i32": (pa.int32(), [int(v) for v in rng.integers(-2**31, 2**31 - 1, N)]),
        "u32": (pa.uint32(), [int(v) for v in rng.integers(0, 2**32 - 1, N)]),
        "i64": (pa.int64(), [int(v) for v in rng.integers(-2**53, 2**53, N)]),
        "u64": (pa.uint64(), [int(v) for v in rng.integers(0, 2**53, N)]),
        "f16": (pa.float16(), [np.float16(v) for v in rng.normal(0, 10, N)]),
        "f32": (pa.float32(), [float(np.float32(v)) for v in rng.normal(0, 1e3, N)]),
        "f64": (pa.float64(), [float(v) for v in rng.normal(0, 1e6, N)]),
        "dec32": (pa.decimal128(7, 2), [decimal.Decimal(int(v)).scaleb(-2) for v in rng.integers(-10**7 + 1, 10**7, N)]),
        "dec64": (pa.decimal128(15, 3), [decimal.Decimal(int(v)).scaleb(-3) for v in rng.integers(-10**15 + 1, 10**15, N)]),
        "dec_fixed": (pa.decimal128(30, 4), [decimal.Decimal(int(v) * 10**12 + 7).scaleb(-4) for v in rng.integers(-10**17, 10**17, N)]),
        "city": (pa.string(), list(rng.choice(["Lyon", "Zürich", "Kraków", "東京", ""], N))),
        "note": (pa.string(), [f"note {i} " + "x" * int(k) for i, k in enumerate(rng.integers(0, 20, N))]),
        "raw": (pa.binary(), [f"bytes-{int(v)}".encode() for v in rng.integers(0, 9, N)]),
        "doc": (pa.json_(), [json.dumps({"k": int(v)}) for v in rng.integers(0, 5, N)]),
        "id": (pa.uuid(), [bytes(rng.integers(0, 256, 16).astype(np.uint8)) for _ in range(N)]),
        "day": (pa.date32(), [datetime.date(2000, 1, 1) + datetime.timedelta(days=int(v)) for v in rng.integers(-20000, 20000, N)]),
        "ts_ms": (pa.timestamp("ms", tz="UTC"), [int(v) for v in rng.integers(-2**41, 2**41, N)]),
        "ts_us": (pa.timestamp("us"), [int(v) for v in rng.integers(-2**50, 2**50, N)]),
        "ts_ns": (pa.timestamp("ns", tz="UTC"), [int(v) for v in rng.integers(-2**62, 2**62, N)]),
        "t_ms": (pa.time32("ms"), [int(v) for v in rng.integers(0, 86_400_000, N)]),
        "t_us": (pa.time64("us"), [int(v) for v in rng.integers(0, 86_400_000_000, N)]),
    }
    fields, arrays = [], []
    for name, (kind, values) in cols.items():
        values = with_nulls(values, nullable)
        fields.append(pa.field(name, kind, nullable=nullable))
        arrays.append(pa.array(values, kind))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def encodings_table(nullable):
    """The columns the non-default encodings apply to, with repeats so dictionaries and deltas have work."""
    cols = {
        "flag": (pa.bool_(), [bool(v) for v in rng.random(N * 3) < 0.3]),
        "i32": (pa.int32(), [int(v) for v in np.cumsum(rng.integers(-50, 60, N * 3))]),
        "i64": (pa.int64(), [int(v) for v in rng.integers(-2**40, 2**40, N * 3)]),
        "f32": (pa.float32(), [float(np.float32(v)) for v in rng.normal(5, 2, N * 3)]),
        "f64": (pa.float64(), [float(v) for v in rng.normal(-3, 7, N * 3)]),
        "word": (pa.string(), [f"prefix/{int(v):04d}/{'ab' * int(v % 4)}" for v in np.sort(rng.integers(0, 500, N * 3))]),
        "fixed": (pa.decimal128(20, 2), [decimal.Decimal(int(v)).scaleb(-2) for v in rng.integers(-10**15, 10**15, N * 3)]),
    }
    fields, arrays = [], []
    for name, (kind, values) in cols.items():
        fields.append(pa.field(name, kind, nullable=nullable))
        arrays.append(pa.array(with_nulls(values, nullable), kind))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def expected(table):
    """Each column as Drift must read it: its type name and values (null for missing)."""
    out = {}
    for field, column in zip(table.schema, table.columns):
        t = field.type
        values = column.to_pylist()
        if pa.types.is_boolean(t):
            kind, values = "bool", values
        elif pa.types.is_integer(t) or pa.types.is_floating(t):
            kind, values = "num", [None if v is None else float(v) for v in values]
        elif pa.types.is_decimal(t):
            kind, values = "num", [None if v is None else float(v) for v in values]
        elif pa.types.is_string(t) or pa.types.is_large_string(t) or isinstance(t, pa.JsonType):
            kind, values = "str", values
        elif pa.types.is_binary(t):
            kind, values = "str", [None if v is None else v.decode() for v in values]
        elif isinstance(t, pa.UuidType):
            kind, values = "str", [None if v is None else str(v) for v in values]
        elif pa.types.is_date(t):
            kind, values = "date", [None if v is None else v * 86_400_000_000 for v in column.cast(pa.int32()).to_pylist()]
        elif pa.types.is_timestamp(t) or pa.types.is_time(t):
            raw = column.cast(pa.int64() if t.bit_width == 64 else pa.int32()).to_pylist()
            scale = {"s": 1_000_000, "ms": 1000, "us": 1, "ns": None}[t.unit]
            kind = "datetime" if pa.types.is_timestamp(t) else "duration"
            values = [None if v is None else (v // 1000 if scale is None else v * scale) for v in raw]
        else:
            raise ValueError(f"no expectation for {t}")
        out[field.name] = {"type": kind, "values": values}
    return out


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    tables, files = {}, []

    def table(key, t):
        tables[key] = expected(t)
        return t

    def write(name, t, key, skipped=(), **options):
        pq.write_table(t, os.path.join(OUT, name), store_schema=False, **options)
        files.append({"file": name, "table": key, "skipped": list(skipped)})

    required, optional = table("types_required", types_table(False)), table("types_optional", types_table(True))
    for codec in ["none", "snappy", "gzip", "zstd", "lz4"]:
        for version in ["1.0", "2.0"]:
            t, key = (optional, "types_optional") if codec != "none" else (required, "types_required")
            write(f"types_{codec}_v{version[0]}.parquet", t, key, compression=codec, data_page_version=version)

    plain_required, plain_optional = table("encodings_required", encodings_table(False)), table("encodings_optional", encodings_table(True))
    layouts = {
        "plain": dict(use_dictionary=False),
        "dictionary": dict(use_dictionary=True),
        "delta": dict(use_dictionary=False, column_encoding={
            "flag": "RLE", "i32": "DELTA_BINARY_PACKED", "i64": "DELTA_BINARY_PACKED", "f32": "BYTE_STREAM_SPLIT",
            "f64": "BYTE_STREAM_SPLIT", "word": "DELTA_BYTE_ARRAY", "fixed": "DELTA_BYTE_ARRAY"}),
        "split": dict(use_dictionary=False, column_encoding={
            "flag": "PLAIN", "i32": "BYTE_STREAM_SPLIT", "i64": "BYTE_STREAM_SPLIT", "f32": "PLAIN", "f64": "PLAIN",
            "word": "DELTA_LENGTH_BYTE_ARRAY", "fixed": "BYTE_STREAM_SPLIT"}),
    }
    for layout, options in layouts.items():
        for version in ["1.0", "2.0"]:
            for key, t in [("encodings_required", plain_required), ("encodings_optional", plain_optional)]:
                write(f"enc_{layout}_v{version[0]}_{key.split('_')[1]}.parquet", t, key, compression="snappy",
                      data_page_version=version, **options)

    write("crc.parquet", plain_optional, "encodings_optional", write_page_checksum=True, compression="zstd")
    write("many_row_groups.parquet", plain_optional, "encodings_optional", row_group_size=17, compression="snappy")
    write("small_pages.parquet", plain_optional, "encodings_optional", data_page_size=64, write_batch_size=8,
          compression="gzip", data_page_version="2.0", write_page_checksum=True)
    write("empty.parquet", plain_optional.slice(0, 0), "encodings_empty")
    tables["encodings_empty"] = expected(plain_optional.slice(0, 0))

    all_missing = table("all_missing", pa.table({"x": pa.array([None] * 10, pa.float64()), "s": pa.array([None] * 10, pa.string())}))
    write("all_missing.parquet", all_missing, "all_missing", compression="gzip", data_page_version="2.0", use_dictionary=False)

    int96 = table("int96", pa.table({"ts": pa.array([0, 1_700_000_000_123_456_000, -86_400_000_000_001, None], pa.timestamp("ns"))}))
    write("int96.parquet", int96, "int96", use_deprecated_int96_timestamps=True)

    nested = pa.table({
        "x": pa.array([1.5, 2.5, None], pa.float64()),
        "tags": pa.array([["a"], [], None], pa.list_(pa.string())),
        "point": pa.array([{"lat": 1.0, "lon": 2.0}, None, {"lat": 3.0, "lon": 4.0}]),
        "attrs": pa.array([[("k", 1)], [], None], pa.map_(pa.string(), pa.int64())),
        "name": pa.array(["a", "b", None]),
    })
    tables["nested"] = expected(nested.select(["x", "name"]))
    write("nested.parquet", nested, "nested", skipped=["tags", "point", "attrs"])

    frame = pl.DataFrame({
        "n": pl.Series([1, 2, None, 4] * 10, dtype=pl.Int64),
        "s": pl.Series(["a", None, "ccc", "dd"] * 10),
        "f": pl.Series([0.5, None, -1.25, 8.0] * 10),
        "b": pl.Series([True, False, None, True] * 10),
        "d": pl.Series([datetime.date(2024, 3, 1), None, datetime.date(1969, 12, 31), datetime.date(2000, 2, 29)] * 10),
    })
    frame.write_parquet(os.path.join(OUT, "polars.parquet"))
    tables["polars"] = expected(frame.to_arrow())
    files.append({"file": "polars.parquet", "table": "polars", "skipped": []})

    pq.write_table(pa.table({"big": pa.array([1, 2**53 + 1], pa.int64())}), os.path.join(OUT, "int64_beyond_2_53.parquet"))
    pq.write_table(pa.table({"ok": [1, 2], "blob": pa.array([b"\xff\xfe", b"a"], pa.binary())}), os.path.join(OUT, "binary_not_utf8.parquet"))

    # A hive-partitioned directory (year=…/region=…/ folders become columns) and a glob over two files.
    hive_rows = []
    for year in [2023, 2024]:
        for region in ["north", "south"]:
            part = plain_optional.slice((year - 2023) * 60 + (region == "south") * 30, 30).select(["i32", "word"])
            folder = os.path.join(OUT, "hive", f"year={year}", f"region={region}")
            os.makedirs(folder, exist_ok=True)
            pq.write_table(part, os.path.join(folder, "part-0.parquet"), store_schema=False)
            hive_rows.append(part.append_column("year", pa.array([float(year)] * 30)).append_column("region", pa.array([region] * 30)))
    tables["hive"] = expected(pa.concat_tables(hive_rows))
    files.append({"file": "hive", "table": "hive", "skipped": []})
    tables["glob"] = expected(pa.concat_tables([plain_optional, plain_optional]))
    files.append({"file": "enc_plain_v*_optional.parquet", "table": "glob", "skipped": []})

    MiniWriter.write_all(OUT)
    tables["byte_array_decimal"] = {"amount": {"type": "num", "values": [123.45, -0.01, 0.0, None, float(decimal.Decimal(2**70).scaleb(-2))]}}
    files.append({"file": "byte_array_decimal.parquet", "table": "byte_array_decimal", "skipped": []})

    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump({"tables": tables, "files": files}, f, separators=(",", ":"))


def signed32(n):
    return n - 2**32 if n >= 2**31 else n


class Thrift:
    """A minimal Thrift compact protocol encoder, enough to hand-build hostile files."""

    def __init__(self):
        self.out, self.last = bytearray(), [0]

    def varint(self, n):
        n &= (1 << 64) - 1
        while n >= 0x80:
            self.out.append(n & 0x7F | 0x80)
            n >>= 7
        self.out.append(n)

    def field(self, fid, kind):
        delta = fid - self.last[-1]
        if 0 < delta <= 15:
            self.out.append(delta << 4 | kind)
        else:
            self.out.append(kind)
            self.varint((fid << 1) ^ (fid >> 63))
        self.last[-1] = fid

    def i32(self, fid, v):
        self.field(fid, 5)
        self.varint((v << 1) ^ (v >> 63))

    def i64(self, fid, v):
        self.field(fid, 6)
        self.varint((v << 1) ^ (v >> 63))

    def binary(self, fid, data):
        self.field(fid, 8)
        self.varint(len(data))
        self.out += data

    def struct(self, fid, build):
        self.field(fid, 12)
        self.last.append(0)
        build(self)
        self.out.append(0)
        self.last.pop()

    def struct_list(self, fid, items, build):
        self.field(fid, 9)
        self.out.append(min(len(items), 15) << 4 | 12)
        if len(items) >= 15:
            self.varint(len(items))
        for item in items:
            self.last.append(0)
            build(self, item)
            self.out.append(0)
            self.last.pop()

    def plain_list(self, fid, kind, items, put):
        self.field(fid, 9)
        self.out.append(min(len(items), 15) << 4 | kind)
        for item in items:
            put(item)


class MiniWriter:
    """One-column files written by hand, so every header field can be set to what a test needs."""

    @staticmethod
    def file(column, page, values_bytes, num_values, codec=0, page_header=None, chunk_size=None, footer=None):
        t = Thrift()
        t.last = [0]
        page_header = page_header or {}
        t.i32(1, 0)
        t.i32(2, page_header.get("uncompressed", len(page)))
        t.i32(3, page_header.get("compressed", len(values_bytes)))
        if "crc" in page_header:
            t.i32(4, page_header["crc"])
        t.struct(5, lambda s: (s.i32(1, num_values), s.i32(2, 0), s.i32(3, 3), s.i32(4, 3)))
        t.out.append(0)
        chunk = bytes(t.out) + values_bytes
        body = b"PAR1" + chunk
        m = Thrift()
        name, ptype, extra = column

        def leaf(s, element):
            for k, v in sorted(element.items()):
                if isinstance(v, str):
                    s.binary(k, v.encode())
                else:
                    s.i32(k, v)

        def meta(s):
            s.i32(1, ptype)
            s.plain_list(2, 5, [0], lambda v: s.varint(v << 1))
            s.plain_list(3, 8, [name], lambda v: (s.varint(len(v)), s.out.extend(v.encode())))
            s.i32(4, codec)
            s.i64(5, num_values)
            s.i64(6, len(chunk))
            s.i64(7, chunk_size if chunk_size is not None else len(chunk))
            s.i64(9, 4)

        m.i32(1, 1)
        m.struct_list(2, [{4: "schema", 5: 1}, {1: ptype, 3: extra.get(3, 0), 4: name, **{k: v for k, v in extra.items() if k != 3}}], leaf)
        m.i64(3, num_values)
        m.struct_list(4, [None], lambda s, _: (
            s.struct_list(1, [None], lambda c, _: (c.i64(2, 4), c.struct(3, meta))),
            s.i64(2, len(chunk)), s.i64(3, num_values)))
        m.out.append(0)
        footer_bytes = bytes(m.out) if footer is None else footer(bytes(m.out))
        return body + footer_bytes + struct.pack("<I", len(footer_bytes)) + b"PAR1"

    @classmethod
    def write_all(cls, out):
        ints = struct.pack("<5i", 1, 2, 3, 4, 5)
        x = ("x", 1, {})
        good = cls.file(x, ints, ints, 5)
        files = {
            "hostile_good.parquet": good,
            "hostile_bad_magic.parquet": b"PAR2" + good[4:],
            "hostile_cut_end.parquet": good[:-10],
            "hostile_footer_length.parquet": good[:-8] + struct.pack("<I", 10**6) + b"PAR1",
            "hostile_footer_cut.parquet": cls.file(x, ints, ints, 5, footer=lambda f: f[:-6]),
            "hostile_page_past_end.parquet": cls.file(x, ints, ints, 5, page_header={"compressed": 10**6}),
            "hostile_chunk_past_end.parquet": cls.file(x, ints, ints, 5, chunk_size=10**9),
            "hostile_negative_size.parquet": cls.file(x, ints, ints, 5, page_header={"compressed": -20}),
            "hostile_bad_codec.parquet": cls.file(x, ints, ints, 5, codec=42),
            "hostile_brotli.parquet": cls.file(x, ints, ints, 5, codec=4),
            "hostile_corrupt_snappy.parquet": cls.file(x, ints, b"\x14\xff\xff\xff\xff\x00\x01", 5, codec=1),
            "hostile_bad_crc.parquet": cls.file(x, ints, ints, 5, page_header={"crc": signed32(zlib.crc32(ints) ^ 1)}),
            "hostile_huge_uncompressed.parquet": cls.file(x, ints, b"\x28\xb5\x2f\xfd" + b"\x00" * 6, 5, codec=6,
                                                          page_header={"uncompressed": 2**31 - 1}),
            "hostile_too_few_values.parquet": cls.file(x, ints[:8], ints[:8], 5),
        }
        # A byte-array DECIMAL(30, 2): big-endian two's complement of any length, one missing value.
        values = [12345, -1, 0, None, 2**70]
        levels = [0 if v is None else 1 for v in values]
        packed = bytes([sum(bit << i for i, bit in enumerate(levels))])
        rle = bytes([1 << 1 | 1]) + packed  # one bit-packed group of 8 definition levels
        data = b"".join(struct.pack("<I", len(b)) + b for b in
                        (v.to_bytes((v.bit_length() + 8) // 8 or 1, "big", signed=True) for v in values if v is not None))
        page = struct.pack("<I", len(rle)) + rle + data
        files["byte_array_decimal.parquet"] = cls.file(("amount", 6, {3: 1, 6: 5, 7: 2, 8: 30}), page, page, 5)
        for name, content in files.items():
            with open(os.path.join(out, name), "wb") as f:
                f.write(content)


if __name__ == "__main__":
    main()
