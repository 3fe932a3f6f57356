#!/usr/bin/env bash
# A throw-away PostgreSQL server for the database tests, on 127.0.0.1 with its data in a temporary directory.
#   tools/postgres_test_server.sh start DIR PORT   initdb into DIR/data, start on PORT, print the test URL
#   tools/postgres_test_server.sh stop DIR         stop the server and remove DIR
# initdb refuses to run as root, so as root the server runs as the `postgres` user (made by Debian's
# postgresql package). The user `drift` gets a password, and password authentication is required, so the
# tests can check how wrong credentials are reported.
set -euo pipefail

bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)")
[ -x "$bin/initdb" ] || { echo "postgres_test_server: no PostgreSQL server installed (apt-get install postgresql)" >&2; exit 1; }
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
start)
  dir=$2 port=$3 password=drift-test-password
  mkdir -p "$dir"
  printf '%s\n' "$password" > "$dir/password"
  [ "$(id -u)" = 0 ] && chown -R postgres "$dir"
  as_server "$bin/initdb" -D "$dir/data" -U drift --pwfile="$dir/password" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
  as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-k $dir -p $port -h 127.0.0.1" start >/dev/null
  echo "postgres://drift:$password@127.0.0.1:$port/postgres"
  ;;
stop)
  dir=$2
  [ -d "$dir/data" ] && as_server "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start DIR PORT | stop DIR" >&2
  exit 2
  ;;
esac
