#!/usr/bin/env bash
# The whole suite: unit tests and integration tests (which start their own Azurite on free ports).
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
dotnet build AccessReviewFunctions.sln -nologo -v quiet || exit 1
dotnet test AccessReviewFunctions.sln --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if grep -qE '^\s+Failed ' "$log"; then
  echo "Failed tests:"
  grep -E -A6 '^\s+Failed ' "$log" | cut -c1-300
fi
rm -f "$log"
echo "${passed} passed, ${failed} failed"
exit "$status"
