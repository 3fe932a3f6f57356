#!/usr/bin/env python3
"""Times DriftCore's drift tests against scipy/numpy on 1M vs 1M normal samples (10M for the histogram).

Usage: bench/drift_tests.py [--python PATH] [--repeats N]
Builds DriftBench in release mode and runs `DriftBench drift TASK REPEATS` (median of REPEATS runs timed with a
monotonic clock inside the Swift process); the peer times the equivalent scipy/numpy call inside the chosen Python
(median of the same number of runs, after one warm-up) on samples of the same size and distribution:
  ks           scipy.stats.ks_2samp(a, b)                     N(0,1) vs N(0.05,1), 1M each
  wasserstein  scipy.stats.wasserstein_distance(a, b)         same samples
  psi          numpy psi over 10 reference-quantile bins, as shared/bench/peers.py
  histogram    numpy.histogram(v, bins=50)                    10M N(0,1)
Prints a table: task, drift seconds, peer seconds, ratio (drift / peer; below 1 means Drift is faster).
"""
import argparse, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PEER = r'''
import sys, time, gc, statistics
import numpy as np, scipy.stats as ss
task, k = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(7)
n = 10_000_000 if task == "histogram" else 1_000_000
a = rng.normal(0, 1, n); b = rng.normal(0.05, 1, n)
def psi():
    e = np.quantile(a, np.linspace(0, 1, 11)); e[0], e[-1] = -np.inf, np.inf
    p = np.histogram(a, e)[0] / len(a); q = np.histogram(b, e)[0] / len(b)
    p = np.clip(p, 1e-4, None); q = np.clip(q, 1e-4, None)
    return np.sum((q - p) * np.log(q / p))
f = {"ks": lambda: ss.ks_2samp(a, b), "wasserstein": lambda: ss.wasserstein_distance(a, b),
     "psi": psi, "histogram": lambda: np.histogram(a, bins=50)}[task]
f()
times = []
for _ in range(k):
    gc.collect(); s = time.perf_counter(); f(); times.append(time.perf_counter() - s)
print(statistics.median(times))
'''

TASKS = [("ks", "ks_test 1Mx1M (ks_2samp)"), ("wasserstein", "wasserstein 1Mx1M (scipy)"),
         ("psi", "psi 1Mx1M (numpy)"), ("histogram", "histogram 10M/50 (numpy)")]


def has_scipy(python):
    return subprocess.run([python, "-c", "import numpy, scipy"], capture_output=True).returncode == 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--python", default=sys.executable, help="interpreter with numpy and scipy for the peer timing")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    subprocess.run(["swift", "build", "-c", "release", "--product", "DriftBench", "--scratch-path", ".build-release"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build-release", "release", "DriftBench")
    peer_ok = has_scipy(args.python)
    print(f"{'task':<30}{'drift s':>10}{'peer s':>10}{'ratio':>8}")
    for task, label in TASKS:
        out = subprocess.run([binary, "drift", task, str(args.repeats)], capture_output=True, text=True, check=True).stdout
        drift = float(dict(item.split("=") for item in out.split())["median_seconds"])
        peer = None
        if peer_ok:
            peer = float(subprocess.run([args.python, "-c", PEER, task, str(args.repeats)],
                                        capture_output=True, text=True, check=True).stdout)
        peer_text = f"{peer:10.4f}" if peer else f"{'-':>10}"
        ratio_text = f"{drift / peer:8.2f}" if peer else f"{'-':>8}"
        print(f"{label:<30}{drift:10.4f}{peer_text}{ratio_text}", flush=True)


if __name__ == "__main__":
    main()
