#!/usr/bin/env python3
"""Writes the pandas reference values the group-by and join tests compare against.

Usage: python tools/reference/make_frame_fixtures.py   (needs numpy and pandas)
Outputs, under Tests/DriftCoreTests/Fixtures/frames/:
  sales.csv     seeded rows: region (text, some missing), store (integer codes, some missing), amount
                (numbers, some missing), returned (booleans)
  labels.csv    seeded rows keyed by store (duplicates, some missing, some stores only here): store, label, weight
  expected.json group-by of sales by region, by store and by (region, store) with pandas
                groupby(dropna=False, sort=True): size, count, sum, mean, median, min, max, std, var,
                quantile(0.9), nunique, first, last of amount; and the joins of sales with labels on store
                for every kind, as (sales row, labels row) pairs (−1 for none). Missing keys never match
                (pandas matches NaN with NaN, so they are given distinct sentinels first); pandas sorts an
                outer join's keys, so outer pairs are compared as a set; the row order of a sort by region
                ascending and amount descending (sort_values, missing last), and the rows drop_duplicates
                keeps on (region, store).
"""
import json, os
import numpy as np
import pandas as pd

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "DriftCoreTests", "Fixtures", "frames")
rng = np.random.default_rng(20261202)

n = 400
region = rng.choice(["north", "south", "east", "west"], n).astype(object)
region[rng.random(n) < 0.05] = None
store = rng.integers(0, 30, n).astype(float)
store[rng.random(n) < 0.04] = np.nan
amount = np.round(rng.lognormal(3, 1, n), 2)
amount[rng.random(n) < 0.08] = np.nan
amount[:3] = [np.inf, -0.0, 0.0]
returned = rng.random(n) < 0.2
sales = pd.DataFrame({"region": region, "store": store, "amount": amount, "returned": returned})

m = 45
lstore = rng.integers(20, 40, m).astype(float)
lstore[rng.random(m) < 0.1] = np.nan
labels = pd.DataFrame({"store": lstore, "label": rng.choice(["a", "b", "c"], m), "weight": np.round(rng.random(m), 3)})

os.makedirs(OUT, exist_ok=True)
sales.to_csv(os.path.join(OUT, "sales.csv"), index=False, na_rep="")
labels.to_csv(os.path.join(OUT, "labels.csv"), index=False, na_rep="")


def clean(values):
    return [None if (isinstance(v, float) and np.isnan(v)) else (v.item() if hasattr(v, "item") else v) for v in values]


def jsonable(values):
    out = []
    for v in clean(values):
        if isinstance(v, float) and np.isinf(v):
            out.append("inf" if v > 0 else "-inf")
        else:
            out.append(v)
    return out


groups = {}
for name, keys in [("region", ["region"]), ("store", ["store"]), ("region_store", ["region", "store"])]:
    g = sales.groupby(keys, dropna=False, sort=True)["amount"]
    frame = pd.DataFrame({
        "size": g.size(), "count": g.count(), "sum": g.sum(), "mean": g.mean(), "median": g.median(),
        "min": g.min(), "max": g.max(), "sd": g.std(), "var": g.var(), "q90": g.quantile(0.9),
        "n_unique": g.nunique(), "first": g.first(), "last": g.last(),
    }).reset_index()
    groups[name] = {column: jsonable(frame[column]) for column in frame.columns}

# Missing keys never match: distinct sentinels on each side stand in for NaN while pandas merges.
left = sales.assign(row=np.arange(n), key=np.where(np.isnan(store), -1 - np.arange(n), store))
right = labels.assign(row=np.arange(m), key=np.where(np.isnan(lstore), -100000 - np.arange(m), lstore))


def join_pairs(left, right):
    """The row pairs of every join kind (−1 where a side has no row), as pandas gives them."""
    joins = {}
    for how in ["inner", "left", "right", "outer"]:
        merged = left[["key", "row"]].merge(right[["key", "row"]], on="key", how=how, suffixes=("_left", "_right"))
        joins[how] = {
            "left": [int(v) if not np.isnan(v) else -1 for v in merged["row_left"].astype(float)],
            "right": [int(v) if not np.isnan(v) else -1 for v in merged["row_right"].astype(float)],
        }
    present = right["key"].to_numpy()
    joins["semi"] = {"left": [int(r) for r in left["row"][left["key"].isin(present)]]}
    joins["anti"] = {"left": [int(r) for r in left["row"][~left["key"].isin(present)]]}
    return joins


joins = join_pairs(left, right)
# A side whose present keys are unique (a lookup table): the labels' first row of each store, and every
# row without one; joined as the right side, and as the left side of a right join.
unique = right[~labels["store"].duplicated() | labels["store"].isna()]
joins["unique_rows"] = [int(r) for r in unique["row"]]
joins["unique_right"] = join_pairs(left, unique)
joins["unique_left_right"] = join_pairs(unique, left)["right"]

# Row order of a two-key sort (region ascending, amount descending, missing last in each) and the rows
# drop_duplicates keeps on (region, store) — both as row numbers.
ordered = sales.assign(row=np.arange(n)).sort_values(["region", "amount"], ascending=[True, False], na_position="last", kind="stable")
distinct = sales.assign(row=np.arange(n)).drop_duplicates(subset=["region", "store"], keep="first")
rows = {"sorted": [int(r) for r in ordered["row"]], "distinct": [int(r) for r in distinct["row"]]}

with open(os.path.join(OUT, "expected.json"), "w") as f:
    json.dump({"pandas": pd.__version__, "groups": groups, "joins": joins, "rows": rows}, f, indent=1)
print("wrote", OUT)
