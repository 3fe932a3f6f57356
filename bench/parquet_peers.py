#!/usr/bin/env python3
"""The Parquet rows' peers: pandas (pyarrow engine) and polars reading, pyarrow and polars writing the
benchmark's 1M-row reference table. Usage: python bench/parquet_peers.py DATA_DIR (bench/run.py runs it once
per round). Writes DATA_DIR/ref.parquet from ref.csv with pyarrow's defaults (Snappy) when it is missing.
Prints each task's name and the seconds the call took (time.perf_counter around the call only)."""
import os
import sys
import time

import pandas as pd
import polars as pl
import pyarrow.csv as pacsv
import pyarrow.parquet as pq


def timed(name, work):
    start = time.perf_counter()
    result = work()
    print(name, time.perf_counter() - start, flush=True)
    return result


def main():
    d = sys.argv[1]
    path = os.path.join(d, "ref.parquet")
    if not os.path.exists(path):
        pq.write_table(pacsv.read_csv(os.path.join(d, "ref.csv")), path)
    timed("parquet_read_pandas", lambda: pd.read_parquet(path, engine="pyarrow"))
    timed("parquet_read_polars", lambda: pl.read_parquet(path))
    table = pq.read_table(path)
    frame = pl.read_parquet(path)
    timed("parquet_write_pyarrow", lambda: pq.write_table(table, os.path.join(d, "written-pyarrow.parquet"), compression="snappy"))
    timed("parquet_write_polars", lambda: frame.write_parquet(os.path.join(d, "written-polars.parquet"), compression="snappy"))


if __name__ == "__main__":
    main()
