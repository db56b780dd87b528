#!/usr/bin/env bash
# Stops the test Neo4j that start.sh URI_FILE started: SIGTERM (clean shutdown), SIGKILL after 60 s.
#   stop.sh URI_FILE     The data folder is kept.
set -u
uri_file=${1:?usage: stop.sh URI_FILE}
pid=$(cat "$uri_file.pid" 2>/dev/null) || exit 0
# Only signal the PID if it is still our server (not a reused PID).
if grep -q verkosto.Neo4jTestServer "/proc/$pid/cmdline" 2>/dev/null; then
  kill "$pid" 2>/dev/null
  for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null
fi
rm -f "$uri_file" "$uri_file.pid" "$uri_file.stdin"
exit 0
