#!/usr/bin/env python3
"""Mutation fuzzer for saved model files (issue 20, finding 2).

Trains one model of each kind on the credit example, then repeatedly damages a copy of its JSON (a
field set to a huge, negative, fractional, null or wrongly typed value, an array cut short or doubled)
and runs load_model, print, predict, score, explain, update and save_model on it. Any exit other than
0 (worked) or 1 (a Drift error) is a crash: the file is kept in the work directory and reported.

    tools/fuzz_models.py [--drift .build/debug/drift] [--runs 300] [--seed 1]
"""
import argparse, copy, json, os, random, subprocess, sys, tempfile

WEIRD = [4611686018427387904, 9223372036854775807, -9223372036854775808, -1, 0, 1, 1e308, -1e308,
         2**53, 10**6, 3, None, "x", [], {}, 0.5, 1e-320]


def paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from paths(child, prefix + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value[:6]):
            yield from paths(child, prefix + (index,))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--drift", default=".build/debug/drift")
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    random.seed(options.seed)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    data = os.path.join(root, "examples/data/credit_reference.csv")
    work = tempfile.mkdtemp(prefix="drift-model-fuzz-")
    bases = {}
    for kind, target in [("tree", "approved"), ("logistic", "approved"), ("naive_bayes", "approved"), ("linear", "age")]:
        path = os.path.join(work, f"{kind}.json")
        subprocess.run([options.drift, "-e", f'save_model(train(read_csv("{data}") |> drop_missing(), target: "{target}", '
                        f'model: "{kind}"), "{path}")'], check=True)
        bases[kind] = json.load(open(path))
    script = ('let m = load_model("{f}"); print(m); let d = read_csv("' + data + '"); predict(m, d); score(m, d); '
              'explain(m); update(m, d); save_model(m, "{f}.out")')
    crashes = 0
    for run in range(options.runs):
        kind = random.choice(sorted(bases))
        model = copy.deepcopy(bases[kind])
        candidates = [p for p in paths(model) if p]
        for _ in range(random.randint(1, 3)):
            path = random.choice(candidates)
            try:
                parent = model
                for key in path[:-1]:
                    parent = parent[key]
                current = parent[path[-1]]
            except (KeyError, IndexError, TypeError):
                continue
            if isinstance(current, list) and random.random() < 0.3:
                parent[path[-1]] = current[:random.randint(0, len(current))] if random.random() < 0.5 else current + current
            else:
                parent[path[-1]] = random.choice(WEIRD)
        file = os.path.join(work, f"damaged-{run}.json")
        json.dump(model, open(file, "w"))
        try:
            status = subprocess.run([options.drift, "-e", script.format(f=file)], capture_output=True, timeout=60).returncode
        except subprocess.TimeoutExpired:
            status = "timeout"
        if status in (0, 1):
            os.remove(file)
        else:
            crashes += 1
            print(f"crash ({status}): {file} ({kind})")
    print(f"{options.runs} damaged files, {crashes} crashes")
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
