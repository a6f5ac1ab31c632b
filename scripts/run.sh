#!/usr/bin/env bash
# make run: Azurite (data in .azurite/) and the host on http://localhost:7071 with the demo inventory. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
[ -f local.settings.json ] || { cp local.settings.sample.json local.settings.json; echo "created local.settings.json from the sample"; }
dotnet build src/Functions/Functions.csproj -nologo -v quiet

azurite_pid=""
host_pid=""
cleanup() {
  trap - EXIT INT TERM
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null
  [ -n "$azurite_pid" ] && kill "$azurite_pid" 2>/dev/null
  exit 0
}
trap cleanup EXIT INT TERM
if (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
  echo "storage already answers on 127.0.0.1:10000-10002; using it"
else
  mkdir -p .azurite
  node_modules/.bin/azurite --silent --disableTelemetry --skipApiVersionCheck --loose \
    --location "$root/.azurite" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 &
  azurite_pid=$!
  for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null && break; sleep 0.1; done
  echo "Azurite started (pid $azurite_pid, data in .azurite/)"
fi

ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development} \
  dotnet src/Functions/bin/Debug/net10.0/AccessReviewFunctions.Functions.dll --contentRoot "$root" --urls http://localhost:7071 &
host_pid=$!
wait "$host_pid"
