#!/usr/bin/env python3
"""Writes the NannyML 0.13 reference values the monitoring tests compare against.

Usage (NannyML in its own virtual environment; it needs pandas < 3, and without the variable it sends usage
statistics):
  python3 -m venv /tmp/nml && /tmp/nml/bin/pip install 'nannyml==0.13.*' 'pandas<3' statsmodels 'numpy<2.3' 'scikit-learn<1.7'
  (0.13.1 imports statsmodels without declaring it, and needs a numpy and scikit-learn of its time)
  NML_DISABLE_USAGE_LOGGING=1 /tmp/nml/bin/python tools/reference/make_monitoring_fixtures.py
Outputs, under Tests/DriftCoreTests/Fixtures/monitoring/:
  reference.csv, analysis.csv  seeded rows (3000 each): normal, skewed (lognormal), counts (integers, ties),
                gappy (normal with missing values), region (text, a new region and a shift late in analysis),
                plan (two categories, some missing), flag (booleans), and a binary classifier's outputs: y (label),
                p (predicted probability), p_raw (the same model, badly calibrated), y_pred (p ≥ 0.5),
                y_pred_raw (p_raw ≥ 0.5), ts (a timestamp about every 90 minutes, jittered so the rows are not in
                time order, five missing; the reference from Monday 2024-01-01, the analysis from Monday 2024-07-08
                with a gap of 12 days after row 1000, so one week has no rows). The analysis drifts after row 1800.
  expected.json for each chunking (size 500, size 700, count 7, count 4, and PeriodBasedChunker on ts with
                offset W and M): the chunks of both frames (key, index, start_index, end_index, rows, and
                start_date/end_date for periods); UnivariateDriftCalculator with every method on every column
                that takes it (value, lower and upper threshold, alert per chunk); DataReconstructionDriftCalculator
                on all seven feature columns (value, sampling error, thresholds, alert); CBPE for
                roc_auc, accuracy, precision, recall, f1 on p, uncalibrated (NoopCalibrator: the probabilities
                are used as they are, Drift's `calibrate: false`), and on p_raw, which NannyML decides to calibrate
                (isotonic), with value, sampling error, realized, thresholds and alert.
"""
import json, os, warnings
import numpy as np
import pandas as pd

os.environ.setdefault("NML_DISABLE_USAGE_LOGGING", "1")
import nannyml as nml  # noqa: E402
from nannyml.calibration import NoopCalibrator  # noqa: E402

warnings.filterwarnings("ignore")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "DriftCoreTests", "Fixtures", "monitoring")
rng = np.random.default_rng(20261216)


def frame(n, drift_from):
    shifted = np.arange(n) >= drift_from
    normal = rng.normal(50, 10, n) + np.where(shifted, 6, 0)
    skewed = rng.lognormal(2, 0.6 + 0.3 * shifted, n)
    counts = rng.poisson(np.where(shifted, 5, 4), n).astype(float)
    gappy = rng.normal(0, 1, n) + 0.5 * normal / 10
    gappy[rng.random(n) < 0.08] = np.nan
    regions = np.array(["north", "south", "east", "west", "central"])
    late = rng.choice(regions, n, p=[0.1, 0.2, 0.2, 0.2, 0.3])
    early = rng.choice(regions[:4], n, p=[0.3, 0.3, 0.2, 0.2])
    region = np.where(shifted, late, early).astype(object)
    plan = rng.choice(["basic", "pro"], n, p=[0.7, 0.3]).astype(object)
    plan[rng.random(n) < 0.05] = None
    flag = rng.random(n) < np.where(shifted, 0.45, 0.3)
    score = 0.08 * (normal - 50) - 0.3 * (skewed - 8) / 4 + 0.4 * counts - 1.6 + (region == "north") * 0.8
    score = score + rng.normal(0, 0.3, n)
    p = 1 / (1 + np.exp(-score))
    y = rng.random(n) < p
    p_raw = 1 / (1 + np.exp(-(0.45 * score + 0.6)))
    round6 = lambda v: np.round(v, 6)
    normal, skewed, gappy, p, p_raw = map(round6, (normal, skewed, gappy, p, p_raw))
    return pd.DataFrame({
        "normal": normal, "skewed": skewed, "counts": counts, "gappy": gappy, "region": region, "plan": plan,
        "flag": flag, "y": y.astype(int), "p": p, "p_raw": p_raw,
        "y_pred": (p >= 0.5).astype(int), "y_pred_raw": (p_raw >= 0.5).astype(int),
    })


def timestamps(n, start, gap_after=None):
    """Jittered, so not in time order; a separate generator keeps the columns above as they were."""
    minutes = np.arange(n) * 90.0 + times_rng.uniform(-100, 100, n)
    if gap_after is not None:
        minutes[gap_after:] += 12 * 24 * 60
    ts = pd.Timestamp(start) + pd.to_timedelta(np.round(minutes), unit="m")
    text = ts.strftime("%Y-%m-%dT%H:%M:%S").to_numpy().astype(object)
    text[times_rng.choice(n, 5, replace=False)] = None
    return text


reference = frame(3000, 10**9)
analysis = frame(3000, 1800)
times_rng = np.random.default_rng(20261217)
reference["ts"] = timestamps(3000, "2024-01-01")
analysis["ts"] = timestamps(3000, "2024-07-08", gap_after=1000)
os.makedirs(OUT, exist_ok=True)
for name, df in [("reference", reference), ("analysis", analysis)]:
    df.to_csv(os.path.join(OUT, f"{name}.csv"), index=False, na_rep="", )
# Read back what was written, so NannyML sees exactly the values Drift reads.
reference = pd.read_csv(os.path.join(OUT, "reference.csv"))
analysis = pd.read_csv(os.path.join(OUT, "analysis.csv"))
for df in (reference, analysis):
    df["region"] = df["region"].astype(object)
    df["plan"] = df["plan"].astype(object)

NUMERIC = ["normal", "skewed", "counts", "gappy"]
CATEGORICAL = ["region", "plan", "flag"]
FEATURES = NUMERIC + CATEGORICAL
NUM_METHODS = ["kolmogorov_smirnov", "wasserstein", "jensen_shannon", "hellinger"]
CAT_METHODS = ["chi2", "jensen_shannon", "hellinger", "l_infinity"]
CHUNKINGS = [("size", 500), ("size", 700), ("count", 7), ("count", 4), ("period", "W"), ("period", "M")]


def number(v):
    if v is None:
        return None
    v = float(v)
    return None if np.isnan(v) else v


def chunker(kind, n):
    if kind == "period":
        return nml.PeriodBasedChunker(timestamp_column_name="ts", offset=n)
    return nml.SizeBasedChunker(chunk_size=n) if kind == "size" else nml.CountBasedChunker(chunk_number=n)


def timestamp(kind):
    """Period chunks need the timestamp column passed to the calculator too."""
    return "ts" if kind == "period" else None


def chunks(kind, n, df):
    def date(t):
        return None if t is None else pd.Timestamp(t).strftime("%Y-%m-%dT%H:%M:%S.%f")
    return [
        {"key": c.key, "index": c.chunk_index, "start_index": int(c.start_index), "end_index": int(c.end_index),
         "rows": len(c), "start_date": date(c.start_datetime), "end_date": date(c.end_datetime)}
        for c in chunker(kind, n).split(df)
    ]


def univariate(kind, n):
    calc = nml.UnivariateDriftCalculator(
        column_names=FEATURES, treat_as_categorical=CATEGORICAL, continuous_methods=NUM_METHODS,
        categorical_methods=CAT_METHODS, chunker=chunker(kind, n), timestamp_column_name=timestamp(kind))
    calc.fit(reference)
    data = calc.calculate(analysis).data
    rows = []
    for column in FEATURES:
        for method in (NUM_METHODS if column in NUMERIC else CAT_METHODS):
            for _, r in data.iterrows():
                rows.append({
                    "column": column, "method": method, "period": r[("chunk", "chunk", "period")],
                    "chunk": int(r[("chunk", "chunk", "chunk_index")]),
                    "value": number(r[(column, method, "value")]),
                    "lower": number(r[(column, method, "lower_threshold")]),
                    "upper": number(r[(column, method, "upper_threshold")]),
                    "alert": bool(r[(column, method, "alert")]),
                })
    return rows


def reconstruction(kind, n):
    calc = nml.DataReconstructionDriftCalculator(
        column_names=FEATURES, chunker=chunker(kind, n), timestamp_column_name=timestamp(kind))
    calc.fit(reference)
    data = calc.calculate(analysis).data
    return [
        {"period": r[("chunk", "period")], "chunk": int(r[("chunk", "chunk_index")]),
         "value": number(r[("reconstruction_error", "value")]),
         "sampling_error": number(r[("reconstruction_error", "sampling_error")]),
         "lower": number(r[("reconstruction_error", "lower_threshold")]),
         "upper": number(r[("reconstruction_error", "upper_threshold")]),
         "alert": bool(r[("reconstruction_error", "alert")])}
        for _, r in data.iterrows()
    ]


METRICS = ["roc_auc", "accuracy", "precision", "recall", "f1"]


def cbpe(kind, n, proba, pred, calibrator=None):
    est = nml.CBPE(y_pred_proba=proba, y_pred=pred, y_true="y", problem_type="classification_binary",
                   metrics=METRICS, chunker=chunker(kind, n), calibrator=calibrator,
                   timestamp_column_name=timestamp(kind))
    est.fit(reference)
    data = est.estimate(analysis).data
    rows = []
    for metric in METRICS:
        for _, r in data.iterrows():
            rows.append({
                "metric": metric, "period": r[("chunk", "period")], "chunk": int(r[("chunk", "chunk_index")]),
                "value": number(r[(metric, "value")]), "sampling_error": number(r[(metric, "sampling_error")]),
                "realized": number(r[(metric, "realized")]),
                "lower": number(r[(metric, "lower_threshold")]), "upper": number(r[(metric, "upper_threshold")]),
                "alert": bool(r[(metric, "alert")]),
            })
    return {"calibrated": bool(est.needs_calibration), "rows": rows}


expected = {"chunkings": []}
for kind, n in CHUNKINGS:
    expected["chunkings"].append({
        "kind": kind, "n": n,
        "reference_chunks": chunks(kind, n, reference), "analysis_chunks": chunks(kind, n, analysis),
        "univariate": univariate(kind, n),
        "reconstruction": reconstruction(kind, n),
        "cbpe": {"p": cbpe(kind, n, "p", "y_pred", NoopCalibrator()), "p_raw": cbpe(kind, n, "p_raw", "y_pred_raw")},
    })

with open(os.path.join(OUT, "expected.json"), "w") as f:
    json.dump(expected, f, separators=(",", ":"))
    f.write("\n")
print("calibration:", {k: expected["chunkings"][0]["cbpe"][k]["calibrated"] for k in ("p", "p_raw")})
