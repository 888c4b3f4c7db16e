#!/usr/bin/env bash
# bench/Alerts: matching a new schedule version against 100,000 subscriptions, on SQLite and on a throwaway PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release bench/Alerts -v q -nologo
bench=bench/Alerts/bin/Release/net10.0/Alerts.Bench
"$bench"

pg_bin=/usr/lib/postgresql/15/bin
if [[ -x "$pg_bin/initdb" ]]; then
    dir=$(mktemp -d) && chown postgres "$dir"
    port=55441
    runuser -u postgres -- "$pg_bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
    trap 'runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null; rm -rf "$dir"' EXIT
    "$bench" --postgres "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
else
    echo "PostgreSQL 15 is not installed: skipped the PostgreSQL run."
fi
