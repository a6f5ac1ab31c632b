#!/usr/bin/env bash
# Measures the time from POST (create review) to status ACTIVE against a running `make run` (http://localhost:7071),
# for N reviews of demo employees, one after another. Prints the p50/p95 in milliseconds. Start the host with
# RateLimiting__Enabled=false: the 5 ms polling spends a caller's 600 requests a minute within seconds.
set -euo pipefail
base=${BASE:-http://localhost:7071}
n=${1:-20}
token() { curl -sf -XPOST "$base/dev/token" -H 'content-type: application/json' -d "$1" | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])'; }
admin=$(token '{"sub":"00uadmin000000000001","roles":["SUPER_ADMIN"]}')
times=()
for i in $(seq 1 "$n"); do
  start=$(date +%s%N)
  id=$(curl -sf -XPOST "$base/governance/api/v2/security-access-reviews" -H "authorization: Bearer $admin" -H 'content-type: application/json' \
    -d "{\"principalId\":\"00uemp0000000000000$(( i % 9 + 1 ))\",\"name\":\"bench $i\",\"reviewerSettings\":{\"type\":\"USER\",\"userSettings\":{\"includedUserIds\":[\"00ureviewer000000001\"]}}}" \
    | grep -o '"id":"sar[0-9A-Za-z]*"' | cut -d'"' -f4)
  # the review's own status opens its JSON; the reviewers' profiles further on carry a status of their own
  until curl -sf "$base/governance/api/v2/security-access-reviews/$id" -H "authorization: Bearer $admin" | grep -q "^{\"id\":\"$id\",\"status\":\"ACTIVE\""; do sleep 0.005; done
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
  # close it again so the demo principal stays under the per-principal limit of open reviews
  curl -sf -XPOST "$base/governance/api/v2/security-access-reviews/$id/actions" -H "authorization: Bearer $admin" -H 'content-type: application/json' -d '{"actionType":"CLOSE_REVIEW"}' >/dev/null
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "create->ACTIVE over %d reviews: p50 %d ms, p95 %d ms, max %d ms\n", NR, a[int(NR*0.5+0.5)], a[int(NR*0.95+0.5)], a[NR]}'
