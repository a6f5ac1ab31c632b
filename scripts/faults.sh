#!/usr/bin/env bash
# make faults [ARGS="--quick ..."]: the fault harness (bench/Faults, docs/reliability.md). It builds the host in Release,
# starts its own Azurite and host processes on loopback, injects the faults, prints a summary and exits non-zero when
# a check fails. Bounded: under 10 minutes by default, under 3 with --quick; every process it started is stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
read -ra args <<< "${ARGS:-}"
dotnet build bench/Faults -c Release -nologo -v quiet
exec timeout --signal=TERM --kill-after=30 "${FAULTS_TIMEOUT:-900}" dotnet bench/Faults/bin/Release/net10.0/AccessReviewFunctions.Bench.dll "${args[@]}"
