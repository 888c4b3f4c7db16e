#!/usr/bin/env bash
# bench/Tariffs: the US HTS import and the market-access answer, on SQLite and on a throwaway PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release bench/Tariffs -v q -nologo
bench=bench/Tariffs/bin/Release/net10.0/Tariffs.Bench
"$bench"

pg_bin=/usr/lib/postgresql/15/bin
if [[ -x "$pg_bin/initdb" ]]; then
    dir=$(mktemp -d) && chown postgres "$dir"
    port=55439
    runuser -u postgres -- "$pg_bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
    trap 'runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null; rm -rf "$dir"' EXIT
    "$bench" --postgres "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
else
    echo "PostgreSQL 15 is not installed: skipped the PostgreSQL run."
fi
