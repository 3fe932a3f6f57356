#!/usr/bin/env bash
# Regenerates Sources/DriftSpark/Proto/*.pb.swift: the Swift messages of the part of the Spark Connect protocol
# Drift uses. The schema comes from the serialized descriptors pip's pyspark ships in
# pyspark/sql/connect/proto/*_pb2.py (spark_connect_subset.py keeps the messages and fields Drift needs, with
# Spark's own names and numbers), fed to protoc --descriptor_set_in with swift-protobuf's protoc-gen-swift.
#   tools/spark/generate_proto.sh [PROTOC_GEN_SWIFT]
# Needs: protoc (Debian's protobuf-compiler), a python3 with pyspark and protobuf (PYTHON, default python3), and
# protoc-gen-swift of swift-protobuf 1.39.0 (the version Package.swift pins); without the argument it is built
# from the machine's package copy in a scratch folder, which takes about ten minutes.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
python=${PYTHON:-python3}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

plugin=${1:-}
if [ -z "$plugin" ]; then
    git clone -q https://github.com/apple/swift-protobuf "$scratch/swift-protobuf"
    git -C "$scratch/swift-protobuf" checkout -q 1.39.0
    swift build -c release --package-path "$scratch/swift-protobuf" --product protoc-gen-swift
    plugin="$scratch/swift-protobuf/.build/release/protoc-gen-swift"
fi

proto_dir=$("$python" -c 'import os, importlib.util; print(os.path.join(os.path.dirname(importlib.util.find_spec("pyspark").origin), "sql", "connect", "proto"))')
files=$("$python" "$root/tools/spark/spark_connect_subset.py" "$proto_dir" "$scratch/subset.pb")
out="$root/Sources/DriftSpark/Proto"
rm -f "$out"/*.pb.swift
# shellcheck disable=SC2086 # the file list is split on purpose
protoc --descriptor_set_in="$scratch/subset.pb" --plugin=protoc-gen-swift="$plugin" \
    --swift_out="$out" --swift_opt=FileNaming=DropPath --swift_opt=Visibility=Internal $files
echo "generated: $(cd "$out" && ls ./*.pb.swift | tr '\n' ' ')"
