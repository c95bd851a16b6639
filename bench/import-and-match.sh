#!/usr/bin/env bash
# Import-and-match benchmark: for each database (embedded H2 from the jar, a fresh PostgreSQL database) and
# each size N, starts o2c fresh, imports the open items of a generated scenario through the contract's
# open-items CSV import (POST /api/v1/receivables/open-items) and then a generated camt.053 with N credits
# that pay them in a realistic mix (StatementGenerator, the matching quality test's generator) through
# POST /api/v1/bank-statements. Reports total time, time per phase (open items; parse and book; matching,
# read from the importer's log line), peak heap (GC log), the 100k/10k ratio and the automatic match rate.
# Writes the "Import and matching" section of docs/benchmarks.md (the rest of the file is kept).
#
# A benchmark, not a test: nothing of this runs in `mvn verify`. Everything talks to 127.0.0.1 only.
# Needs: java 17+, curl, mvn (target/o2c.jar and the test classes), psql for PostgreSQL (trust login).
#
# Knobs (environment):
#   BENCH_SIZES="10000 100000"   credit lines per run (open items are about 1.15 x N)
#   BENCH_DATABASES="h2 postgres"
#   BENCH_HEAP=1g                -Xmx of o2c
#   BENCH_REPORT=docs/benchmarks.md
#   BENCH_KEEP=1                 keep the work folder (files, server logs, GC logs)
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SIZES=${BENCH_SIZES:-"10000 100000"}
DATABASES=${BENCH_DATABASES:-"h2 postgres"}
HEAP=${BENCH_HEAP:-1g}
REPORT=${BENCH_REPORT:-docs/benchmarks.md}
PG_HOST=127.0.0.1
PG_PORT=${PGPORT:-5432}
PG_USER=postgres
PG_DB=o2c_bench_match_$$
TOKEN="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

for n in $SIZES; do
    [[ $n =~ ^[0-9]+$ && $n -ge 100 && $n -le 1000000 ]] || { echo "BENCH_SIZES: 100..1000000 each, got '$n'" >&2; exit 2; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/o2c-bench-match.XXXXXX")
ROWS="$WORK/rows.md"
: > "$ROWS"
SERVER_PID=
PG_USED=false

cleanup() {
    local rc=$?
    stop_server
    if [[ $PG_USED == true ]]; then
        psql_admin -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" 2>/dev/null || true
    fi
    if [[ $rc -ne 0 || -n ${BENCH_KEEP:-} ]]; then
        log "work folder kept: $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

json_field() { sed -E 's/.*"'"$2"'":"?([^,"}]*)"?.*/\1/' <<<"$1"; }
seconds() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }

[[ -f target/o2c.jar ]] || { log "building target/o2c.jar"; mvn -q -o -DskipTests package; }
[[ -f target/test-classes/org/o2c/cashapp/ImportAndMatchFiles.class ]] || mvn -q -o test-compile

if [[ " $DATABASES " == *" postgres "* ]]; then
    command -v psql >/dev/null || { echo "psql is needed for PostgreSQL (or set BENCH_DATABASES=h2)" >&2; exit 2; }
    psql_admin -Atc 'SELECT 1' >/dev/null \
        || { echo "PostgreSQL on $PG_HOST:$PG_PORT (user $PG_USER, trust) is not reachable" >&2; exit 2; }
    PG_USED=true
fi

start_server() { # start_server DB TAG
    local db=$1 tag=$2
    PORT=$(free_port)
    local mail_port
    mail_port=$(free_port)
    local env=(O2C_DATA_DIR="$WORK/data-$tag" O2C_ADMIN_TOKEN="$TOKEN" SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1
        O2C_BASE_URL="http://127.0.0.1:$PORT" SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$mail_port")
    if [[ $db == postgres ]]; then
        psql_admin -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)"
        psql_admin -c "CREATE DATABASE $PG_DB"
        env+=(SPRING_DATASOURCE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB"
            SPRING_DATASOURCE_USERNAME="$PG_USER" SPRING_DATASOURCE_PASSWORD=)
    fi
    env "${env[@]}" java -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc-$tag.log" -jar target/o2c.jar >"$WORK/server-$tag.log" 2>&1 &
    SERVER_PID=$!
    local deadline=$((SECONDS + 300))
    until curl -sf --max-time 2 "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1; do
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "$WORK/server-$tag.log" >&2; echo "o2c died while starting" >&2; return 1; }
        [[ $SECONDS -lt $deadline ]] || { echo "o2c did not start within 300 s" >&2; return 1; }
        sleep 1
    done
}

declare -A TOTAL
for n in $SIZES; do
    mkdir -p "$WORK/files-$n"
    log "generating $n credit lines and their open items"
    ITEMS=$(java -cp target/test-classes:target/classes org.o2c.cashapp.ImportAndMatchFiles "$WORK/files-$n" "$n" | tail -1)
    for db in $DATABASES; do
        tag="$db-$n"
        log "$tag: starting o2c"
        start_server "$db" "$tag"
        base="http://127.0.0.1:$PORT"
        shop=$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
            -d '{"name":"Bench shop"}' "$base/api/v1/shops" | sed 's/.*"id":\([0-9]*\).*/\1/')
        shop_token=$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
            -d "{\"name\":\"bench\",\"shopId\":$shop}" "$base/api/v1/api-tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')

        log "$tag: importing $ITEMS open items"
        t0=$(now_ms)
        answer=$(curl -s -w ' HTTP %{http_code}' -H "Authorization: Bearer $shop_token" -H 'Content-Type: text/csv' \
            --data-binary @"$WORK/files-$n/open-items.csv" "$base/api/v1/receivables/open-items")
        t1=$(now_ms)
        [[ $answer == *"HTTP 201" ]] || { echo "open items refused: ${answer:0:300}" >&2; exit 1; }
        log "$tag: importing the statement"
        answer=$(curl -s -w ' HTTP %{http_code}' -H "Authorization: Bearer $shop_token" -H 'Content-Type: application/xml' \
            --data-binary @"$WORK/files-$n/statement.xml" "$base/api/v1/bank-statements")
        t2=$(now_ms)
        [[ $answer == *"HTTP 201" ]] || { echo "statement refused: ${answer:0:300}" >&2; exit 1; }
        booked=$(json_field "$answer" transactions)
        matched=$(json_field "$answer" matched)
        # "... in 51234 ms (parse and book 12000 ms, matching 39234 ms)", logged by the importer
        phases=$(grep -o 'parse and book [0-9]* ms, matching [0-9]* ms' "$WORK/server-$tag.log" | tail -1)
        book_ms=$(sed -E 's/parse and book ([0-9]*) ms.*/\1/' <<<"$phases")
        match_ms=$(sed -E 's/.*matching ([0-9]*) ms/\1/' <<<"$phases")
        stop_server
        peak=$(grep -o '[0-9]*M->[0-9]*M' "$WORK/gc-$tag.log" | sed 's/M->.*//' | sort -n | tail -1)
        peak_after=$(grep -o '[0-9]*M->[0-9]*M' "$WORK/gc-$tag.log" | sed 's/.*->\([0-9]*\)M/\1/' | sort -n | tail -1)
        rate=$(awk -v m="$matched" -v b="$booked" 'BEGIN { if (b > 0) printf "%.1f %%", 100 * m / b; else print "–" }')
        TOTAL[$tag]=$((t2 - t0))
        row="| $db | $n | $ITEMS | $(seconds $((t1 - t0))) s | $(seconds "${book_ms:-0}") s | $(seconds "${match_ms:-0}") s | $(seconds $((t2 - t1))) s | **$(seconds $((t2 - t0))) s** | ${peak:-?} MB / ${peak_after:-?} MB | $rate |"
        echo "$row" | tee -a "$ROWS"
    done
done

RATIOS=""
for db in $DATABASES; do
    if [[ -n ${TOTAL[$db-10000]:-} && -n ${TOTAL[$db-100000]:-} ]]; then
        RATIOS+="$db: 100k/10k = $(awk -v a="${TOTAL[$db-100000]}" -v b="${TOTAL[$db-10000]}" 'BEGIN { printf "%.1f", a / b }')x. "
    fi
done

SECTION=$(cat <<MD
## Import and matching

\`bench/import-and-match.sh\` (BENCH_SIZES="$SIZES", -Xmx$HEAP), $(date -u +%Y-%m-%d), $(nproc) cores, load
average $(cut -d' ' -f1-3 /proc/loadavg) at the end. Each run starts o2c fresh (H2 embedded from the jar, or an
empty PostgreSQL database), imports the open items through \`POST /api/v1/receivables/open-items\` and then a
camt.053.001.08 with N credits that pay them in the quality test's mix (\`StatementGenerator\`) through
\`POST /api/v1/bank-statements\`. *Parse and book* and *matching* are the importer's own timing of the one
statement request (its log line); *statement* is that request's wall time, *total* both requests.

| database | credits (N) | open items | open-items import | parse and book | matching | statement | total | peak heap before / after GC | automatic |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$(cat "$ROWS")

${RATIOS:-No 10k/100k pair in this run.} Targets: 100k under 60 s on 2 cores, 100k/10k at most 12x.
The automatic rate counts lines applied without a person; open items from a CSV carry no order numbers,
Skonto terms or creditor references, so it is lower than in docs/cash-application-quality.md.
MD
)
echo "$SECTION"
python3 - "$REPORT" "$SECTION" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2].rstrip() + "\n"
text = open(path, encoding="utf-8").read()
pattern = re.compile(r"^## Import and matching\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda m: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
open(path, "w", encoding="utf-8").write(text)
PY
