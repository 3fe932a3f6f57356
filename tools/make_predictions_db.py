#!/usr/bin/env python3
"""Generates examples/data/predictions.db: a SQLite log of a credit model's predictions (seeded, reproducible).

Table `predictions`, one row per scored application from 2024-02-01 to 2024-03-31:
  id INTEGER, ts TEXT (ISO-8601, e.g. 2024-02-01T08:15:00), model_version TEXT,
  age REAL, income REAL (NULL when not reported), debt_ratio REAL, region TEXT,
  probability REAL (the model's score), prediction BOOLEAN (probability >= 0.5),
  label BOOLEAN (whether the applicant repaid; NULL for the last 10 days, when outcomes are not known yet).

In February the applicants look like the training data. From 2024-03-01 the lender markets in a new region
("coast"): applicants are younger and carry more debt, so the inputs and the scores drift.
The BOOLEAN declared type is what Drift's read_sql maps to boolean columns (SQLite stores 0/1).

Usage: python3 tools/make_predictions_db.py   (standard library only)
"""
import datetime
import math
import os
import random
import sqlite3

OUT = os.path.join(os.path.dirname(__file__), "..", "examples", "data", "predictions.db")
START = datetime.datetime(2024, 2, 1)
END = datetime.datetime(2024, 4, 1)
SHIFT = datetime.datetime(2024, 3, 1)
LABELS_KNOWN_UNTIL = datetime.datetime(2024, 3, 22)
PER_DAY = 20


def application(rng, shifted):
    regions = ["north", "south", "east", "west"] + (["coast"] if shifted else [])
    weights = [0.25, 0.2, 0.15, 0.1, 0.3] if shifted else [0.35, 0.3, 0.2, 0.15]
    age = round(min(90.0, max(18.0, rng.gauss(36 if shifted else 44, 11))))
    income = round(rng.lognormvariate(10.45 if shifted else 10.6, 0.45), -2)
    debt_ratio = round(rng.betavariate(2, 3.5 if shifted else 5), 3)
    region = rng.choices(regions, weights)[0]
    return age, income, debt_ratio, region


def score(age, income, debt_ratio):
    z = 0.03 * (age - 40) + 0.00002 * (income - 40000) - 4 * (debt_ratio - 0.3)
    return 1 / (1 + math.exp(-z))


def rows(rng):
    day = START
    while day < END:
        for _ in range(PER_DAY):
            ts = day + datetime.timedelta(seconds=rng.randrange(8 * 3600, 20 * 3600))
            age, income, debt_ratio, region = application(rng, ts >= SHIFT)
            probability = round(score(age, income, debt_ratio), 4)
            repaid = rng.random() < score(age, income, debt_ratio)
            reported_income = None if rng.random() < 0.02 else income
            label = int(repaid) if ts < LABELS_KNOWN_UNTIL else None
            yield (ts.isoformat(), "v3", age, reported_income, debt_ratio, region,
                   probability, int(probability >= 0.5), label)
        day += datetime.timedelta(days=1)


def main():
    if os.path.exists(OUT):
        os.remove(OUT)
    connection = sqlite3.connect(OUT)
    connection.execute("""
        CREATE TABLE predictions (
            id INTEGER PRIMARY KEY, ts TEXT NOT NULL, model_version TEXT NOT NULL,
            age REAL, income REAL, debt_ratio REAL, region TEXT,
            probability REAL, prediction BOOLEAN, label BOOLEAN)""")
    generated = sorted(rows(random.Random(20240201)), key=lambda row: row[0])
    connection.executemany("INSERT INTO predictions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           [(i + 1,) + row for i, row in enumerate(generated)])
    connection.execute("CREATE INDEX predictions_ts ON predictions (ts)")
    connection.commit()
    connection.execute("VACUUM")
    connection.close()


if __name__ == "__main__":
    main()
