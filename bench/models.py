#!/usr/bin/env python3
"""Times Drift's streaming and model work against River and scikit-learn, as shared/bench/peers.py does.

Usage: bench/models.py [DATA_DIR] [--python PATH] [--repeats N]
  adwin     ADWIN over 1,000,000 values (500k N(0,1) then 500k N(0.5,1))   vs river.drift.ADWIN
  logistic  logistic regression on the 1M x 8 ref.csv (target `label`)     vs sklearn LogisticRegression(max_iter=200)
  replay    offline-serving replay of a 1,000,000-row SEA stream, batches of 1000 (Drift only; target < 10 s)
DATA_DIR/ref.csv is made by bench/drift_report.py or bench/csv_read.py. Prints task, drift s, peer s, ratio,
and the accuracy of both logistic fits.
"""
import argparse, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PEER = r'''
import sys, time, statistics
import numpy as np
task, d, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
def timed(f):
    times = []
    for _ in range(repeats):
        s = time.perf_counter(); r = f(); times.append(time.perf_counter() - s)
    return statistics.median(times), r
if task == "adwin":
    from river import drift
    stream = np.r_[np.random.default_rng(2).normal(0, 1, 500_000), np.random.default_rng(3).normal(0.5, 1, 500_000)]
    def run():
        det = drift.ADWIN(); n = 0
        for x in stream:
            det.update(x); n += det.drift_detected
        return n
    t, n = timed(run); print(t, n)
else:
    import pandas as pd
    from sklearn.linear_model import LogisticRegression
    ref = pd.read_csv(f"{d}/ref.csv")
    X = ref[[f"x{i}" for i in range(8)]].to_numpy(); y = ref["label"].to_numpy()
    t, m = timed(lambda: LogisticRegression(max_iter=200).fit(X, y)); print(t, m.score(X, y))
'''

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", nargs="?", default="/tmp/drift-bench")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    subprocess.run(["swift", "build", "-c", "release", "--product", "DriftBench", "--scratch-path", os.path.join(ROOT, ".build-release")],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build-release", "release", "DriftBench")
    def drift(*extra):
        out = subprocess.run([binary, "models", *extra, str(args.repeats)], check=True, capture_output=True, text=True).stdout
        fields = dict(item.split("=") for item in out.split())
        return float(fields["median_seconds"]), fields
    def peer(task):
        try:
            out = subprocess.run([args.python, "-c", PEER, task, args.data_dir, str(args.repeats)], check=True, capture_output=True, text=True).stdout
            time_text, extra = out.split()
            return float(time_text), extra
        except (subprocess.CalledProcessError, ValueError):
            return None, None
    print(f"{'task':34} {'drift s':>9} {'peer s':>9} {'ratio':>7}  notes")
    drift_time, _ = drift("adwin")
    peer_time, _ = peer("adwin")
    ratio = f"{drift_time / peer_time:7.3f}" if peer_time else "      -"
    print(f"{'adwin 1M (river ADWIN)':34} {drift_time:9.4f} {peer_time or float('nan'):9.4f} {ratio}")
    csv = f"{args.data_dir}/ref.csv"
    if os.path.exists(csv):
        drift_time, fields = drift("logistic", csv)
        peer_time, accuracy = peer("logistic")
        ratio = f"{drift_time / peer_time:7.3f}" if peer_time else "      -"
        print(f"{'train logistic 1Mx8 (sklearn)':34} {drift_time:9.4f} {peer_time or float('nan'):9.4f} {ratio}  accuracy drift {float(fields['accuracy']):.4f} / sklearn {float(accuracy or 'nan'):.4f}")
    drift_time, fields = drift("replay")
    print(f"{'replay 1M rows, offline (no peer)':34} {drift_time:9.4f} {'':>9} {'':>7}  {fields['batches']} batches")

if __name__ == "__main__":
    main()
