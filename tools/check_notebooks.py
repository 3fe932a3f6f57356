#!/usr/bin/env python3
"""Renders every shipped notebook script (the workshop's solutions too) to .ipynb with the built `drift` and validates each against the
nbformat 4 schema (the check Jupyter and GitHub rely on). Run from the package root after a build:

    python3 tools/check_notebooks.py [path/to/drift]

Needs the `nbformat` package (CI installs it in a throw-away virtual environment).
"""
import glob, os, subprocess, sys, tempfile

import nbformat

drift = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/drift"
scripts = (["examples/notebook.drift", "examples/pharmacy.drift"] + sorted(glob.glob("examples/workshop/*.drift"))
           + sorted(glob.glob("examples/workshop/solutions/*.drift")))
failures = 0
with tempfile.TemporaryDirectory() as out:
    for script in scripts:
        target = os.path.join(out, os.path.basename(script).replace(".drift", ".ipynb"))
        run = subprocess.run([drift, "notebook", script, "-o", target], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"FAIL {script}: drift notebook exited {run.returncode}\n{run.stderr}")
            failures += 1
            continue
        try:
            nbformat.validate(nbformat.read(target, as_version=4))
            print(f"ok   {script}")
        except Exception as error:  # nbformat raises ValidationError and JSON errors
            print(f"FAIL {script}: {error}")
            failures += 1
print(f"notebooks: {len(scripts) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
