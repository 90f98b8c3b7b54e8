#!/usr/bin/env bash
# The coordinators' desk under a clinic's two years of data: p50/p95/p99 of the queue, My day, tasks and search, beside a
# bare authenticated page (/staff) in the same run, on SQLite and on PostgreSQL.
#
#   bench/desk-load.sh                 both databases
#   DB=sqlite bench/desk-load.sh       one of them (sqlite | postgres)
#   EXTRA_URLS="name=/staff/path" bench/desk-load.sh      measure more pages (name=path, space-separated)
#
# Settings: INQUIRIES=100000 EVENTS=1000000 DURATION=15s WARMUP=3s THREADS=2 CONNECTIONS=4.
# For each database: builds Release (once), makes a temporary folder, for PostgreSQL starts a private server from
# the machine's binaries (initdb/pg_ctl, as the postgres user when run as root) on a free 127.0.0.1 port, creates a
# coordinator with a random password and authenticator key (add-staff), seeds the data (seed-scale), starts the
# app on 127.0.0.1, signs in through the real password + TOTP pages (bench/staff-signin.py), then runs wrk on
# each URL (warm-up, then measured; bench/percentiles.lua prints the percentiles). Every request must succeed.
# On exit it stops the app and the PostgreSQL server it started and removes the temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${DB:-both}
INQUIRIES=${INQUIRIES:-100000}
EVENTS=${EVENTS:-1000000}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-3s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-4}
EXTRA_URLS=${EXTRA_URLS:-}

for tool in dotnet wrk curl python3 sqlite3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "desk-load.sh: '$tool' is missing." >&2; exit 2; }
done

root=$(mktemp -d "${TMPDIR:-/tmp}/spinedesk-desk.XXXXXX")
chmod 755 "$root"
app_pid=""
pg_data=""
pg_bin=""
as_postgres=()
[ "$(id -u)" = 0 ] && as_postgres=(runuser -u postgres --)
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
stop_pg() {
  if [ -n "$pg_data" ]; then
    "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  pg_data=""
}
cleanup() { stop_app; stop_pg; rm -rf "$root"; }
trap cleanup EXIT

echo "== Building Release"
dotnet build src/SpineDesk.Web -c Release --nologo -v quiet >"$root/build.log" 2>&1 || { cat "$root/build.log" >&2; exit 1; }
out=$(pwd)/src/SpineDesk.Web/bin/Release/net10.0
[ -f "$out/SpineDesk.Web.dll" ] || { echo "desk-load.sh: $out/SpineDesk.Web.dll was not built." >&2; exit 1; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
ms() { awk -v v="$1" 'BEGIN { printf "%.1f", v }'; }

app_env() { # app_env ARGS...: replaces the current (sub)shell with SpineDesk.Web.dll and this database's settings
  cd "$out" && exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    Email__PickupFolder="$work/mail" Email__PollInterval=01:00:00 Demo__SeedWhenEmpty=false \
    "${db_env[@]}" dotnet SpineDesk.Web.dll "$@"
}
app() { (app_env "$@"); } # runs a command of SpineDesk.Web.dll and waits for it

sql() { # sql QUERY: one value from this database
  if [ "$kind" = sqlite ]; then sqlite3 "$work/data/spinedesk.db" "$1"
  else "${as_postgres[@]}" "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d spinedesk -Atc "$1"; fi
}

results=()
run_one() { # run_one sqlite|postgres
  kind=$1
  work="$root/$kind"
  mkdir -p "$work/data" "$work/mail"
  if [ "$kind" = postgres ]; then
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
    [ -x "$pg_bin/initdb" ] || { echo "desk-load.sh: PostgreSQL binaries not found (apt-get install postgresql)." >&2; exit 2; }
    pg_port=$(free_port)
    chmod 777 "$work"
    mkdir -p "$work/pg" && chmod 700 "$work/pg"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$work/pg"
    "${as_postgres[@]}" "$pg_bin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$work/initdb.log" 2>&1
    pg_data="$work/pg/data"
    # The settings of a small clinic server; durability stays on (fsync, synchronous_commit).
    "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg/server.log" -w -t 60 \
      -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c max_connections=100" start >/dev/null
    "${as_postgres[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres spinedesk
    db_env=(Database__Provider=Postgres "Database__ConnectionString=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=spinedesk;Maximum Pool Size=50")
  else
    db_env=(Database__Provider=Sqlite Database__DataFolder="$work/data")
  fi

  local email="bench.coordinator@example.test"
  export BENCH_PASSWORD BENCH_TOTP_KEY
  BENCH_PASSWORD="B-$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')"
  BENCH_TOTP_KEY=$(python3 -c 'import base64, secrets; print(base64.b32encode(secrets.token_bytes(20)).decode())')
  echo "== [$kind] Creating the benchmark coordinator and seeding $INQUIRIES inquiries, $EVENTS timeline events"
  SPINEDESK_STAFF_PASSWORD="$BENCH_PASSWORD" SPINEDESK_STAFF_AUTHENTICATOR_KEY="$BENCH_TOTP_KEY" \
    app add-staff --email "$email" --name "Bench Coordinator" --role Coordinator >"$work/add-staff.log" 2>&1 \
    || { cat "$work/add-staff.log" >&2; exit 1; }
  local seeded_at=$SECONDS
  app seed-scale --inquiries "$INQUIRIES" --events "$EVENTS" 2>&1 | grep -v -e '^warn: Microsoft.EntityFrameworkCore.Migrations' -e 'PRAGMA foreign_keys' -e 'cannot be executed in a transaction' | tee "$work/seed.log"
  local seed_seconds=$((SECONDS - seeded_at))
  grep -q "Scale data seeded" "$work/seed.log" || { echo "desk-load.sh: seeding failed." >&2; exit 1; }
  [ "$kind" = postgres ] && sql "ANALYZE" >/dev/null

  # Search terms taken from the seeded data: one person's name, number, email and reference.
  local id; id=$(sql "SELECT min(\"Id\") FROM \"Inquiries\" WHERE \"Email\" IS NOT NULL AND \"Id\" >= $((INQUIRIES / 2))")
  local name_part phone e164 email_q reference
  name_part=$(sql "SELECT \"NameKey\" FROM \"Inquiries\" WHERE \"Id\" = $id" | awk '{ print substr($NF, 1, 5) }')
  e164=$(sql "SELECT \"Phone\" FROM \"Inquiries\" WHERE \"Id\" = $id")
  phone="(${e164:2:3}) ${e164:5:3}-${e164:8:4}"
  email_q=$(sql "SELECT upper(\"Email\") FROM \"Inquiries\" WHERE \"Id\" = $id")
  reference=$(sql "SELECT lower(replace(\"ReferenceNumber\", '-', ' ')) FROM \"Inquiries\" WHERE \"Id\" = $id")
  enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

  local port; port=$(free_port)
  local base="http://127.0.0.1:$port"
  echo "== [$kind] Starting SpineDesk on $base"
  # The background subshell execs dotnet, so $! is the app itself and stop_app ends it.
  (app_env --urls "$base") >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$base/staff/sign-in" 2>/dev/null && break
    kill -0 "$app_pid" 2>/dev/null || { echo "desk-load.sh: the app stopped:" >&2; cat "$work/app.log" >&2; exit 1; }
    sleep 1
  done
  local cookie; cookie=$(python3 bench/staff-signin.py "$base" "$email")
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/staff/queue")" = 200 ] \
    || { echo "desk-load.sh: signed in, but /staff/queue did not answer 200." >&2; exit 1; }

  local urls=(
    "baseline=/staff"
    "queue-all=/staff/queue"
    "queue-due=/staff/queue?show=due"
    "queue-mine=/staff/queue?show=mine"
    "queue-unclaimed=/staff/queue?show=unclaimed"
    "queue-page-3=/staff/queue?p=3"
    "my-day=/staff/my-day"
    "tasks-mine=/staff/tasks"
    "search-name=/staff/search?q=$(enc "$name_part")"
    "search-name-closed=/staff/search?q=$(enc "$name_part")&stage=Closed"
    "search-phone=/staff/search?q=$(enc "$phone")"
    "search-phone-ending=/staff/search?q=$(enc "${e164:5:3}-${e164:8:4}")"
    "search-email=/staff/search?q=$(enc "$email_q")"
    "search-reference=/staff/search?q=$(enc "$reference")"
    "search-overdue=/staff/search?overdue=true"
    "search-urgent-contacting=/staff/search?stage=Contacting&urgency=Urgent"
  )
  for extra in $EXTRA_URLS; do urls+=("$extra"); done

  local failed=false line name path r
  declare -A p95s=()
  for entry in "${urls[@]}"; do
    name=${entry%%=*}; path=${entry#*=}
    local status; status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$path")
    [ "$status" = 200 ] || { echo "!! [$kind] $name: GET $path answered $status" >&2; failed=true; continue; }
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Cookie: $cookie" "$base$path" >/dev/null
    r=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $cookie" -s bench/percentiles.lua "$base$path" | grep '^RESULT')
    local requests p50 p95 p99 errors
    eval "${r#RESULT }"   # requests= p50= p95= p99= errors=
    [ "$errors" -eq 0 ] || { echo "!! [$kind] $name: $errors requests failed" >&2; failed=true; }
    p95s[$name]=$p95
    line="| $kind | \`$name\` | $requests | $(ms "$p50") | $(ms "$p95") | $(ms "$p99") |"
    if [ "$name" != baseline ]; then
      line+=" $(awk -v a="$p95" -v b="${p95s[baseline]}" 'BEGIN { printf "%.1f", a / b }')x |"
    else
      line+=" 1.0x |"
    fi
    echo "$line"
    results+=("$line")
  done
  $failed && exit 1
  local inquiries_n events_n open_n
  inquiries_n=$(sql "SELECT count(*) FROM \"Inquiries\"")
  open_n=$(sql "SELECT count(*) FROM \"Inquiries\" WHERE \"Stage\" IN ('New', 'Contacting')")
  events_n=$(sql "SELECT (SELECT count(*) FROM \"ContactAttempts\") + (SELECT count(*) FROM \"StageChanges\") + (SELECT count(*) FROM \"Notes\") + (SELECT count(*) FROM \"OutboxMessages\" WHERE \"InquiryId\" IS NOT NULL) + (SELECT count(*) FROM \"Consultations\")")
  results+=("| $kind | dataset: $inquiries_n inquiries ($open_n open), $events_n timeline events, seeded in ${seed_seconds} s | | | | | |")
  stop_app
  stop_pg
}

case "$DB" in
  both) run_one sqlite; run_one postgres ;;
  sqlite|postgres) run_one "$DB" ;;
  *) echo "desk-load.sh: DB must be sqlite, postgres or both." >&2; exit 2 ;;
esac

echo
echo "== Result ($(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), wrk -t$THREADS -c$CONNECTIONS -d$DURATION, load now: $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| database | URL | requests | p50 ms | p95 ms | p99 ms | p95 ÷ baseline |"
echo "|---|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${results[@]}"
