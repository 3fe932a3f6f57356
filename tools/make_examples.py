#!/usr/bin/env python3
"""Generates the small example datasets in examples/data/ (seeded, so the files are reproducible).

credit_reference.csv / credit_current.csv: credit applications before and after the lender expands
into a new region (data drift): the current sample is younger, has more debt, and includes a region
("coast") never seen in the reference. A few cells are missing, as in real extracts.

The workshop (examples/workshop/) uses one dataset per kind of drift; each has its own seeded generator,
so adding one never changes the others:

pharmacy_reference.csv / pharmacy_current.csv (new categories): weekly dispensing records per store and
  medication in 2023: `date` (the week's Monday), `week`, and `id`, the entity a forecast is made for
  (medication_store, as in the M5 forecasting data). In the current half-year two new medications (a
  GLP-1 agonist and an antiviral, category "metabolic" and "antiviral") appear and take demand from
  older ones, so units_dispensed per row shifts; examples/pharmacy.drift forecasts demand across it.
churn_reference.csv / churn_current.csv (concept drift): customer activity with a churn label. The
  inputs come from the same distribution; the business redefined churn from "no purchase in 60 days"
  to "no purchase in 30 days", so the label rule, not the data, changed.
retail_daily.csv (real-world pattern change): one row per day and category for 2023-01-02 to
  2023-12-31, weekly seasonality (weekend peaks), and a sudden shock on 2023-07-03 (day 182) after
  which baskets shrink and the online share jumps.

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


def write_table(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


PHARMACY_HEADER = ["date", "week", "id", "store", "medication", "category", "units_dispensed", "stock_level", "price"]
MEDICATIONS = [  # name, category, mean weekly units per store, price
    ("metformin", "metabolic", 120, 4.5),
    ("atorvastatin", "cardiovascular", 95, 6.0),
    ("lisinopril", "cardiovascular", 80, 5.2),
    ("amoxicillin", "antibiotic", 60, 7.8),
    ("omeprazole", "gastro", 70, 5.9),
    ("salbutamol", "respiratory", 45, 9.5),
    ("sertraline", "mental_health", 50, 8.1),
]
NEW_MEDICATIONS = [("semaglutide", "metabolic", 140, 95.0), ("nirmatrelvir", "antiviral", 55, 120.0)]


def pharmacy(rng, weeks, new_medications):
    import datetime
    first_monday = datetime.date(2023, 1, 2)
    stores = ["central", "harbour", "hillside", "airport", "campus"]
    meds = MEDICATIONS + (NEW_MEDICATIONS if new_medications else [])
    rows = []
    for week in weeks:
        season = 1 + 0.15 * np.sin(2 * np.pi * week / 52)
        for store in stores:
            for name, category, base, price in meds:
                mean = base * season
                if new_medications and name == "metformin":
                    mean *= 0.7  # patients move to the new GLP-1 medication
                if new_medications and name in ("semaglutide", "nirmatrelvir"):
                    ramp = min(1.0, (week - weeks[0] + 1) / 8)
                    mean *= ramp
                units = rng.poisson(max(mean, 1))
                stock = max(0, int(units * rng.uniform(0.8, 2.5) + rng.normal(20, 10)))
                date = first_monday + datetime.timedelta(weeks=week - 1)
                row = [date.isoformat(), week, f"{name}_{store}", store, name, category, units, stock,
                       f"{price * rng.uniform(0.97, 1.03):.2f}"]
                if rng.random() < 0.015:
                    row[7] = ""  # stock count not entered
                rows.append(row)
    return rows


CHURN_HEADER = ["customer_id", "tenure_months", "monthly_spend", "support_tickets", "plan",
                "days_since_purchase", "churned"]


def customers(rng, n, first_id, churn_days):
    tenure = rng.gamma(2.0, 12.0, n).round().clip(1, 120)
    spend = rng.lognormal(3.6, 0.5, n).round(2)
    tickets = rng.poisson(1.2, n)
    plan = rng.choice(["basic", "plus", "premium"], n, p=[0.5, 0.35, 0.15])
    # Less engaged customers go longer between purchases.
    scale = 25 * np.exp(0.25 * tickets - 0.01 * tenure) * np.where(plan == "basic", 1.2, 0.9)
    days = rng.exponential(scale).round().clip(0, 365)
    churned = days > churn_days
    flip = rng.random(n) < 0.03  # label noise: data entry, reactivations
    churned = np.where(flip, ~churned, churned)
    rows = []
    for i in range(n):
        row = [first_id + i, int(tenure[i]), f"{spend[i]:.2f}", int(tickets[i]), plan[i], int(days[i]),
               "true" if churned[i] else "false"]
        if rng.random() < 0.02:
            row[2] = ""  # spend not recorded
        rows.append(row)
    return rows


RETAIL_HEADER = ["date", "day_of_week", "week", "category", "orders", "basket_value", "online_share"]


def retail(rng, days, shock_day):
    import datetime
    start = datetime.date(2023, 1, 2)  # a Monday
    categories = [("grocery", 420, 38.0), ("household", 160, 27.0), ("electronics", 45, 180.0),
                  ("clothing", 110, 62.0), ("toys", 50, 34.0)]
    weekday_factor = [0.85, 0.8, 0.85, 0.95, 1.15, 1.45, 1.2]
    rows = []
    for d in range(days):
        date = start + datetime.timedelta(days=d)
        dow = date.weekday()
        after = d >= shock_day
        for name, orders_base, basket_base in categories:
            level = orders_base * weekday_factor[dow]
            basket = basket_base * (1 + 0.08 * (dow >= 5))
            online = 0.18 + 0.04 * (dow >= 5)
            if after:
                level *= {"grocery": 1.1, "household": 1.25}.get(name, 0.6)
                basket *= 0.78
                online += 0.3
            orders = rng.poisson(level)
            value = basket * rng.lognormal(0, 0.08)
            share = float(np.clip(online + rng.normal(0, 0.03), 0, 1))
            row = [date.isoformat(), date.strftime("%a"), d // 7 + 1, name, orders, f"{value:.2f}", f"{share:.3f}"]
            if rng.random() < 0.01:
                row[6] = ""  # the web shop's feed was down
            rows.append(row)
    return rows


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(2024)
    write("credit_reference.csv", applications(rng, 500, new_region=False))
    write("credit_current.csv", applications(rng, 400, new_region=True))

    rng = np.random.default_rng(7)
    write_table("pharmacy_reference.csv", PHARMACY_HEADER, pharmacy(rng, list(range(1, 27)), new_medications=False))
    write_table("pharmacy_current.csv", PHARMACY_HEADER, pharmacy(rng, list(range(27, 53)), new_medications=True))

    rng = np.random.default_rng(11)
    write_table("churn_reference.csv", CHURN_HEADER, customers(rng, 2000, 1, churn_days=60))
    write_table("churn_current.csv", CHURN_HEADER, customers(rng, 2000, 2001, churn_days=30))

    rng = np.random.default_rng(13)
    write_table("retail_daily.csv", RETAIL_HEADER, retail(rng, 364, shock_day=182))
