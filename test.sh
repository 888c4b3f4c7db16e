#!/usr/bin/env bash
# The whole test suite, as CI runs it: format check, build, the tests on SQLite, the same tests on a throwaway
# PostgreSQL cluster, then the browser journeys in Chromium. Installs what is missing (Debian packages as root,
# npm dev dependencies) first. Exits non-zero if anything failed; the last line is "Total: N passed, N failed".
#
# Settings (environment):
#   CONFIGURATION=Release   build configuration used by every run
#   SKIP_FORMAT=1           skip `dotnet format --verify-no-changes` (CI never sets it)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
readonly ROOT=$PWD
readonly CONFIGURATION=${CONFIGURATION:-Release}
readonly SOLUTION=Trade4Msmes.slnx
readonly E2E_DIR=tests/Trade4Msmes.EndToEnd

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 NPM_CONFIG_UPDATE_NOTIFIER=false

PASSED=0
FAILED=0
SUMMARY=()
WORK=$(mktemp -d -t trade4msmes-test.XXXXXX)
PG_DIR=""
PG_CTL=""

say() { printf '\n==> %s\n' "$*"; }

# Stops before the test runs, still ending with the totals line CI reads.
fail_early() {
    echo "$*" >&2
    echo "Total: $PASSED passed, $((FAILED + 1)) failed"
    exit 1
}

# PostgreSQL refuses to run as root: as root, its commands run as the postgres user.
run_as_postgres() {
    if [[ $EUID -eq 0 ]]; then
        (cd "$PG_DIR" && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

cleanup() {
    if [[ -n $PG_DIR && -f $PG_DIR/data/postmaster.pid ]]; then
        run_as_postgres "$PG_CTL" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    [[ -n $PG_DIR ]] && rm -rf "$PG_DIR"
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Records one line of the closing summary: phase name, seconds, outcome.
record() { SUMMARY+=("$(printf '%-22s %4ss  %s' "$1" "$2" "$3")"); }

# --- 1. Prerequisites -------------------------------------------------------------------------------------------

find_pg_bin() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -V -r); do
        [[ -x $dir/initdb && -x $dir/pg_ctl ]] && { echo "$dir"; return 0; }
    done
    command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
    return 1
}

find_chromium() {
    local name
    for name in chromium chromium-browser; do
        command -v "$name" 2>/dev/null && return 0
    done
    return 1
}

start=$SECONDS
say "Prerequisites"
missing=()
find_pg_bin >/dev/null || missing+=(postgresql)
find_chromium >/dev/null || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# The deployment fault tests bring up instances behind nginx with deploy/up.sh, which waits for them with curl.
command -v nginx >/dev/null 2>&1 || missing+=(nginx)
command -v curl >/dev/null 2>&1 || missing+=(curl)
# Chromium needs at least one font to lay text out (fontconfig usually brings DejaVu); a bare container may have none.
if [[ $EUID -eq 0 ]] && ! ls /usr/share/fonts/*/*/*.[ot]tf >/dev/null 2>&1; then
    missing+=(fonts-dejavu-core)
fi
if ((${#missing[@]} > 0)); then
    if [[ $EUID -ne 0 ]]; then
        fail_early "Missing: ${missing[*]}. Install them (sudo apt-get install ${missing[*]}) or run ./test.sh as root."
    fi
    echo "Installing ${missing[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || fail_early "apt-get update failed."
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$WORK/apt.log" 2>&1 \
        || { tail -30 "$WORK/apt.log" >&2; fail_early "apt-get install ${missing[*]} failed."; }
fi
command -v dotnet >/dev/null 2>&1 || fail_early "The .NET SDK is missing (see global.json)."
PG_BIN=$(find_pg_bin)
CHROMIUM=$(find_chromium)
export TRADE4MSMES_CHROMIUM=$CHROMIUM
echo "PostgreSQL: $PG_BIN   Chromium: $CHROMIUM ($("$CHROMIUM" --version 2>/dev/null | tail -1))"

# axe-core for the browser tests; the SMTP server the email tests send to.
for dir in "$E2E_DIR" tests/smtp-sink; do
    if [[ ! -d $dir/node_modules || $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]]; then
        (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) || fail_early "npm ci failed in $dir."
    fi
done
record "prerequisites" $((SECONDS - start)) "ok"

# --- 2. Restore, format check, build ------------------------------------------------------------------------------

start=$SECONDS
say "dotnet restore"
if ! dotnet restore "$SOLUTION" --verbosity quiet; then
    printf '%s\n' "${SUMMARY[@]}"
    fail_early "dotnet restore failed."
fi
record "restore" $((SECONDS - start)) "ok"

if [[ ${SKIP_FORMAT:-} != 1 ]]; then
    start=$SECONDS
    say "dotnet format --verify-no-changes"
    if dotnet format "$SOLUTION" --verify-no-changes --no-restore --verbosity quiet; then
        record "format" $((SECONDS - start)) "ok"
    else
        echo "Formatting differs: run 'dotnet format $SOLUTION' and commit the changes." >&2
        record "format" $((SECONDS - start)) "FAILED"
        FAILED=$((FAILED + 1))
    fi
fi

start=$SECONDS
say "dotnet build -c $CONFIGURATION"
build_ok=1
if dotnet build "$SOLUTION" -c "$CONFIGURATION" --no-restore --verbosity quiet -nologo; then
    record "build" $((SECONDS - start)) "ok"
else
    build_ok=0
    record "build" $((SECONDS - start)) "FAILED"
    FAILED=$((FAILED + 1))
fi

# --- 3. Test runs -------------------------------------------------------------------------------------------------

# run_tests NAME PROJECT: runs one test project and adds its counts to the totals. A run that reports no
# counts (a crash, a hang killed by --blame-hang-timeout) counts as one failure.
run_tests() {
    local name=$1 project=$2 log="$WORK/$1.log" status=0 line passed failed skipped
    start=$SECONDS
    say "Tests: $name"
    dotnet test "$project" -c "$CONFIGURATION" --no-build \
        --blame-hang-timeout 5m --blame-hang-dump-type none \
        --results-directory "$WORK/results-$name" 2>&1 | tee "$log" || status=$?
    line=$(grep -E '^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$log" | tail -1 || true)
    if [[ -n $line ]]; then
        failed=$(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$line")
        passed=$(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$line")
        skipped=$(sed -E 's/.*Skipped: +([0-9]+),.*/\1/' <<<"$line")
    else
        passed=0 failed=0 skipped=0
    fi
    if ((status != 0 && failed == 0)); then
        failed=1
        echo "dotnet test exited with $status without reporting a failed test; counting the run as one failure." >&2
    fi
    PASSED=$((PASSED + passed))
    FAILED=$((FAILED + failed))
    record "tests: $name" $((SECONDS - start)) "$passed passed, $failed failed, $skipped skipped"
}

start_postgres() {
    local port attempt
    PG_CTL=$PG_BIN/pg_ctl
    PG_DIR=$(mktemp -d -t trade4msmes-pg.XXXXXX)
    if [[ $EUID -eq 0 ]]; then
        chown postgres: "$PG_DIR"
    fi
    run_as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
        >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; return 1; }
    for attempt in 1 2 3 4 5; do
        port=$((20000 + RANDOM % 40000))
        # Something answers on the port: try another.
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
        if run_as_postgres "$PG_CTL" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
            -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            start >/dev/null; then
            export TRADE4MSMES_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
            echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($PG_DIR)"
            return 0
        fi
        echo "PostgreSQL did not start on port $port (attempt $attempt)" >&2
        tail -5 "$PG_DIR/server.log" >&2 || true
    done
    return 1
}

if ((build_ok)); then
    TRADE4MSMES_TEST_DATABASE=Sqlite run_tests sqlite tests/Trade4Msmes.Tests/Trade4Msmes.Tests.csproj

    pg_start=$SECONDS
    say "Starting a throwaway PostgreSQL cluster"
    if start_postgres; then
        record "postgres start" $((SECONDS - pg_start)) "ok"
        TRADE4MSMES_TEST_DATABASE=Postgres run_tests postgres tests/Trade4Msmes.Tests/Trade4Msmes.Tests.csproj
        run_as_postgres "$PG_CTL" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    else
        record "postgres start" $((SECONDS - pg_start)) "FAILED"
        FAILED=$((FAILED + 1))
    fi

    run_tests browser "$E2E_DIR/Trade4Msmes.EndToEnd.csproj"
fi

# --- 4. Summary ---------------------------------------------------------------------------------------------------

say "Summary"
printf '%s\n' "${SUMMARY[@]}"
echo "Total: $PASSED passed, $FAILED failed"
((FAILED == 0))
