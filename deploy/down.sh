#!/usr/bin/env bash
# Stops what deploy/up.sh started in STATE: nginx, the app instances, the throwaway PostgreSQL cluster (and
# deletes its data), the watchdog. Safe to run twice.
set -uo pipefail
STATE=${1:?usage: deploy/down.sh STATE}
[[ -d $STATE ]] || exit 0

stop_pid() { # FILE
    local pid
    [[ -f $1 ]] || return 0
    pid=$(cat "$1")
    kill "$pid" 2>/dev/null && for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
    rm -f "$1"
}

[[ -f $STATE/nginx.pid ]] && nginx -p "$STATE" -c "$STATE/nginx.conf" -s stop 2>/dev/null
for file in "$STATE"/instance-*.pid; do
    stop_pid "$file"
done
if [[ -f $STATE/pg-bin && -f $STATE/pg/data/postmaster.pid ]]; then
    pg_ctl=$(cat "$STATE/pg-bin")/pg_ctl
    if [[ $EUID -eq 0 ]]; then
        runuser -u postgres -- "$pg_ctl" -D "$STATE/pg/data" -m fast -w stop >/dev/null 2>&1
    else
        "$pg_ctl" -D "$STATE/pg/data" -m fast -w stop >/dev/null 2>&1
    fi
    rm -rf "$STATE/pg"
fi
# Last, and not when the watchdog itself is the caller.
if [[ -f $STATE/watchdog.pid ]]; then
    watchdog=$(cat "$STATE/watchdog.pid")
    rm -f "$STATE/watchdog.pid"
    # Its whole process group, so its sleep goes too.
    [[ $watchdog != "$$" ]] && kill -- "-$watchdog" 2>/dev/null
fi
exit 0
