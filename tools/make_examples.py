#!/usr/bin/env python3
"""Generates the small example datasets in examples/data/ (seeded, so the files are reproducible).

credit_reference.csv / credit_current.csv: credit applications before and after the lender expands
into a new region (data drift): the current sample is younger, has more debt, and includes a region
("coast") never seen in the reference. A few cells are missing, as in real extracts.

Usage: python3 tools/make_examples.py   (needs numpy)
"""
import csv
import os

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "examples", "data")


def applications(rng, n, new_region):
    regions = ["north", "south", "east", "west"] + (["coast"] if new_region else [])
    weights = [0.35, 0.3, 0.2, 0.15] if not new_region else [0.25, 0.2, 0.15, 0.1, 0.3]
    age = rng.normal(44 if not new_region else 36, 11, n).clip(18, 90).round()
    income = rng.lognormal(10.6 if not new_region else 10.45, 0.45, n).round(-2)
    debt_ratio = rng.beta(2, 5 if not new_region else 3.5, n).round(3)
    region = rng.choice(regions, n, p=weights)
    score = 0.03 * (age - 40) + 0.00002 * (income - 40000) - 4 * (debt_ratio - 0.3)
    approved = rng.random(n) < 1 / (1 + np.exp(-score))
    rows = []
    for i in range(n):
        row = [i + 1, int(age[i]), int(income[i]), f"{debt_ratio[i]:.3f}", region[i], "true" if approved[i] else "false"]
        if rng.random() < 0.02:
            row[2] = ""  # income not reported
        rows.append(row)
    return rows


def write(name, rows):
    with open(os.path.join(OUT, name), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "age", "income", "debt_ratio", "region", "approved"])
        writer.writerows(rows)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(2024)
    write("credit_reference.csv", applications(rng, 500, new_region=False))
    write("credit_current.csv", applications(rng, 400, new_region=True))
