"""NannyML's side of the `monitor` benchmark row (issue 16): UnivariateDriftCalculator on the benchmark data,
timed around fit + calculate only; bench/run.py runs this once per round with NannyML's own interpreter.

Usage: NML_DISABLE_USAGE_LOGGING=1 PYTHON bench/nannyml_peer.py DATA_DIR
  (NannyML 0.13 in its own virtual environment: see tools/reference/make_monitoring_fixtures.py)
Prints `monitor SECONDS`. The task matches bench/scripts/tasks.drift's: ref.csv against cur.csv (1M rows each),
the 10 columns, KS and Jensen–Shannon for the 9 numeric ones (x0…x7 and the 0/1 label), chi2 and
Jensen–Shannon for region, 100 chunks of each frame. NannyML bins KS when the reference has 10,000 values or
more; Drift computes it exactly.
"""
import os
import sys
import time
import warnings

os.environ.setdefault("NML_DISABLE_USAGE_LOGGING", "1")
import nannyml as nml  # noqa: E402
import pandas as pd  # noqa: E402

warnings.filterwarnings("ignore")
data = sys.argv[1]
ref = pd.read_csv(os.path.join(data, "ref.csv"))
cur = pd.read_csv(os.path.join(data, "cur.csv"))
columns = list(ref.columns)


def calculator():
    return nml.UnivariateDriftCalculator(
        column_names=columns, treat_as_categorical=["region"], continuous_methods=["kolmogorov_smirnov", "jensen_shannon"],
        categorical_methods=["chi2", "jensen_shannon"], chunker=nml.CountBasedChunker(chunk_number=100))


calculator().fit(ref.head(2000)).calculate(cur.head(2000))  # first-call set-up, untimed
start = time.perf_counter()
calculator().fit(ref).calculate(cur)
print("monitor", time.perf_counter() - start, flush=True)
