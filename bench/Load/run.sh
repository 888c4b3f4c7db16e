#!/usr/bin/env bash
# bench/Load: the deployment under wrk, on loopback, for a bounded time. Three set-ups, started with deploy/up.sh:
#   sqlite-1   one instance on SQLite, clients talk to Kestrel directly
#   pg-1       one instance on PostgreSQL behind nginx
#   pg-2       two instances on PostgreSQL behind nginx
# For each, every endpoint's paths (paths/*.txt, walked in turn so the server sees many different questions) are
# driven alone for DURATION seconds at CONNECTIONS connections, then the weighted mix (paths/mix.txt). Printed per
# endpoint: requests/s, p50 and p99 latency, errors (socket errors plus answers other than 2xx/3xx), and the
# ratio of its throughput to the same set-up's /health.
#
#   bench/Load/run.sh [--duration 10] [--connections 200] [--warm-up 15] [--setups "sqlite-1 pg-1 pg-2"] [--endpoints "health policy-search"]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
DURATION=10 CONNECTIONS=200 SETUPS="sqlite-1 pg-1 pg-2" WARM_UP=15
ENDPOINTS="health home hs-search market-access notification-search policy-search content-page guide-page mix"
while (($# > 0)); do
    case $1 in
        --duration) DURATION=$2; shift 2 ;;
        --connections) CONNECTIONS=$2; shift 2 ;;
        --warm-up) WARM_UP=$2; shift 2 ;;
        --setups) SETUPS=$2; shift 2 ;;
        --endpoints) ENDPOINTS=$2; shift 2 ;;
        *) echo "Unknown option $1" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
WORK=$(mktemp -d -t trade4msmes-load.XXXXXX)
chmod 755 "$WORK"  # PostgreSQL, started as its own user, keeps its cluster in here
STATE=""
cleanup() { [[ -n $STATE ]] && deploy/down.sh "$STATE"; rm -rf "$WORK"; }
trap cleanup EXIT

echo "Publishing the app (Release)..."
dotnet publish src/Trade4Msmes.Web -c Release -o "$WORK/app" -v q -nologo >"$WORK/publish.log"
echo "$(date -u +%Y-%m-%d) $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "wrk: $DURATION s per endpoint, $CONNECTIONS connections, 2 threads; the app's rate limits raised for the run"
printf '\n%-9s %-20s %9s %9s %9s %7s %10s\n' setup endpoint "req/s" "p50 ms" "p99 ms" errors "÷ /health"

# A wrk report's latency line ("99%   12.34ms") in milliseconds.
ms() { awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } printf "%.1f", v }'; }

port=18200
for setup in $SETUPS; do
    port=$((port + 100))
    STATE="$WORK/$setup"
    case $setup in
        sqlite-1) args=(--provider sqlite --instances 1 --no-nginx) ;;
        pg-1) args=(--provider postgres --instances 1) ;;
        pg-2) args=(--provider postgres --instances 2) ;;
        *) echo "Unknown set-up $setup" >&2; exit 2 ;;
    esac
    # The API's per-address limit would refuse a load generator on one address.
    EXTRA_ENV="RateLimits__Api__Permits=100000000" deploy/up.sh --state "$STATE" --app "$WORK/app" --port "$port" \
        --lifetime $((DURATION * 20 + WARM_UP + 300)) "${args[@]}" >"$WORK/$setup-up.log"
    source "$STATE/env"
    # One pass over every path first: the first visitor of a question pays for building its answer. Then all the
    # paths together under load for a while, so the runtime has compiled its hot code for good (tiered JIT) before
    # the first endpoint is measured; one request per path left that cost to whichever endpoint came first.
    for endpoint in $ENDPOINTS; do
        while read -r path; do curl -s -o /dev/null --max-time 30 "$BASE_URL$path"; done <"bench/Load/paths/$endpoint.txt"
    done
    (cd bench/Load/paths && cat $(printf '%s.txt ' $ENDPOINTS)) >"$WORK/warm-up.txt"
    wrk -t2 -c"$CONNECTIONS" -d"${WARM_UP}s" --timeout 10s -s bench/Load/rotate.lua "$BASE_URL" -- "$WORK/warm-up.txt" >/dev/null
    health=0
    for endpoint in $ENDPOINTS; do
        report=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s bench/Load/rotate.lua "$BASE_URL" \
            -- "$ROOT/bench/Load/paths/$endpoint.txt")
        rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$report")
        p50=$(ms 50% <<<"$report")
        p99=$(ms 99% <<<"$report")
        errors=$(awk '/Socket errors/ { gsub(",", ""); e += $4 + $6 + $8 + $10 } /Non-2xx/ { e += $NF } END { print e + 0 }' <<<"$report")
        [[ $endpoint == health ]] && health=$rps
        printf '%-9s %-20s %9s %9s %9s %7s %10s\n' "$setup" "$endpoint" "$rps" "$p50" "$p99" "$errors" \
            "$(awk -v a="$rps" -v b="$health" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
    done
    deploy/down.sh "$STATE"
    STATE=""
done
