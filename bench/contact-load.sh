#!/usr/bin/env bash
# Contact submissions per second and latency on SQLite, from wrk on 127.0.0.1, beside a bare endpoint in the same
# build that does one insert of the same size (POST /bench/bare-insert), measured in the same run.
#
#   bench/contact-load.sh            (settings: DURATION=20s THREADS=2 CONNECTIONS=16 WARMUP=5s)
#
# Builds Release, starts SpineDesk on 127.0.0.1 with a fresh SQLite data folder in a temporary directory
# (Benchmark:Enabled=true maps the bare endpoint; the rate limit is raised; logging at Warning), takes one
# antiforgery cookie + token pair from /contact, warms both endpoints up, then measures the real form
# (bench/contact-post.lua) and the bare insert (bench/bare-insert.lua). It checks that every request succeeded
# and that the SQLite file holds one new inquiry per request, prints both results and their ratio, and stops
# the app. All traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
WARMUP=${WARMUP:-5s}

for tool in dotnet wrk curl python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "contact-load.sh: '$tool' is missing." >&2; exit 2; }
done
has_sqlite3=false
command -v sqlite3 >/dev/null 2>&1 && has_sqlite3=true

work=$(mktemp -d "${TMPDIR:-/tmp}/spinedesk-bench.XXXXXX")
app_pid=""
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== Building Release"
dotnet build src/SpineDesk.Web -c Release --nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
out=src/SpineDesk.Web/bin/Release/net10.0
[ -f "$out/SpineDesk.Web.dll" ] || { echo "contact-load.sh: $out/SpineDesk.Web.dll was not built." >&2; exit 1; }

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
db="$work/data/spinedesk.db"

echo "== Starting SpineDesk on $base (data in $work/data)"
(
  cd "$out"
  # The email sender polls once at start and then hourly, so no .eml writing overlaps the measurements;
  # queuing the confirmation email (an outbox row in the same transaction) is part of what is measured.
  exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" \
    Database__Provider=Sqlite Database__DataFolder="$work/data" \
    Benchmark__Enabled=true Intake__RateLimitPermits=100000 Intake__RateLimitWindow=01:00:00 \
    Email__PickupFolder="$work/mail" Email__PollInterval=01:00:00 \
    Demo__SeedWhenEmpty=false Logging__LogLevel__Default=Warning \
    dotnet SpineDesk.Web.dll
) >"$work/app.log" 2>&1 &
app_pid=$!

for _ in $(seq 1 90); do
  if curl -fsS -o /dev/null "$base/contact" 2>/dev/null; then break; fi
  kill -0 "$app_pid" 2>/dev/null || { echo "contact-load.sh: the app stopped:" >&2; cat "$work/app.log" >&2; exit 1; }
  sleep 1
done
curl -fsS -o /dev/null "$base/contact" || { echo "contact-load.sh: the app did not answer within 90 s." >&2; cat "$work/app.log" >&2; exit 1; }

# One antiforgery pair: the token in the form and the cookie it belongs to. Both can be reused for every post.
page=$(curl -fsS -c "$work/cookies.txt" "$base/contact")
token=$(printf '%s' "$page" | grep -o '<input[^>]*__RequestVerificationToken[^>]*>' | head -n1 | sed -n 's/.*value="\([^"]*\)".*/\1/p')
cookie=$(awk -F'\t' '$6 ~ /^\.AspNetCore\.Antiforgery\./ { print $6 "=" $7; exit }' "$work/cookies.txt")
[ -n "$token" ] && [ -n "$cookie" ] || { echo "contact-load.sh: no antiforgery token or cookie on /contact." >&2; exit 1; }
export BENCH_TOKEN="$token" BENCH_COOKIE="$cookie"

count() { # count TABLE: rows in the SQLite file (empty when sqlite3 is not installed)
  if $has_sqlite3; then sqlite3 "$db" "PRAGMA busy_timeout=10000; SELECT count(*) FROM $1;" | tail -n1; fi
}

# A single post first: it must be accepted with the redirect to the reference-number page.
status=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -H "Cookie: $cookie" \
  --data-urlencode "Form.Name=Maria Lopez" --data-urlencode "Form.Phone=+12125550143" \
  --data-urlencode "Form.Email=maria.lopez@example.com" --data-urlencode "Form.PreferredContactMethod=Phone" \
  --data-urlencode "Form.PreferredContactTime=Morning" --data-urlencode "Form.Language=en" \
  --data-urlencode "Form.Message=Check before the run." --data-urlencode "Form.ConsentToContact=true" \
  --data-urlencode "Form.SubmissionKey=$(python3 -c 'import uuid; print(uuid.uuid4())')" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/contact")
case "$status" in
  "302 $base/contact/received?reference=SD-"*) echo "== A single contact post is accepted: $status" ;;
  *) echo "contact-load.sh: a single contact post was not accepted: $status" >&2; cat "$work/app.log" >&2; exit 1 ;;
esac

run_wrk() { # run_wrk SCRIPT DURATION OUTPUT
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency -s "bench/$1" "$base" >"$3"
}

echo "== Warming up both endpoints ($WARMUP each, not recorded)"
run_wrk contact-post.lua "$WARMUP" "$work/warmup-form.txt"
run_wrk bare-insert.lua "$WARMUP" "$work/warmup-bare.txt"

settle() { # waits (bounded) until requests still in flight when wrk stopped have been stored
  $has_sqlite3 || { sleep 2; return; }
  local a b
  for _ in $(seq 1 20); do
    a=$(count Inquiries); sleep 0.5; b=$(count Inquiries)
    [ "$a" = "$b" ] && return
  done
}

failed=false
measure() { # measure NAME SCRIPT: runs wrk and checks every request made one inquiry
  local name=$1 script=$2 before after requests
  settle
  before=$(count Inquiries)
  local outbox_before; outbox_before=$(count OutboxMessages)
  echo "== Measuring $name: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s bench/$script $base"
  run_wrk "$script" "$DURATION" "$work/$name.txt"
  cat "$work/$name.txt"
  if grep -q -e 'Non-2xx or 3xx responses' -e 'Socket errors' "$work/$name.txt"; then
    echo "!! $name: some requests failed (see above)." >&2; failed=true
  fi
  requests=$(awk '/requests in/ { print $1 }' "$work/$name.txt")
  if $has_sqlite3; then
    settle
    after=$(count Inquiries)
    local added=$((after - before)) outbox_added=$(( $(count OutboxMessages) - outbox_before ))
    # wrk counts answered requests; up to one request per connection may be stored but unanswered at the end.
    if [ "$added" -lt "$requests" ] || [ "$added" -gt $((requests + CONNECTIONS)) ]; then
      echo "!! $name: $requests requests answered but $added inquiries stored." >&2; failed=true
    elif [ "$name" = contact-form ] && [ "$outbox_added" -ne "$added" ]; then
      echo "!! $name: $added inquiries stored but $outbox_added confirmation emails queued." >&2; failed=true
    else
      echo "   $name: $requests requests answered, $added inquiries stored, $outbox_added confirmation emails queued."
    fi
  else
    echo "   (sqlite3 is not installed: stored rows not counted; wrk reported no failed requests)"
  fi
}

measure contact-form contact-post.lua
measure bare-insert bare-insert.lua

to_ms() { # 812.00us | 5.12ms | 1.02s -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
field() { awk -v k="$2" '$1 == k { print $2; exit }' "$work/$1.txt"; }
rps_form=$(awk '/^Requests\/sec:/ { print $2 }' "$work/contact-form.txt")
rps_bare=$(awk '/^Requests\/sec:/ { print $2 }' "$work/bare-insert.txt")
p50_form=$(to_ms "$(field contact-form 50%)"); p99_form=$(to_ms "$(field contact-form 99%)")
p50_bare=$(to_ms "$(field bare-insert 50%)"); p99_bare=$(to_ms "$(field bare-insert 99%)")

echo
echo "== Result ($(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), load now: $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| endpoint | requests/s | p50 latency | p99 latency |"
echo "|---|---:|---:|---:|"
printf '| POST /contact (real form) | %s | %s ms | %s ms |\n' "$rps_form" "$p50_form" "$p99_form"
printf '| POST /bench/bare-insert (one insert) | %s | %s ms | %s ms |\n' "$rps_bare" "$p50_bare" "$p99_bare"
awk -v f="$rps_form" -v b="$rps_bare" -v pf="$p99_form" -v pb="$p99_bare" 'BEGIN {
  printf "\nThe real form runs at %.2f of the bare insert'"'"'s throughput (bare/form = %.2fx); p99 form/bare = %.2fx.\n", f / b, b / f, pf / pb }'

if $failed; then
  echo "contact-load.sh: some requests failed or were not stored; the numbers above are not valid." >&2
  exit 1
fi
