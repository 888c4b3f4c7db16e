#!/usr/bin/env bash
# First start: create an empty SQLite database, apply the migrations and load all shipped reference data, as
# `dotnet run --project src/Trade4Msmes.Web` does the first time (here through the "setup" verb, which exits after).
# Budget: <= 60 s on a 2-core machine. Needs hyperfine (Debian package). Usage: bench/FirstStart/run.sh [runs]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs=${1:-5}
dotnet build -c Release src/Trade4Msmes.Web -v quiet -nologo >/dev/null
out=src/Trade4Msmes.Web/bin/Release/net10.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export Database__Provider=Sqlite ConnectionStrings__Default="Data Source=$work/first-start.db"
hyperfine --runs "$runs" --warmup 1 \
  --prepare "rm -f $work/first-start.db $work/first-start.db-wal $work/first-start.db-shm" \
  --export-json "$work/first-start.json" \
  "dotnet $out/Trade4Msmes.Web.dll setup --contentRoot $PWD/src/Trade4Msmes.Web"
# A second start on the loaded database: migrations and data are current, nothing is loaded again.
hyperfine --runs "$runs" --export-json "$work/restart.json" "dotnet $out/Trade4Msmes.Web.dll setup --contentRoot $PWD/src/Trade4Msmes.Web"
python3 - "$work/first-start.json" "$work/restart.json" <<'PY'
import json, sys
for label, path in zip(["first start (empty database)", "restart (nothing to load)"], sys.argv[1:]):
    r = json.load(open(path))["results"][0]
    print(f"{label}: median {r['median']:.2f} s, min {r['min']:.2f} s, max {r['max']:.2f} s, {len(r['times'])} runs")
PY
