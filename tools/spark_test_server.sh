#!/usr/bin/env bash
# A throw-away local Spark Connect server for the tests and benchmarks, on loopback.
#   tools/spark_test_server.sh start DIR PORT [TOKEN]
#                                               starts it (master local[2], a 1 GB driver heap, state and logs
#                                               under DIR), waits until PORT accepts connections and prints the
#                                               URL (spark://127.0.0.1:PORT); with TOKEN, every call must carry it
#                                               as a bearer token (Spark's spark.connect.authenticate.token), and
#                                               the URL ends in /;token=TOKEN
#   tools/spark_test_server.sh stop DIR         stops it
# SPARK_HOME defaults to the pyspark package of the `python3` on PATH (pip install pyspark carries the jars);
# Java 17 must be on PATH.
set -euo pipefail

command=${1:?usage: spark_test_server.sh start DIR PORT [TOKEN] | stop DIR}
dir=${2:?usage: spark_test_server.sh start DIR PORT [TOKEN] | stop DIR}
if [ "$command" = stop ] && ! ls "$dir"/*.pid >/dev/null 2>&1; then
    exit 0
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
if [ -z "${SPARK_HOME:-}" ]; then
    SPARK_HOME=$(python3 -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
fi
export SPARK_HOME
# Everything the server writes stays under DIR: pid file, logs, the warehouse of saveAsTable, scratch space.
export SPARK_PID_DIR="$dir" SPARK_LOG_DIR="$dir/logs" SPARK_LOCAL_DIRS="$dir/scratch" SPARK_IDENT_STRING=drift-test

case "$command" in
start)
    port=${3:?usage: spark_test_server.sh start DIR PORT [TOKEN]}
    token=${4:-}
    authentication=()
    [ -n "$token" ] && authentication=(--conf spark.connect.authenticate.token="$token")
    "$SPARK_HOME/sbin/start-connect-server.sh" --master 'local[2]' --driver-memory 1g "${authentication[@]}" \
        --conf spark.connect.grpc.binding.port="$port" \
        --conf spark.connect.grpc.binding.address=127.0.0.1 \
        --conf spark.sql.warehouse.dir="$dir/warehouse" \
        --conf spark.driver.extraJavaOptions="-Dderby.system.home=$dir/derby" \
        --conf spark.ui.enabled=false >"$dir/start.log" 2>&1
    for _ in $(seq 1 120); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "spark://127.0.0.1:$port${token:+/;token=$token}"
            exit 0
        fi
        sleep 1
    done
    echo "the Spark Connect server did not accept connections on port $port within 120 s; see $dir/logs" >&2
    exit 1
    ;;
stop)
    "$SPARK_HOME/sbin/stop-connect-server.sh" >/dev/null 2>&1 || true
    ;;
*)
    echo "usage: spark_test_server.sh start DIR PORT [TOKEN] | stop DIR" >&2
    exit 2
    ;;
esac
