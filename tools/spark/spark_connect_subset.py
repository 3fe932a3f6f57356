#!/usr/bin/env python3
"""Writes a FileDescriptorSet holding the part of the Spark Connect protocol that Drift uses.

pyspark ships the protocol's schema as serialized FileDescriptorProtos inside
pyspark/sql/connect/proto/*_pb2.py (the argument of AddSerializedFile). This script reads them from the
source text (no import of pyspark, which would need pandas), keeps only the messages and fields listed in
KEEP (field names and numbers unchanged, so the wire format is Spark's own), drops everything else, and
writes the files that still hold a message as one descriptor set for `protoc --descriptor_set_in`.

usage: spark_connect_subset.py PYSPARK_PROTO_DIR OUTPUT.pb
Needs the `protobuf` package (descriptor_pb2).
"""
import ast
import pathlib
import sys

from google.protobuf import descriptor_pb2

# Message (full name, without the leading dot) -> the fields kept. Nested messages not named here are dropped.
KEEP = {
    "spark.connect.UserContext": ["user_id", "user_name"],
    "spark.connect.Plan": ["root"],
    "spark.connect.ExecutePlanRequest": ["session_id", "user_context", "operation_id", "plan", "client_type"],
    "spark.connect.ExecutePlanResponse": ["session_id", "server_side_session_id", "operation_id", "response_id",
                                          "arrow_batch", "result_complete"],
    "spark.connect.ExecutePlanResponse.ArrowBatch": ["row_count", "data", "start_offset"],
    "spark.connect.ExecutePlanResponse.ResultComplete": [],
    "spark.connect.InterruptRequest": ["session_id", "user_context", "client_type", "interrupt_type", "operation_id"],
    "spark.connect.InterruptResponse": ["session_id", "interrupted_ids"],
    "spark.connect.ReleaseSessionRequest": ["session_id", "user_context", "client_type"],
    "spark.connect.ReleaseSessionResponse": ["session_id"],
    "spark.connect.Relation": ["sql"],
    "spark.connect.SQL": ["query", "named_arguments"],
    "spark.connect.SQL.NamedArgumentsEntry": ["key", "value"],
    "spark.connect.Expression": ["literal"],
    "spark.connect.Expression.Literal": ["null", "boolean", "long", "double", "string"],
    "spark.connect.DataType": ["null"],
    "spark.connect.DataType.NULL": ["type_variation_reference"],
}
# Enums nested in kept messages that are kept (others are dropped).
KEEP_ENUMS = {"spark.connect.InterruptRequest.InterruptType"}


def serialized_descriptor(path):
    """The bytes literal passed to AddSerializedFile in a generated *_pb2.py."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "AddSerializedFile":
            return ast.literal_eval(node.args[0])
    raise SystemExit(f"{path}: no AddSerializedFile call")


def prune_message(message, prefix):
    """Keeps the listed fields, nested messages and enums of `message`; False when the message is not kept."""
    name = f"{prefix}.{message.name}"
    if name not in KEEP:
        return False
    wanted = KEEP[name]
    missing = set(wanted) - {field.name for field in message.field}
    if missing:
        raise SystemExit(f"{name} has no field {sorted(missing)}: the protocol changed")
    fields = [field for field in message.field if field.name in wanted]
    # Oneofs: keep those still used, renumbered in order; proto3 optional fields keep their synthetic oneof.
    used = sorted({field.oneof_index for field in fields if field.HasField("oneof_index")})
    renumber = {old: new for new, old in enumerate(used)}
    oneofs = [message.oneof_decl[old] for old in used]
    for field in fields:
        if field.HasField("oneof_index"):
            field.oneof_index = renumber[field.oneof_index]
    del message.field[:]
    message.field.extend(fields)
    del message.oneof_decl[:]
    message.oneof_decl.extend(oneofs)
    nested = [inner for inner in message.nested_type if prune_message(inner, name)]
    del message.nested_type[:]
    message.nested_type.extend(nested)
    enums = [enum for enum in message.enum_type if f"{name}.{enum.name}" in KEEP_ENUMS]
    del message.enum_type[:]
    message.enum_type.extend(enums)
    del message.reserved_range[:]
    del message.reserved_name[:]
    return True


def main():
    proto_dir, output = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    files = []
    for path in sorted(proto_dir.glob("*_pb2.py")):
        descriptor = descriptor_pb2.FileDescriptorProto.FromString(serialized_descriptor(path))
        messages = [m for m in descriptor.message_type if prune_message(m, descriptor.package)]
        if not messages:
            continue
        del descriptor.message_type[:]
        descriptor.message_type.extend(messages)
        del descriptor.enum_type[:]
        del descriptor.service[:]
        del descriptor.extension[:]
        descriptor.ClearField("source_code_info")
        files.append(descriptor)
    kept = {f.name for f in files}
    for descriptor in files:
        dependencies = [d for d in descriptor.dependency if d in kept]
        del descriptor.dependency[:]
        descriptor.dependency.extend(dependencies)
        del descriptor.public_dependency[:]
        del descriptor.weak_dependency[:]
    # Dependencies first, as protoc expects.
    ordered, done = [], set()
    def visit(descriptor):
        if descriptor.name in done:
            return
        done.add(descriptor.name)
        for dependency in descriptor.dependency:
            visit(next(f for f in files if f.name == dependency))
        ordered.append(descriptor)
    for descriptor in files:
        visit(descriptor)
    found = {f"{d.package}.{m.name}" for d in files for m in d.message_type}
    top = {name for name in KEEP if name.count(".") == 2}
    if top - found:
        raise SystemExit(f"messages not found: {sorted(top - found)}")
    output.write_bytes(descriptor_pb2.FileDescriptorSet(file=ordered).SerializeToString())
    print(" ".join(d.name for d in ordered))


if __name__ == "__main__":
    main()
