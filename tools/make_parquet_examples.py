#!/usr/bin/env python3
"""Writes Parquet copies of the quickstart data: examples/data/credit_reference.parquet and credit_current.parquet,
from the CSV files tools/make_examples.py made, as pyarrow writes Parquet by default (Snappy, dictionary pages).

Usage: /tmp/peers/bin/python tools/make_parquet_examples.py   (needs pyarrow)
"""
import os

import pyarrow.csv as csv
import pyarrow.parquet as pq

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "data")

for name in ["credit_reference", "credit_current"]:
    table = csv.read_csv(os.path.join(DATA, name + ".csv"))
    pq.write_table(table, os.path.join(DATA, name + ".parquet"), store_schema=False)
