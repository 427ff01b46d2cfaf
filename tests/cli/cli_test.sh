#!/usr/bin/env bash
# Checks the CLI as a user meets it: search output, and clear errors for bad input.
# Usage: cli_test.sh PATH_TO_LOOPBRUG WORK_DIR
set -uo pipefail
bin=$1
work=$2
mkdir -p "$work"
cd "$(dirname "$0")/../.."
failures=0

expect() { # expect NAME EXPECTED_EXIT PATTERN -- command...
  local name=$1 code=$2 pattern=$3; shift 4
  local out rc
  out=$("$@" 2>&1); rc=$?
  if [ "$rc" -ne "$code" ] || ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAIL: $name (exit $rc, wanted $code; output: $(head -c 400 <<<"$out"))"; failures=$((failures + 1))
  else
    echo "ok: $name"
  fi
}

export DATABASE_URL="sqlite://$work/cli.sqlite"
expect "import reports counts" 0 "3007 occupations.*13896 skills" -- "$bin" taxonomy import
expect "import again changes nothing" 0 "already imported" -- "$bin" taxonomy import
expect "search prints JSON best first" 0 '"label" : "kassamedewerker"' -- "$bin" taxonomy search "kassière" --format json --limit 3
expect "search without diacritics" 0 '"label" : "heftruckchauffeur"' -- "$bin" taxonomy search "HEFTRUCKCHAUFEUR" --format json
expect "empty search is refused" 1 "search text is empty" -- "$bin" taxonomy search "   " --format json
expect "10 KB search is refused" 1 "longer than 200" -- "$bin" taxonomy search "$(head -c 10240 /dev/zero | tr '\0' a)"

mkdir -p "$work/esco-missing" && cp data/esco/SHA256SUMS data/esco/*.zip "$work/esco-missing/"
expect "a missing ESCO file is named" 1 "occupations_nl.csv.gz: file not found" -- "$bin" taxonomy import --force --dir "$work/esco-missing"
mkdir -p "$work/esco-bad" && cp data/esco/* "$work/esco-bad/" && printf 'x' >> "$work/esco-bad/esco-v1.1.1-relations-csv.zip"
expect "a corrupt ESCO file is named" 1 "relations-csv.zip: checksum mismatch" -- "$bin" taxonomy import --force --dir "$work/esco-bad"
expect "the data stays after a failed import" 0 '"label" : "kassamedewerker"' -- "$bin" taxonomy search "kassamedewerker" --format json --limit 1

expect "a wrong DATABASE_URL is explained" 1 "scheme \"mysql\" is not supported" -- env DATABASE_URL="mysql://x@y/z" "$bin" migrate
expect "an unreachable PostgreSQL is explained" 1 "cannot prepare the database \(PostgreSQL at 127.0.0.1:1/none\)" -- env DATABASE_URL="postgres://u:secret@127.0.0.1:1/none" "$bin" migrate
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
python3 -c "import socket,time; s=socket.socket(); s.bind(('127.0.0.1',$port)); s.listen(); time.sleep(60)" &
holder=$!
sleep 0.3
expect "a port in use is explained" 1 "port $port on 127.0.0.1 is already in use" -- "$bin" serve --port "$port"
kill "$holder" 2>/dev/null

[ "$failures" -eq 0 ] || { echo "$failures CLI check(s) failed"; exit 1; }
