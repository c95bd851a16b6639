#!/usr/bin/env bash
# Cash-application matching benchmark: the pure matcher (org.o2c.cashapp.Matcher) on generated statements
# (StatementGenerator, test sources), N credit lines against about N open items, at several sizes, in one
# JVM with -Xmx$BENCH_HEAP. Times building the OpenItemIndex and matching every line (automatic results
# applied to the index as cash application does); reports peak heap. No database, no import: those are
# the statement-import benchmark's part. Writes the "Cash application matching" section of
# docs/benchmarks.md (the rest of the file is kept).
#
# A benchmark, not a test: nothing of this runs in `mvn verify`.
#
# Knobs (environment):
#   BENCH_SIZES="10000 100000"   lines per run (open items ≈ lines × 1.1)
#   BENCH_HEAP=1g                -Xmx of the benchmark JVM
#   BENCH_CPUS=""                e.g. "0" to pin to one core with taskset
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${BENCH_SIZES:-"10000 100000"}
HEAP=${BENCH_HEAP:-1g}
mvn -q -o test-compile
CP="target/test-classes:target/classes:$(mvn -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
PIN=()
if [ -n "${BENCH_CPUS:-}" ]; then PIN=(taskset -c "$BENCH_CPUS"); fi
ROWS=$("${PIN[@]}" java -Xmx"$HEAP" -cp "$CP" org.o2c.cashapp.MatchingBenchmark $SIZES)
echo "$ROWS"
SECTION=$(cat <<MD
## Cash application matching

\`bench/matching.sh\` ($(date -u +%Y-%m-%d), $(nproc) cores, -Xmx$HEAP${BENCH_CPUS:+, pinned to CPU $BENCH_CPUS}, Java $(java -version 2>&1 | head -1 | sed 's/.*version "\(.*\)".*/\1/')):
the matcher alone, in memory, on statements from \`StatementGenerator\` (the quality test's generator),
each size after a 5,000-line warm-up. Import and database time are not in these numbers.

| lines | open items | build index | match all lines | total (wall) | total (CPU of the thread) | CPU per line | peak heap | automatic |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$ROWS

Load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared): wall time includes
waiting for a core, the thread's CPU time does not. Peak heap is the sum of the heap pools' peaks during the measured run (generated statements included),
an upper bound of what matching needs. Lookups go through hash indexes (references, customers, accounts,
amounts, name tokens); the subset-sum search is bounded per payer, so time per line stays flat as the
ledger grows. The generator settings differ from the quality test's (one customer per five lines, 5 % unpaid
background invoices), so the automatic column is not a quality measure: see docs/cash-application-quality.md.
MD
)
python3 - "$SECTION" <<'PY'
import re, sys
section = sys.argv[1].rstrip() + "\n"
path = "docs/benchmarks.md"
text = open(path, encoding="utf-8").read()
pattern = re.compile(r"^## Cash application matching\n.*?(?=^## |\Z)", re.S | re.M)
if pattern.search(text):
    text = pattern.sub(lambda m: section + "\n", text)
else:
    text = text.rstrip() + "\n\n" + section
open(path, "w", encoding="utf-8").write(text)
PY
