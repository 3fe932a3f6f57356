#!/usr/bin/env bash
# Issues 8 and 16's pushdown benchmark: a drift report between two 10,000,000-row windows of one PostgreSQL
# table, computed by SQL aggregates, with the Drift process's time and peak resident memory, and its time over
# the time of one full scan of the same rows (SELECT count(*), avg(score), avg(x), count(region), avg(label)).
#   bench/pushdown.sh [ROWS_PER_SIDE]      (default 10000000; needs PostgreSQL's server packages)
# Starts a throw-away server (tools/postgres_test_server.sh), fills a table with generate_series, builds
# the release `drift` (DRIFT=path/to/drift uses that binary instead), times the scan (best of three) and
# bench/scripts/pushdown.drift under /usr/bin/time, and stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10000000}
dir=$(mktemp -d /tmp/drift-pushdown.XXXXXX)
trap 'tools/postgres_test_server.sh stop "$dir"' EXIT
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=$(tools/postgres_test_server.sh start "$dir" "$port")
drift=${DRIFT:-}
if [ -z "$drift" ]; then
  swift build -c release --product drift --scratch-path .build-release 2>&1 | tail -1
  drift=.build-release/release/drift
fi
PGPASSWORD=drift-test-password psql -q -h 127.0.0.1 -p "$port" -U drift -d postgres <<SQL
CREATE TABLE predictions AS
SELECT i AS id,
       random() * 100 + CASE WHEN i > $rows THEN 5 ELSE 0 END AS score,
       sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS x,
       (ARRAY['north', 'south', 'east', 'west'])[1 + (i % 4)] AS region,
       (random() < 0.3)::int AS label
FROM generate_series(1, 2 * $rows) AS i;
ANALYZE predictions;
SQL
echo "table: $((2 * rows)) rows"
scan=
for _ in 1 2 3; do
  start=$(date +%s.%N)
  PGPASSWORD=drift-test-password psql -q -h 127.0.0.1 -p "$port" -U drift -d postgres -c \
    "SELECT count(*), avg(score), avg(x), count(region), avg(label) FROM predictions" >/dev/null
  took=$(echo "$(date +%s.%N) - $start" | bc)
  if [ -z "$scan" ] || [ "$(echo "$took < $scan" | bc)" = 1 ]; then scan=$took; fi
done
echo "one full scan: $scan s"
out=$(/usr/bin/time -f "drift: %e s wall, peak resident %M KB" "$drift" run bench/scripts/pushdown.drift "$url" "$rows" 2>&1)
echo "$out"
seconds=$(echo "$out" | sed -n 's/^seconds=//p')
echo "drift report ÷ one scan: $(echo "scale=2; $seconds / $scan" | bc)"
