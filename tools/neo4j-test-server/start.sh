#!/usr/bin/env bash
# Starts one test Neo4j (Community 5.26, Bolt on 127.0.0.1, no auth) in the background.
#   start.sh URI_FILE [DATA_DIR] [PORT]     e.g. start.sh .neo4j-test/uri
# Writes bolt://127.0.0.1:PORT to URI_FILE, the PID to URI_FILE.pid, the JVM's stderr to URI_FILE.log
# (Neo4j's own logs are in DATA_DIR/logs). DATA_DIR (default $NEO4J_TEST_DIR, else URI_FILE.data) is
# kept, so after a kill -9 the same command (with the same PORT) restarts on the same data.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
uri_file=${1:?usage: start.sh URI_FILE [DATA_DIR] [PORT]}
dir=${2:-${NEO4J_TEST_DIR:-$uri_file.data}}
port=${3:-${NEO4J_TEST_PORT:-}}
version=$(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' "$here/pom.xml")
if [ ! -f "$here/target/lib/neo4j-$version.jar" ] || [ ! -d "$here/target/classes" ]; then
  rm -rf "$here/target" && mvn -q -B -f "$here/pom.xml" package -DskipTests >&2
fi
mkdir -p "$(dirname "$uri_file")" "$dir"
rm -f "$uri_file" "$uri_file.tmp"
[ -p "$uri_file.stdin" ] || mkfifo "$uri_file.stdin"
# The server stops when its stdin closes; a FIFO that it opens read-write itself never closes,
# so it runs until stop.sh sends SIGTERM.
nohup java ${NEO4J_TEST_JAVA_OPTS:--Xms64m -Xmx512m -XX:+UseSerialGC} -cp "$here/target/classes:$here/target/lib/*" \
  verkosto.Neo4jTestServer --dir "$dir" ${port:+--port "$port"} <>"$uri_file.stdin" >"$uri_file.tmp" 2>"$uri_file.log" &
pid=$!
echo "$pid" >"$uri_file.pid"
SECONDS=0
until grep -qsE '^bolt://127\.0\.0\.1:[0-9]+$' "$uri_file.tmp"; do
  if ! kill -0 "$pid" 2>/dev/null || [ "$SECONDS" -ge 120 ]; then
    echo "The test Neo4j did not start (see $uri_file.log and $dir/logs/debug.log)" >&2
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$uri_file.pid" "$uri_file.tmp"
    exit 1
  fi
  sleep 0.2
done
mv "$uri_file.tmp" "$uri_file"
cat "$uri_file"
