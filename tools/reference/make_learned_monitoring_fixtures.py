#!/usr/bin/env python3
"""Writes NannyML 0.13's results for the monitoring methods that fit a learner (LightGBM in NannyML, Drift's own
gradient-boosted trees in Drift): the domain classifier (classifier_drift) and direct loss estimation (regression
estimate_performance). Drift does not equal these values — its learner is not LightGBM — and the tests state how
close it comes.

Usage (the NannyML virtual environment of make_monitoring_fixtures.py, which made reference.csv and analysis.csv):
  NML_DISABLE_USAGE_LOGGING=1 /tmp/nml/bin/python tools/reference/make_learned_monitoring_fixtures.py
Outputs, under Tests/DriftCoreTests/Fixtures/monitoring/:
  classifier_drift.json  DomainClassifierCalculator on the seven feature columns of reference.csv's rows 0-1199
                         and analysis.csv's rows 1200-2399, chunks of 300 rows and count 3: value, lower, upper,
                         alert per chunk.
  regression_reference.csv, regression_analysis.csv  seeded rows (2000 each): age, size (numbers; size with gaps),
                         kind (text), y (the target), y_pred (a linear model's prediction, which misses a curve
                         and whose errors grow with size and for kind "c"); the analysis drifts after row 1200
                         (larger sizes, more "c").
  dle.json               DLE for mae, mse and rmse on features age, size, kind, chunks of 400 rows and count 3:
                         value (estimate), sampling error, realized, lower, upper, alert per chunk.
"""
import json, os, warnings
import numpy as np
import pandas as pd

os.environ.setdefault("NML_DISABLE_USAGE_LOGGING", "1")
import nannyml as nml  # noqa: E402
from nannyml.drift.multivariate.domain_classifier.calculator import DEFAULT_LGBM_HYPERPARAMS  # noqa: E402

warnings.filterwarnings("ignore")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "DriftCoreTests", "Fixtures", "monitoring")


def number(v):
    if v is None:
        return None
    v = float(v)
    return None if np.isnan(v) else v


def chunker(kind, n):
    return nml.SizeBasedChunker(chunk_size=n) if kind == "size" else nml.CountBasedChunker(chunk_number=n)


def read(name):
    df = pd.read_csv(os.path.join(OUT, f"{name}.csv"))
    for column in df.columns:
        if df[column].dtype == object and column != "ts":
            df[column] = df[column].astype(object)
    return df


# The domain classifier on the monitoring fixtures' frames.
FEATURES = ["normal", "skewed", "counts", "gappy", "region", "plan", "flag"]
# Slices keep the test quick in a debug build: the first 1200 reference rows, analysis rows 1200 to 2399 (drifting
# from row 600 of the slice).
reference = read("reference").iloc[:1200].reset_index(drop=True)
analysis = read("analysis").iloc[1200:2400].reset_index(drop=True)


def classifier(kind, n):
    hyperparameters = {**DEFAULT_LGBM_HYPERPARAMS, "verbose": -1}  # quiet; the same model
    calc = nml.DomainClassifierCalculator(feature_column_names=FEATURES, chunker=chunker(kind, n), hyperparameters=hyperparameters)
    calc.fit(reference)
    data = calc.calculate(analysis).data
    return [
        {"period": r[("chunk", "period")], "chunk": int(r[("chunk", "chunk_index")]),
         "value": number(r[("domain_classifier_auroc", "value")]),
         "lower": number(r[("domain_classifier_auroc", "lower_threshold")]),
         "upper": number(r[("domain_classifier_auroc", "upper_threshold")]),
         "alert": bool(r[("domain_classifier_auroc", "alert")])}
        for _, r in data.iterrows()
    ]


with open(os.path.join(OUT, "classifier_drift.json"), "w") as f:
    json.dump({"chunkings": [{"kind": k, "n": n, "rows": classifier(k, n)} for k, n in [("size", 300), ("count", 3)]]},
              f, separators=(",", ":"))
    f.write("\n")

# Direct loss estimation on a regression model's outputs.
rng = np.random.default_rng(20261218)


def regression_frame(n, drift_from):
    shifted = np.arange(n) >= drift_from
    age = rng.normal(40, 12, n)
    size = rng.gamma(2, np.where(shifted, 40, 25), n)
    kind = rng.choice(["a", "b", "c"], n, p=[0.5, 0.3, 0.2]).astype(object)
    kind[shifted] = rng.choice(["a", "b", "c"], shifted.sum(), p=[0.3, 0.3, 0.4])
    noise = rng.normal(0, 1, n) * (2 + size / 20 + 4 * (kind == "c"))
    y = 100 + 1.5 * age + 0.8 * size + 0.004 * (size - 50) ** 2 + 10 * (kind == "b") + noise
    y_pred = 95 + 1.5 * age + 1.0 * size + 10 * (kind == "b")
    size = size.copy()
    size[rng.random(n) < 0.05] = np.nan
    round6 = lambda v: np.round(v, 6)
    return pd.DataFrame({"age": round6(age), "size": round6(size), "kind": kind, "y": round6(y), "y_pred": round6(y_pred)})


for name, df in [("regression_reference", regression_frame(2000, 10**9)), ("regression_analysis", regression_frame(2000, 1200))]:
    df.to_csv(os.path.join(OUT, f"{name}.csv"), index=False, na_rep="")
reg_reference, reg_analysis = read("regression_reference"), read("regression_analysis")
DLE_METRICS = ["mae", "mse", "rmse"]


def dle(kind, n):
    est = nml.DLE(feature_column_names=["age", "size", "kind"], y_pred="y_pred", y_true="y", metrics=DLE_METRICS,
                  chunker=chunker(kind, n), hyperparameters={"verbose": -1})  # LGBMRegressor's defaults, quiet
    est.fit(reg_reference)
    data = est.estimate(reg_analysis).data
    rows = []
    for metric in DLE_METRICS:
        for _, r in data.iterrows():
            rows.append({
                "metric": metric, "period": r[("chunk", "period")], "chunk": int(r[("chunk", "chunk_index")]),
                "value": number(r[(metric, "value")]), "sampling_error": number(r[(metric, "sampling_error")]),
                "realized": number(r[(metric, "realized")]),
                "lower": number(r[(metric, "lower_threshold")]), "upper": number(r[(metric, "upper_threshold")]),
                "alert": bool(r[(metric, "alert")]),
            })
    return rows


with open(os.path.join(OUT, "dle.json"), "w") as f:
    json.dump({"chunkings": [{"kind": k, "n": n, "rows": dle(k, n)} for k, n in [("size", 400), ("count", 3)]]},
              f, separators=(",", ":"))
    f.write("\n")
