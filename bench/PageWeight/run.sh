#!/usr/bin/env bash
# Transferred size of each page with its CSS (Brotli, as browsers ask for it), against the 60 KB budget.
# Starts the app on a free loopback port with its own SQLite database and stops it at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
dotnet build -c Release src/Trade4Msmes.Web -v quiet -nologo >/dev/null
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
Database__Provider=Sqlite ConnectionStrings__Default="Data Source=$work/pages.db" \
  dotnet src/Trade4Msmes.Web/bin/Release/net10.0/Trade4Msmes.Web.dll --contentRoot $PWD/src/Trade4Msmes.Web --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 120); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
css_url=$(curl -s "http://127.0.0.1:$port/en/" | grep -o '/css/site.css[^"]*')
css=$(curl -sf -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port$css_url")
printf '| page | HTML (br) | + CSS (br) | total | raw HTML |\n| --- | ---: | ---: | ---: | ---: |\n'
for page in /en/ /fr/ /es/ /en/hs /en/hs/2022/sections/XVI /en/hs/2022/84 /en/hs/2022/8549 /en/hs/2022/854911 \
  /en/hs/2017/854810 /en/economies /fr/economies /en/economies/FRA /en/economies/GBR /en/agreements \
  "/en/agreements?party=FRA" /en/agreements/836 /en/about/data /en/markets \
  "/en/markets?product=090121&origin=KEN&destination=USA&value=2000&currency=USD" \
  "/en/markets?product=040690&origin=CHN&destination=USA&value=2000&currency=USD" \
  "/en/markets/compare?product=010130&origin=BRA" /en/tariffs/USA /en/alerts /fr/alerts /en/notifications "/en/notifications?open=true" \
  /en/roadmap /fr/roadmap/duties-and-taxes /es/roadmap/trade-agreements-and-origin /fr/guides/good-regulatory-practice /en/glossary \
  /es/glossary /en/library /fr/library /en/assessments/export-readiness /fr/game /en/news /en/tools/lei /en/contact; do
  html=$(curl -s -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port$page")
  raw=$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port$page")
  printf '| `%s` | %d | %d | %d | %d |\n' "$page" "$html" "$css" $((html + css)) "$raw"
done
