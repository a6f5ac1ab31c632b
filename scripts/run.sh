#!/usr/bin/env bash
# make run: Azurite (data in .azurite/) and the host on http://localhost:7071 with the demo inventory. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
[ -f local.settings.json ] || { cp local.settings.sample.json local.settings.json; echo "created local.settings.json from the sample"; }
dotnet build src/Functions/Functions.csproj -nologo -v quiet

azurite_pids=()
host_pid=""
# Ctrl-C reaches only the host and this script: Azurite runs in its own session, so it outlives the host's drain
# and stops after it. The host stops within its shutdown timeout (10 s); a host that hangs anyway is killed at 15 s.
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    kill -INT "$host_pid" 2>/dev/null
    for _ in $(seq 1 150); do kill -0 "$host_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$host_pid" 2>/dev/null
    wait "$host_pid" 2>/dev/null || true
  fi
  # SIGINT, as Ctrl-C: azurite-table saves .azurite/ on SIGINT only (SIGTERM would lose its latest writes).
  for pid in "${azurite_pids[@]}"; do
    kill -INT "$pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  exit 0
}
trap cleanup EXIT INT TERM
if (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
  echo "storage already answers on 127.0.0.1:10000-10002; using it"
else
  mkdir -p .azurite
  # One process per service, as the tests and the bench run it: Azurite is single-threaded, and the queue service's
  # periodic cleanup of deleted messages would otherwise hold up every table request behind it.
  for service in blob queue table; do
    setsid "node_modules/.bin/azurite-$service" --silent --disableTelemetry --skipApiVersionCheck --loose \
      --location "$root/.azurite" "--${service}Host" 127.0.0.1 &
    azurite_pids+=($!)
  done
  for port in 10000 10001 10002; do
    for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
  done
  echo "Azurite started (blob, queue and table processes ${azurite_pids[*]}, data in .azurite/)"
fi

ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development} \
  dotnet src/Functions/bin/Debug/net10.0/AccessReviewFunctions.Functions.dll --contentRoot "$root" --urls http://localhost:7071 &
host_pid=$!
wait "$host_pid"
