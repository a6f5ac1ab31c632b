#!/usr/bin/env bash
# make bench [B=create|storage|decisions|read] [ARGS="..."]: the benchmarks under bench/ (docs/benchmarks.md).
# create (the default) measures create -> ACTIVE against a live host: start `make run` in another terminal first.
# storage, decisions and read start their own in-memory Azurite (and host) and take their arguments from ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
read -ra args <<< "${ARGS:-}"
case "${B:-create}" in
  create)
    if ! curl -sf http://localhost:7071/healthz >/dev/null; then
      echo "No host on http://localhost:7071: start 'make run' in another terminal, then run 'make bench' again." >&2
      exit 1
    fi
    bench/create-to-active.sh "${N:-30}"
    ;;
  storage) exec dotnet run -c Release --project bench/StorageBench -- "${args[@]}" ;;
  decisions) exec dotnet run -c Release --project bench/DecisionBench -- "${args[@]}" ;;
  read) exec dotnet run -c Release --project bench/ReadBench -- "${args[@]}" ;;
  *)
    echo "unknown B=$B: create (default, needs 'make run'), storage, decisions or read" >&2
    exit 2
    ;;
esac
