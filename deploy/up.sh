#!/usr/bin/env bash
# Brings up a Trade4MSMEs deployment on loopback ports, for load and fault tests and for trying the multi-instance
# setup on one machine: N app instances on one database, behind nginx. It stops by itself after --lifetime
# seconds; deploy/down.sh STATE stops it earlier. Only processes it started are stopped.
#
#   deploy/up.sh --state DIR [--instances 2] [--port 18080] [--provider postgres|sqlite] [--connection CS]
#                [--app DIR] [--no-nginx] [--no-reference-data] [--lifetime 900]
#
#   --state DIR       where pids, logs, the nginx configuration and (if started here) the database live
#   --instances N     app instances, on ports PORT+1 … PORT+N (default 2)
#   --port PORT       nginx listens here (default 18080)
#   --provider        postgres (default) or sqlite (one file in STATE, shared by the instances)
#   --connection CS   an existing PostgreSQL database; without it, a throwaway cluster is started in STATE/pg
#   --app DIR         a folder holding Trade4Msmes.Web.dll (default: dotnet publish -c Release into STATE/app)
#   --no-nginx        instances only (clients talk to PORT+1 directly)
#   --no-reference-data  create the schema only (fault tests that need no HS codes or tariffs)
#   --lifetime S      stop everything after S seconds (default 900)
#   EXTRA_ENV="K=V …" more settings for the instances (environment), e.g. EXTRA_ENV="RateLimits__Api__Permits=100000"
#
# On success it writes STATE/env (sourceable: BASE_URL, INSTANCE_URLS, CONNECTION, PROVIDER) and prints it.
set -euo pipefail

STATE="" INSTANCES=2 PORT=18080 PROVIDER=postgres CONNECTION="" APP="" NGINX=1 LIFETIME=900 REFERENCE_DATA=true
while (($# > 0)); do
    case $1 in
        --state) STATE=$2; shift 2 ;;
        --instances) INSTANCES=$2; shift 2 ;;
        --port) PORT=$2; shift 2 ;;
        --provider) PROVIDER=$2; shift 2 ;;
        --connection) CONNECTION=$2; shift 2 ;;
        --app) APP=$2; shift 2 ;;
        --no-nginx) NGINX=0; shift ;;
        --no-reference-data) REFERENCE_DATA=false; shift ;;
        --lifetime) LIFETIME=$2; shift 2 ;;
        *) echo "Unknown option: $1 (see the comment at the top of $0)" >&2; exit 2 ;;
    esac
done
[[ -n $STATE ]] || { echo "--state DIR is required" >&2; exit 2; }
[[ $PROVIDER == postgres || $PROVIDER == sqlite ]] || { echo "--provider is postgres or sqlite" >&2; exit 2; }
DEPLOY=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$DEPLOY")
mkdir -p "$STATE"
STATE=$(cd "$STATE" && pwd)
trap 'echo "deploy/up.sh failed; stopping what it started" >&2; "$DEPLOY/down.sh" "$STATE" >/dev/null 2>&1 || true' ERR

# Stops everything after LIFETIME seconds even if the caller forgets or dies.
setsid bash -c "sleep $LIFETIME; exec '$DEPLOY/down.sh' '$STATE'" </dev/null >/dev/null 2>&1 &
echo $! >"$STATE/watchdog.pid"

wait_for() { # URL SECONDS
    local deadline=$((SECONDS + $2))
    until curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; do
        ((SECONDS < deadline)) || { echo "No answer from $1 after $2 s" >&2; return 1; }
        sleep 0.3
    done
}

as_postgres() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [[ $PROVIDER == postgres && -z $CONNECTION ]]; then
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [[ -x $pg_bin/initdb ]] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
    pg_port=$((PORT + 50))
    mkdir -p "$STATE/pg"
    [[ $EUID -eq 0 ]] && chown postgres: "$STATE/pg"
    as_postgres "$pg_bin/initdb" -D "$STATE/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$STATE/pg-initdb.log"
    # Two instances with 40 connections each, plus psql and pg_dump, fit in 100.
    as_postgres "$pg_bin/pg_ctl" -D "$STATE/pg/data" -l "$STATE/pg/server.log" -w -t 60 \
        -o "-p $pg_port -k $STATE/pg -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=256MB" start >/dev/null
    echo "$pg_bin" >"$STATE/pg-bin"
    CONNECTION="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Maximum Pool Size=40"
elif [[ $PROVIDER == sqlite && -z $CONNECTION ]]; then
    CONNECTION="Data Source=$STATE/trade4msmes.db"
fi

if [[ -z $APP ]]; then
    APP=$STATE/app
    dotnet publish "$ROOT/src/Trade4Msmes.Web" -c Release -o "$APP" -v q -nologo >"$STATE/publish.log"
fi
[[ -f $APP/Trade4Msmes.Web.dll ]] || { echo "No Trade4Msmes.Web.dll in $APP" >&2; exit 1; }
PROVIDER_SETTING=$([[ $PROVIDER == postgres ]] && echo Postgres || echo Sqlite)

# One instance migrates and loads the reference data; the others start on a current database.
(cd "$APP" && Database__Provider=$PROVIDER_SETTING ConnectionStrings__Default=$CONNECTION \
    Database__LoadReferenceData=$REFERENCE_DATA dotnet Trade4Msmes.Web.dll setup >"$STATE/setup.log" 2>&1)

urls=()
for ((i = 1; i <= INSTANCES; i++)); do
    port=$((PORT + i))
    (cd "$APP" && exec env ASPNETCORE_ENVIRONMENT=Production Urls="http://127.0.0.1:$port" \
        Database__Provider=$PROVIDER_SETTING ConnectionStrings__Default="$CONNECTION" Database__LoadReferenceData=false \
        Site__BaseUrl="http://127.0.0.1:$PORT" ${EXTRA_ENV:-} \
        dotnet Trade4Msmes.Web.dll >"$STATE/instance-$i.log" 2>&1) &
    echo $! >"$STATE/instance-$i.pid"
    urls+=("http://127.0.0.1:$port")
done
for url in "${urls[@]}"; do
    wait_for "$url/health/ready" 120
done

BASE_URL=${urls[0]}
if ((NGINX)); then
    command -v nginx >/dev/null || { echo "nginx is not installed (apt-get install nginx)" >&2; exit 1; }
    upstreams=""
    for ((i = 1; i <= INSTANCES; i++)); do
        upstreams+="        server 127.0.0.1:$((PORT + i)) max_fails=1 fail_timeout=5s;"$'\n'
    done
    mkdir -p "$STATE/nginx-body" "$STATE/nginx-proxy" "$STATE/nginx-fastcgi" "$STATE/nginx-uwsgi" "$STATE/nginx-scgi"
    # Started as root, nginx's workers run as nobody and buffer large responses here.
    chmod 1777 "$STATE"/nginx-*
    awk -v state="$STATE" -v listen="127.0.0.1:$PORT" -v upstreams="$upstreams" \
        '{ gsub("@STATE@", state); gsub("@LISTEN@", listen); if ($0 ~ /@UPSTREAMS@/) printf "%s", upstreams; else print }' \
        "$DEPLOY/nginx.conf" >"$STATE/nginx.conf"
    nginx -p "$STATE" -c "$STATE/nginx.conf" -g 'daemon on;' 2>"$STATE/nginx-start.log"
    BASE_URL="http://127.0.0.1:$PORT"
    wait_for "$BASE_URL/health" 20
fi

{
    echo "BASE_URL=$BASE_URL"
    echo "INSTANCE_URLS=\"${urls[*]}\""
    echo "PROVIDER=$PROVIDER_SETTING"
    echo "CONNECTION=\"$CONNECTION\""
} >"$STATE/env"
cat "$STATE/env"
