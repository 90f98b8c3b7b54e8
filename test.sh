#!/usr/bin/env bash
# Runs every SpineDesk test: the clinical library, the web integration tests (on SQLite and on a real
# PostgreSQL server the tests start from this machine's binaries, with email sent to a real SMTP server),
# and the browser tests (Debian's chromium, headless). Installs what it can; otherwise says what to install.
# Ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

say() { printf '\n== %s\n' "$*"; }
need() { # need COMMAND "how to install it"
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "test.sh: '$1' is missing. $2" >&2
  exit 2
}

as_root() { [ "$(id -u)" = 0 ]; }
apt_install() {
  if as_root && command -v apt-get >/dev/null 2>&1; then
    say "Installing $* from Debian"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >/dev/null 2>&1 || return 1
  else
    return 1
  fi
}

need dotnet "Install the .NET 10 SDK: https://dotnet.microsoft.com/download"
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt_install postgresql || { echo "test.sh: PostgreSQL server binaries (initdb, pg_ctl) are missing. Install them: sudo apt-get install postgresql" >&2; exit 2; }
fi
if ! command -v chromium >/dev/null 2>&1; then
  apt_install chromium || { echo "test.sh: Debian's chromium is missing (browser tests). Install it: sudo apt-get install chromium" >&2; exit 2; }
fi
if ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm || { echo "test.sh: Node.js and npm are missing (the test SMTP server, MailDev). Install them: sudo apt-get install nodejs npm" >&2; exit 2; }
fi

say "Installing the test SMTP server (MailDev, from npm)"
if [ ! -x tools/maildev/node_modules/.bin/maildev ]; then
  (cd tools/maildev && npm ci --no-audit --no-fund --loglevel=error) || { echo "test.sh: npm could not install MailDev (tools/maildev)." >&2; exit 2; }
fi
export SPINEDESK_TEST_MAILDEV="$PWD/tools/maildev/node_modules/.bin/maildev"
export SPINEDESK_TEST_CHROMIUM="$(command -v chromium)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say "Restoring tools and building"
dotnet tool restore >/dev/null || exit 1
dotnet build SpineDesk.slnx -c Release --nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }

passed=0; failed=0; status=0
for project in tests/SpineDesk.Clinical.Tests tests/SpineDesk.Web.Tests tests/SpineDesk.BrowserTests; do
  name=$(basename "$project")
  say "$name"
  log=$(mktemp)
  dotnet "$project/bin/Release/net10.0/$name.dll" -noColor 2>&1 | tee "$log" | grep -vE '^(info|warn|dbug): ' || true
  result=${PIPESTATUS[0]}
  line=$(grep -E "^\s*$name\s+Total: " "$log" | tail -n 1)
  field() { grep -oE "$1: [0-9]+" <<<"$line" | grep -oE '[0-9]+' || echo 0; }
  if [ -z "$line" ]; then
    echo "test.sh: $name did not report a summary (exit code $result)." >&2
    failed=$((failed + 1)); status=1
  else
    total=$(field Total); errors=$(field Errors); fails=$(field Failed); skipped=$(field Skipped); notrun=$(field "Not Run")
    passed=$((passed + total - fails - skipped - notrun))
    failed=$((failed + fails + errors))
    if [ "$result" -ne 0 ] || [ "$fails" -ne 0 ] || [ "$errors" -ne 0 ] || [ "$skipped" -ne 0 ]; then status=1; fi
    if [ "$total" -eq 0 ]; then echo "test.sh: $name ran no test." >&2; failed=$((failed + 1)); status=1; fi
  fi
  rm -f "$log"
done

echo
echo "$passed passed, $failed failed"
exit $status
