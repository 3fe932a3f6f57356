#!/usr/bin/env bash
# Makes docs/kernel.png: a workshop notebook written by `drift notebook -o`, executed by the Drift
# kernel (nbconvert --execute), opened in a local JupyterLab and captured with headless Chromium.
# Run from the package root after a build, with jupyterlab and nbconvert installed (e.g. in a venv):
#
#     PATH=/path/to/venv/bin:$PATH tools/kernel_screenshot.sh [path/to/drift] [notebook.drift]
#
# The server listens on loopback only, without a token, and is stopped when the script ends.
set -euo pipefail
drift=$(realpath "${1:-.build/debug/drift}")
script=${2:-examples/workshop/01-what-is-drift.drift}
work=$(mktemp -d /tmp/drift-screenshot.XXXXXX)
export JUPYTER_PATH=$work/share/jupyter JUPYTER_CONFIG_DIR=$work/config JUPYTER_RUNTIME_DIR=$work/runtime \
  JUPYTER_DATA_DIR=$work/data
"$drift" kernel install --prefix "$work" >/dev/null
name=$(basename "$script" .drift)
mkdir -p "$work/notebooks"
"$drift" notebook "$script" -o "$work/notebooks/$name.ipynb"
cp -r examples "$work/notebooks/"   # the scripts' relative paths resolve from the notebook's directory
jupyter nbconvert --to notebook --execute --inplace "$work/notebooks/$name.ipynb" 2>/dev/null
# Outputs the user did not make in this server are untrusted, and JupyterLab then shows SVG as text.
jupyter trust "$work/notebooks/$name.ipynb" >/dev/null
# No "get notified about Jupyter news?" pop-up over the notebook.
mkdir -p "$work/settings/@jupyterlab/apputils-extension"
echo '{"fetchNews": "false"}' >"$work/settings/@jupyterlab/apputils-extension/notification.jupyterlab-settings"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
jupyter lab --no-browser --ip=127.0.0.1 --port="$port" --ServerApp.root_dir="$work/notebooks" --LabApp.user_settings_dir="$work/settings" \
  --IdentityProvider.token= --ServerApp.password= --allow-root >"$work/lab.log" 2>&1 &
lab=$!
trap 'kill $lab 2>/dev/null; wait $lab 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/api" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/api" >/dev/null || { cat "$work/lab.log" >&2; exit 1; }
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1300 \
  --virtual-time-budget=30000 --screenshot="$PWD/docs/kernel.png" "http://127.0.0.1:$port/lab/tree/$name.ipynb" 2>"$work/chromium.log" || { cat "$work/chromium.log" >&2; exit 1; }
echo "wrote docs/kernel.png"
