#!/usr/bin/env bash
# Statement import benchmark: imports a large generated camt.053.001.08 file (default 200 MB) through
# POST /api/v1/bank-statements into o2c running with a small heap (default -Xmx256m) on embedded H2, and
# reports the time and the peak heap after GC. Proves that parsing streams: memory must not grow with the
# file. Appends/replaces the "Statement import (streaming)" section of docs/benchmarks.md.
#
# A benchmark, not a test: nothing of this runs in `mvn verify`. Everything talks to 127.0.0.1 only.
# Needs: java 17+, curl, mvn (to build target/o2c.jar and the test classes with the generator).
#
# Knobs (environment):
#   BENCH_MB=200            approximate file size in MB (about 950 bytes per entry)
#   BENCH_HEAP=256m         -Xmx of o2c
#   BENCH_REPORT=docs/benchmarks.md
#   BENCH_KEEP=1            keep the temporary folder afterwards
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
MB=${BENCH_MB:-200}
HEAP=${BENCH_HEAP:-256m}
REPORT=${BENCH_REPORT:-docs/benchmarks.md}
PORT=$((20000 + RANDOM % 20000))
TOKEN="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
WORK=$(mktemp -d)
trap '[[ -n ${PID:-} ]] && kill "$PID" 2>/dev/null; [[ -z ${BENCH_KEEP:-} ]] && rm -rf "$WORK"' EXIT

[[ -f target/o2c.jar && -d target/test-classes ]] || mvn -q -o -DskipTests package test-compile
ENTRIES=$(( MB * 1024 * 1024 / 950 ))
java -cp target/test-classes org.o2c.banking.CamtGenerator "$WORK/statement.xml" "$ENTRIES"
SIZE=$(stat -c %s "$WORK/statement.xml")

O2C_DATA_DIR="$WORK/data" O2C_ADMIN_TOKEN="$TOKEN" SERVER_PORT=$PORT \
    java -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc.log" -jar target/o2c.jar >"$WORK/o2c.log" 2>&1 &
PID=$!
for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$PORT/api/v1/health" >/dev/null && break; sleep 1; done
SHOP=$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"Bench shop"}' "http://127.0.0.1:$PORT/api/v1/shops" | sed 's/.*"id":\([0-9]*\).*/\1/')
SHOP_TOKEN=$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"bench\",\"shopId\":$SHOP}" "http://127.0.0.1:$PORT/api/v1/api-tokens" \
    | sed 's/.*"token":"\([^"]*\)".*/\1/')

START=$(date +%s.%N)
ANSWER=$(curl -s -w ' HTTP %{http_code}' -H "Authorization: Bearer $SHOP_TOKEN" -H 'Content-Type: application/xml' \
    --data-binary @"$WORK/statement.xml" "http://127.0.0.1:$PORT/api/v1/bank-statements")
END=$(date +%s.%N)
SECONDS_TAKEN=$(echo "$END - $START" | bc)
# peak heap after GC, from lines like "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 120M->40M(256M)"
PEAK_AFTER_GC=$(grep -o '[0-9]*M->[0-9]*M' "$WORK/gc.log" | sed 's/.*->\([0-9]*\)M/\1/' | sort -n | tail -1)
PEAK_BEFORE_GC=$(grep -o '[0-9]*M->[0-9]*M' "$WORK/gc.log" | sed 's/M->.*//' | sort -n | tail -1)

SECTION=$(cat <<MD
## Statement import (streaming)

\`bench/statement-import.sh\` (BENCH_MB=$MB BENCH_HEAP=$HEAP), $(date -u +%Y-%m-%d), $(nproc) cores, H2 embedded.
A generated camt.053.001.08 file of $((SIZE / 1024 / 1024)) MB with $ENTRIES entries, posted in one request.

| file | entries | heap limit | answer | time | peak heap before GC | peak heap after GC |
| --- | --- | --- | --- | --- | --- | --- |
| $((SIZE / 1024 / 1024)) MB | $ENTRIES | $HEAP | ${ANSWER: -8} | ${SECONDS_TAKEN%.*} s | ${PEAK_BEFORE_GC:-?} MB | ${PEAK_AFTER_GC:-?} MB |

The body is spooled to disk while it is hashed, the StAX parser hands one entry at a time to the booking,
books them 500 at a time and cash application gets them 5,000 at a time: the heap after GC stays flat whatever the size.
MD
)
echo "$SECTION"
python3 - "$REPORT" "$SECTION" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2]
text = open(path).read()
pattern = re.compile(r"## Statement import \(streaming\)\n.*?(?=\n## |\Z)", re.S)
text = pattern.sub(section.strip() + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section.strip() + "\n"
open(path, "w").write(text)
PY
