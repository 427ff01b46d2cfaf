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
# Municipal insight: synthetic data, clustering JSON, the report, and bad files named by line.
expect "insight synth writes the file" 0 "3000 people written" -- "$bin" insight synth --n 1500 --others 1500 --seed 4 --out "$work/people.csv"
expect "insight cluster gives JSON for one k" 0 '"n_clustered" : [0-9]+' -- "$bin" insight cluster "$work/people.csv" --k 4 --format json
"$bin" insight cluster "$work/people.csv" --k 2-5 --format json > "$work/clusters.json" 2>&1
expect "insight cluster k range has chosen_k and four runs" 0 "ok" -- python3 -c "
import json; d = json.load(open('$work/clusters.json')); runs = d['runs']
assert [r['k'] for r in runs] == [2, 3, 4, 5] and d['chosen_k'] in (2, 3, 4, 5) and d['n_input'] == 3000 and d['n_group'] == 1500
for r in runs: assert len(r['medoids']) == r['k'] and sum(r['sizes']) == r['n_clustered'] and -1 <= r['silhouette'] <= 1 and r['objective'] > 0
assert len(d['robustness_ari']) == 5; print('ok')"
expect "insight report writes HTML and PDF" 0 "report.pdf" -- "$bin" insight report "$work/people.csv" --out "$work/report" --k 2-4
expect "the report PDF has the tables" 0 "Kwetsbare werkenden in Almere" -- pdftotext "$work/report/report.pdf" -
printf 'person_id,age\n1,40\n' > "$work/short.csv"
expect "a missing column is named" 1 "short.csv: line 1, sex: column is missing" -- "$bin" insight cluster "$work/short.csv" --k 3
head -3 "$work/people.csv" > "$work/bad.csv"; sed -n 2p "$work/people.csv" | sed 's/,Almere,/,Almere,/; s/^\([^,]*\),[0-9]*,/\1x,veertig,/' >> "$work/bad.csv"
expect "a bad age is named by line and column" 1 "bad.csv: line 4, age: \"veertig\" is not an age" -- "$bin" insight cluster "$work/bad.csv" --k 2
: > "$work/empty.csv"
expect "an empty file is refused" 1 "empty.csv: line 1: the file is empty" -- "$bin" insight report "$work/empty.csv" --out "$work/none"
expect "a bad k is refused" 1 "--k: \"9-3\" is not" -- "$bin" insight cluster "$work/people.csv" --k 9-3
# The audit's file that stopped the server: a group whose incomes are all empty.
header=person_id,age,sex,household,education,income_eur,contract,hours_per_week,hours_band,sector,n_jobs,breadwinner,municipality
{ echo "$header"; for i in 1 2 3; do echo "x$i,40,man,alleenstaande,laag,,flex,,12-20,N,1,nee,Testdorp"; done; } > "$work/no-income.csv"
expect "a group without incomes is refused, not a crash" 1 "no-income.csv: 2 clusters need at least 4 people with a known income; the group has 0 \(3 left out" -- "$bin" insight cluster "$work/no-income.csv" --k 2-8
expect "the report refuses it too" 1 "no-income.csv: 2 clusters need at least 4 people" -- "$bin" insight report "$work/no-income.csv" --out "$work/none"
# Reading an upload may cost at most 3x its size: 16 MB of newlines took 544 MB before the audit.
head -c 16777216 /dev/zero | tr '\0' '\n' > "$work/newlines.jsonl"
{ echo "$header"; cat "$work/newlines.jsonl"; } > "$work/newlines.csv"
for kind in jsonl csv; do
  kib=$("$bin" bench upload-peak --file "$work/newlines.$kind" --kind "$kind" --method streamed)
  expect "16 MB of newlines as $kind: ${kib} KiB extra, under 3x" 0 "ok" -- python3 -c "import sys; print('ok' if float(sys.argv[1]) < 3 * 16384 else 'too much')" "$kib"
done
# The work passport: keys, issuers, signing, verification, import, export.
py=".venv/bin/python -W ignore"
"$bin" migrate >/dev/null 2>&1  # creates the demo accounts
valid=docs/standard/v0.1/examples/valid
expect "keygen writes a private and a public JWK" 0 "Key id: " -- "$bin" issuer keygen --out "$work/platform.jwk"
expect "keygen does not overwrite a key" 1 "exists already" -- "$bin" issuer keygen --out "$work/platform.jwk"
issuer=$("$bin" issuer create --name "Schoon & Snel" --jwk "$work/platform.pub.jwk" 2>/dev/null)
expect "issuer create prints the issuer id" 0 "^[0-9a-f-]{36}$" -- echo "$issuer"
expect "a broken JWK is named" 1 "broken.jwk: kty must be" -- bash -c "echo '{\"kty\":\"RSA\"}' > '$work/broken.jwk'; '$bin' issuer create --name X --jwk '$work/broken.jwk'"
: > "$work/signed.jsonl"
for record in "$valid"/platform-work-period.json "$valid"/employment.json "$valid"/informal-care.json; do
  "$bin" credential sign --key "$work/platform.jwk" --issuer "$issuer" --subject "$record" >> "$work/signed.jsonl" 2>"$work/sign.err" || cat "$work/sign.err"
done
expect "three records signed" 0 "^3 " -- wc -l "$work/signed.jsonl"
expect "signing refuses an invalid record" 1 "hours: must be at least 0" -- "$bin" credential sign --key "$work/platform.jwk" --issuer "$issuer" --subject docs/standard/v0.1/examples/invalid/negative-hours.json
expect "credential verify: all valid" 0 "^valid" -- "$bin" credential verify "$work/signed.jsonl"
expect "joserfc verifies Loopbrug's credentials" 0 "3 of 3 credentials verified" -- $py tests/interop/jose_interop.py verify "$work/platform.pub.jwk" "$work/signed.jsonl"
$py - "$work/signed.jsonl" "$work/tampered.jsonl" <<'PY'
import sys
lines = open(sys.argv[1]).read().split()
h, b, s = lines[1].split(".")
lines[1] = h + "." + b[:40] + ("A" if b[40] != "A" else "B") + b[41:] + "." + s
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
PY
expect "credential verify names a tampered line" 1 "invalid: signature: .*\(line 2\)" -- "$bin" credential verify "$work/tampered.jsonl"
expect "passport import is all-or-nothing" 1 "line 2: signature" -- "$bin" passport import --worker worker@demo.loopbrug.nl "$work/tampered.jsonl"
$py tests/interop/jose_interop.py keygen "$work/py.jwk" "$work/py.pub.jwk"
py_issuer=$("$bin" issuer create --name "Python Platform" --jwk "$work/py.pub.jwk" 2>/dev/null)
$py tests/interop/jose_interop.py sign "$work/py.jwk" "$py_issuer" "$valid/volunteering.json" 0 http://127.0.0.1:8080 > "$work/py.jsonl"
expect "a credential signed by joserfc verifies in Loopbrug" 0 "^valid$" -- "$bin" credential verify "$work/py.jsonl"
: > "$work/empty.jsonl"
expect "an empty file is refused" 1 "empty.jsonl: the file is empty" -- "$bin" passport import --worker worker@demo.loopbrug.nl "$work/empty.jsonl"
printf '\xff\xfe' > "$work/latin.jsonl"
expect "a file that is not UTF-8 is refused" 1 "not UTF-8" -- "$bin" passport import --worker worker@demo.loopbrug.nl "$work/latin.jsonl"
expect "an unknown worker is named" 1 "no account with id or e-mail nobody@example.nl" -- "$bin" passport import --worker nobody@example.nl "$work/signed.jsonl"
cat "$work/signed.jsonl" "$work/py.jsonl" > "$work/all.jsonl"
expect "passport import stores Loopbrug's and joserfc's credentials" 0 "Imported 4 credentials" -- "$bin" passport import --worker worker@demo.loopbrug.nl "$work/all.jsonl"
expect "the same file again is refused as duplicates" 1 "line 1: duplicate" -- "$bin" passport import --worker worker@demo.loopbrug.nl "$work/all.jsonl"
expect "passport export writes the files" 0 "credentials.jsonl" -- "$bin" passport export --worker worker@demo.loopbrug.nl --out "$work/export"
expect "the export holds the credentials as issued" 0 "^4 " -- wc -l "$work/export/credentials.jsonl"
# Demo platforms issue signed records; the KlusCV in the export reads right and its QR code works.
expect "demo issue adds four signed records" 0 "Issued 4 signed demo records" -- "$bin" demo issue
expect "demo issue twice adds nothing" 0 "already in the passport" -- "$bin" demo issue
expect "the export has the KlusCV" 0 "kluscv.pdf" -- "$bin" passport export --worker worker@demo.loopbrug.nl --out "$work/export2"
expect "the KlusCV's text is extractable" 0 "^Samira de Vries$" -- pdftotext "$work/export2/kluscv.pdf" -
expect "the KlusCV's diacritics survive" 0 "in het café" -- pdftotext "$work/export2/kluscv.pdf" -
expect "the KlusCV embeds its fonts" 0 "NotoSans-Regular +TrueType +WinAnsi +yes +yes" -- pdffonts "$work/export2/kluscv.pdf"
pdftoppm -r 150 -png -f 1 -l 1 "$work/export2/kluscv.pdf" "$work/kluscv-page"
expect "the KlusCV's QR code decodes to its verification page" 0 "^QR-Code:http://127.0.0.1:8080/v/[A-Za-z0-9_-]{22}$" -- zbarimg -q "$work/kluscv-page-1.png"
expect "an English KlusCV" 0 "Work experience" -- bash -c "'$bin' passport export --worker worker@demo.loopbrug.nl --out '$work/export-en' --lang en >/dev/null && pdftotext '$work/export-en/kluscv.pdf' -"
expect "a wrong language is refused" 1 "--lang must be nl or en" -- "$bin" passport export --worker worker@demo.loopbrug.nl --out "$work/x" --lang de

# The engine: transitions, CSV imports, demo data, matching.
cleaner=http://data.europa.eu/esco/occupation/303a1e34-cb16-4054-b323-81e5eec17397
"$bin" transitions --from "$cleaner" --top 5 --format json > "$work/transitions.json" 2>/dev/null
expect "transitions: a JSON array, best first, with the agreed fields" 0 "^ok$" -- python3 -c "
import json,sys
rows = json.load(open('$work/transitions.json'))
assert len(rows) == 5, len(rows)
assert [r['score'] for r in rows] == sorted((r['score'] for r in rows), reverse=True)
for r in rows:
    assert set(r) >= {'uri', 'label', 'score', 'viable', 'missingEssentialSkills'}, r.keys()
    assert isinstance(r['viable'], bool) and r['uri'] != '$cleaner'
    assert all(u.startswith('http://data.europa.eu/esco/skill/') for u in r['missingEssentialSkills'])
print('ok')"
expect "transitions: an unknown occupation is named" 1 "http://example.org/x is not an occupation in ESCO" -- "$bin" transitions --from http://example.org/x --format json
expect "transitions: --top is checked" 1 "--top must be between 1 and 100" -- "$bin" transitions --from "$cleaner" --top 0
printf 'key,kind,source,date\n9112,shortage,UWV,2026-01-01\n9112,scarce,UWV,2026-01-01\n' > "$work/outlook-bad.csv"
expect "career import names the bad line and column" 1 "outlook-bad.csv, line 3, kind: \"scarce\" must be shortage or growth" -- "$bin" career import outlook "$work/outlook-bad.csv"
: > "$work/empty.csv"
expect "career import refuses an empty file" 1 "line 1: the file is empty" -- "$bin" career import courses "$work/empty.csv"
printf 'key,kind,source,date\n9112,shortage,\xe9t\xe9,2026-01-01\n' > "$work/latin.csv"
expect "career import refuses a file that is not UTF-8" 1 "not valid UTF-8" -- "$bin" career import outlook "$work/latin.csv"
expect "match needs the worker's wishes" 1 "has not set their wishes" -- "$bin" match --worker worker@demo.loopbrug.nl
expect "demo career loads the demo data" 0 "Loaded .*courses" -- "$bin" demo career
"$bin" match --worker worker@demo.loopbrug.nl --top 5 --format json > "$work/match.json" 2>/dev/null
expect "match: JSON with one plain sentence per match" 0 "^ok$" -- python3 -c "
import json
rows = json.load(open('$work/match.json'))
assert len(rows) == 5, len(rows)
assert all(r['why'].startswith('Je hebt ') for r in rows), [r['why'] for r in rows]
assert all(r['distanceKm'] <= 25 and r['hoursMin'] <= 24 for r in rows)
assert [r['coverage'] for r in rows] == sorted((r['coverage'] for r in rows), reverse=True)
print('ok')"
expect "career generate adds seeded vacancies" 0 "Added 1000 generated vacancies" -- "$bin" career generate --count 1000 --seed 7 --prefix cli
expect "career generate refuses taken ids" 1 "ids are taken already" -- "$bin" career generate --count 10 --seed 7 --prefix cli

# Leermiles: the audit passes on a sound ledger and names a tampered balance.
expect "leermiles audit passes on a sound ledger" 0 "ledger sound" -- "$bin" leermiles audit
expect "leermiles balance prints JSON" 0 '"spendable" : "0"' -- "$bin" leermiles balance --worker someone --format json
sqlite3 "$work/cli.sqlite" "INSERT INTO ledger_balances (account, balance) VALUES ('worker:someone', 500)"
expect "leermiles audit names a tampered balance" 1 "worker:someone: stored balance 5 without any posting" -- "$bin" leermiles audit
sqlite3 "$work/cli.sqlite" "DELETE FROM ledger_balances WHERE account = 'worker:someone'"

# Leermiles: rules, the accrual batch over the demo worker's verified records, and bad input.
expect "accrue without rules posts nothing" 0 "No accrual rules yet" -- "$bin" leermiles accrue
expect "a rule is added" 0 "Added werkfonds-uren: work_hours 0.25 paid by loopbrug-werkfonds, from 2020-01-01 until open" -- \
  "$bin" leermiles rules add --id werkfonds-uren --kind work_hours --rate 0.25 --funder loopbrug-werkfonds --from 2020-01-01
expect "an overlapping rule is refused" 1 "rule refused, nothing stored: rule werkfonds-uren-2: overlaps rule werkfonds-uren" -- \
  "$bin" leermiles rules add --id werkfonds-uren-2 --kind work_hours --rate 0.5 --funder loopbrug-werkfonds --from 2026-01-01
expect "a negative rate is refused" 1 "--rate: \"-1\" is not an amount|rule x: -1 is not a positive amount" -- \
  "$bin" leermiles rules add --id x --kind top_up --rate=-1 --funder overheid --from 2026-01-01
expect "an end before the start is refused" 1 "rule y: ends \(2025-01-01\) on or before it starts \(2026-01-01\)" -- \
  "$bin" leermiles rules add --id y --kind top_up --rate 100 --funder overheid --from 2026-01-01 --until 2025-01-01
expect "a contribution needs --every" 1 "a contribution needs --every" -- \
  "$bin" leermiles rules add --id z --kind contribution --rate 10 --funder fund --from 2026-01-01
expect "a bad day is named" 1 "--from: \"2026-13-01\" is not a day" -- "$bin" leermiles rules add --id z --kind top_up --rate 1 --funder f --from 2026-13-01
expect "refused rules stored nothing" 0 "^1$" -- bash -c "'$bin' leermiles rules list 2>/dev/null | wc -l"
expect "a chunk of 0 is refused" 1 "--chunk must be between 1 and 1,000,000, not 0" -- "$bin" leermiles accrue --chunk 0
expect "the dry run writes nothing" 0 "Dry run, nothing written: would post [1-9][0-9]* postings" -- "$bin" leermiles accrue --dry-run
expect "the batch pays the verified hours" 0 '"work_hours" : \{' -- "$bin" leermiles accrue --format json
expect "the batch again pays nothing" 0 "Posted 0 postings, 0 miles .* [1-9][0-9]* posted before" -- "$bin" leermiles accrue
expect "the demo worker has points" 0 '"available" : "[1-9]' -- "$bin" leermiles balance --worker worker@demo.loopbrug.nl --format json
expect "leave for an unknown worker is refused" 1 "no account with id or e-mail nobody@example.nl" -- "$bin" leermiles leave --id l1 --worker nobody@example.nl --hours 8 --on 2026-06-01
expect "negative leave hours are refused" 1 "--hours: -8.0 is not between 0 and 2000" -- "$bin" leermiles leave --id l1 --worker worker@demo.loopbrug.nl --hours=-8 --on 2026-06-01
expect "the audit holds after accrual" 0 "ledger sound" -- "$bin" leermiles audit
# Spending: reserve for a catalogue course, the state steps, and bad requests that write nothing.
"$bin" leermiles rules add --id topup --kind top_up --rate 500 --funder overheid --from 2020-01-01 >/dev/null 2>&1
"$bin" leermiles top-up --worker worker@demo.loopbrug.nl >/dev/null 2>&1
expect "the top-up is paid by the batch" 0 "top_up +[0-9]+ postings" -- "$bin" leermiles accrue
expect "an unknown course is refused" 1 "nothing reserved: course: geen-cursus is not in the course catalogue" -- "$bin" leermiles reserve --worker worker@demo.loopbrug.nl --course geen-cursus
expect "a free course needs no points" 1 "course: demo-c02 is free: it needs no leermiles" -- "$bin" leermiles reserve --worker worker@demo.loopbrug.nl --course demo-c02
expect "a course is reserved" 0 "Reserved: r1: 250 miles for course demo-c03, open" -- "$bin" leermiles reserve --worker worker@demo.loopbrug.nl --course demo-c03 --request r1
expect "the same request again reserves nothing more" 0 "Already reserved: r1" -- "$bin" leermiles reserve --worker worker@demo.loopbrug.nl --course demo-c03 --request r1
expect "a reused request id is refused" 1 "id: r1 is already used for another reservation" -- "$bin" leermiles reserve --worker worker@demo.loopbrug.nl --course demo-c01 --request r1
expect "more than the balance is refused" 1 "amount: the course costs 275 and only [0-9.]+ can pay for it" -- bash -c "for i in \$(seq 2 40); do '$bin' leermiles reserve --worker worker@demo.loopbrug.nl --course demo-c11 --request big\$i 2>&1 || exit 1; done"
expect "approving an open reservation says so" 1 "reservation: r1 is already open" -- "$bin" leermiles reservation approve --id r1
expect "the reservation settles" 0 "Settled: r1: 250 miles for course demo-c03, settled" -- "$bin" leermiles reservation settle --id r1
expect "a settled reservation cannot be released" 1 "reservation: r1 is settled, so it cannot become released" -- "$bin" leermiles reservation release --id r1
expect "an unknown reservation is named" 1 "reservation: nope does not exist" -- "$bin" leermiles reservation approve --id nope
expect "the audit holds after spending" 0 "ledger sound" -- "$bin" leermiles audit
# The yearly statement (PDF + CSV) and naming a funder with the accounts that act for it.
year=$(date +%Y)
expect "the yearly statement is written" 0 "Wrote .*statement.pdf and .*statement.csv for $year: [0-9]+ postings" -- "$bin" leermiles statement --worker worker@demo.loopbrug.nl --out "$work/statement"
expect "the statement PDF has its title and opening balance" 0 "Stand op 1 januari" -- pdftotext "$work/statement/statement.pdf" -
expect "the statement PDF names the course paid for" 0 "Betaald voor een cursus" -- pdftotext "$work/statement/statement.pdf" -
expect "the statement PDF embeds its fonts" 0 "NotoSans-Regular +TrueType +WinAnsi +yes +yes" -- pdffonts "$work/statement/statement.pdf"
"$bin" leermiles balance --worker worker@demo.loopbrug.nl --format json > "$work/statement/balance.json" 2>/dev/null
expect "the statement CSV ends with the balance the ledger holds" 0 "^same$" -- python3 -c "
import csv, json
from decimal import Decimal
rows = list(csv.DictReader(open('$work/statement/statement.csv')))
b = json.load(open('$work/statement/balance.json'))
total = Decimal(b['spendable']) + Decimal(b['reserved'])
last = rows[-1]
print('same' if Decimal(last['total_after']) == total and Decimal(last['reserved_after']) == Decimal(b['reserved']) else f'different: {last} vs {b}')"
expect "a statement for a year outside the account is refused" 1 "--year: 1999 is outside this account's years" -- "$bin" leermiles statement --worker worker@demo.loopbrug.nl --year 1999 --out "$work/statement-x"
expect "a statement for an unknown worker is refused" 1 "no account with id or e-mail nobody@example.nl" -- "$bin" leermiles statement --worker nobody@example.nl --out "$work/statement-x"
expect "a funder is named with its coach" 0 "Funder overheid is Rijksoverheid .demo.; acting for it: coach@demo.loopbrug.nl" -- "$bin" leermiles funder --id overheid --name "Rijksoverheid (demo)" --member coach@demo.loopbrug.nl
expect "a worker cannot act for a funder" 1 "worker@demo.loopbrug.nl is a worker account; only coach and employer accounts act for a funder" -- "$bin" leermiles funder --id overheid --name X --member worker@demo.loopbrug.nl
expect "a refused funder change keeps the old name" 0 "^Rijksoverheid \(demo\)$" -- sqlite3 "$work/cli.sqlite" "SELECT name FROM leermiles_funders WHERE id = 'overheid'"
expect "a funder id with ':' is refused" 1 "--id: must be 1 to 100 characters without ':'" -- "$bin" leermiles funder --id a:b --name X
expect "synthetic data never mixes with real accounts" 1 "only into an empty database; this one has [0-9]+ accounts" -- "$bin" leermiles synth --records 10

# Crash safety: a batch killed halfway and run again gives exactly the ledger of one clean run.
for name in clean crash; do
  DATABASE_URL="sqlite://$work/$name.sqlite" "$bin" leermiles synth --records 40000 --workers 4000 --seed 9 >/dev/null 2>&1
done
DATABASE_URL="sqlite://$work/clean.sqlite" "$bin" leermiles accrue >/dev/null 2>&1
total=$(sqlite3 "$work/clean.sqlite" "SELECT COUNT(*) FROM ledger_postings")
# Chunks of 5,000 (the default is 100,000, which would write this batch in one transaction).
DATABASE_URL="sqlite://$work/crash.sqlite" "$bin" leermiles accrue --chunk 5000 >/dev/null 2>&1 &
batch=$!
written=0
for _ in $(seq 1 600); do
  written=$(sqlite3 "$work/crash.sqlite" "SELECT COUNT(*) FROM ledger_postings" 2>/dev/null || echo 0)
  [ "${written:-0}" -gt 0 ] && break
  sleep 0.05
done
kill -9 "$batch" 2>/dev/null; wait "$batch" 2>/dev/null
partial=$(sqlite3 "$work/crash.sqlite" "SELECT COUNT(*) FROM ledger_postings")
echo "  (killed with $partial of $total postings written)"
expect "the batch was killed halfway" 0 "^partial$" -- bash -c "[ $partial -gt 0 ] && [ $partial -lt $total ] && echo partial || echo 'not partial: $partial of $total'"
expect "the killed batch run again finishes" 0 "Posted [1-9][0-9]* postings" -- env DATABASE_URL="sqlite://$work/crash.sqlite" "$bin" leermiles accrue
ledger() { sqlite3 "$1" "SELECT key, from_account, to_account, amount, reason FROM ledger_postings ORDER BY key; SELECT account, balance FROM ledger_balances ORDER BY account" | sha256sum; }
expect "killed and rerun equals one clean run" 0 "^same$" -- bash -c "[ '$(ledger "$work/clean.sqlite")' = '$(ledger "$work/crash.sqlite")' ] && echo same || echo different"
expect "the audit holds after the crash" 0 "ledger sound: $total postings" -- env DATABASE_URL="sqlite://$work/crash.sqlite" "$bin" leermiles audit

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
python3 -c "import socket,time; s=socket.socket(); s.bind(('127.0.0.1',$port)); s.listen(); time.sleep(60)" &
holder=$!
sleep 0.3
expect "a port in use is explained" 1 "port $port on 127.0.0.1 is already in use" -- "$bin" serve --port "$port"
kill "$holder" 2>/dev/null

[ "$failures" -eq 0 ] || { echo "$failures CLI check(s) failed"; exit 1; }
