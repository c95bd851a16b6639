#!/usr/bin/env bash
# Invoice issuing benchmark: documents per second for issuing invoices (gapless number, tax, frozen document,
# PDF/A-3 with the Factur-X XML, write-once archive) through the REST API, with the server pinned to one core
# and to two, and the heap used after GC over a large batch. Writes the "Invoice issuing" section of
# docs/benchmarks.md (the rest of the file is kept).
#
# A benchmark, not a test: nothing of this runs in `mvn verify`. Everything talks to 127.0.0.1 only; o2c runs
# on embedded H2 in a fresh temporary data folder, and outgoing mail goes to a closed local port (the invoice
# mails queue and fail fast, nothing leaves the machine).
#
# What happens:
#   1. o2c starts (all cores) on a fresh data folder; company settings, products and stock are set, and
#      max(batch) + warm-up orders are placed through POST /api/v1/orders (not timed). o2c stops.
#   2. For each run "CORES:INVOICES": a copy of that data folder, o2c started under `taskset` on CORES cores
#      with -Xmx$BENCH_HEAP and a GC log; the load generator (bench/InvoiceIssuingLoad.java) runs on the
#      remaining core(s) if there are any. BENCH_WARMUP invoices warm the JVM up (not counted), then INVOICES
#      invoices are timed: per order POST /api/v1/orders/{id}/invoice (201) and GET /api/v1/invoices/{id}/pdf
#      (200, a PDF with factur-x.xml inside), BENCH_CLIENTS clients in a closed loop.
#      Every BENCH_SAMPLE_SECONDS the heap is sampled (jstat; used after GC from the GC log); at 10 % and 50 %
#      of the batch and after it a full GC (jcmd GC.run) gives the live heap. Afterwards the archive is measured.
#
# Needs: java 17+ (with jcmd, jstat), taskset, curl, and mvn only if target/o2c.jar is missing.
#
# Knobs (environment):
#   BENCH_RUNS="1:2000 2:10000"   CORES:INVOICES per run (cores 1..nproc)
#   BENCH_WARMUP=1000             invoices per run before the timed batch (issued, not counted)
#   BENCH_CLIENTS=4               concurrent clients (closed loop)
#   BENCH_HEAP=512m               -Xmx of o2c
#   BENCH_SAMPLE_SECONDS=5        heap sampling interval
#   BENCH_PRODUCTS=20             products seeded (each with 10,000,000 on hand)
#   BENCH_REPORT=docs/benchmarks.md
#   BENCH_JFR_DIR=                when set: o2c runs with JFR on from its start (default settings: starting the first
#                                 recording in a running JVM instruments and deoptimises code, which slowed this
#                                 benchmark down for ~100 s), and a recording of BENCH_JFR_SECONDS (default 30) from
#                                 10 % of each batch on is written there and summarised (hottest frames, render
#                                 samples by thread). Profiling costs a little throughput: use it for a separate run,
#                                 not the published one.
#   BENCH_KEEP=1                  keep the temporary folder (data, logs, raw samples) afterwards
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

RUNS=${BENCH_RUNS:-1:2000 2:10000}
WARMUP=${BENCH_WARMUP:-1000}
CLIENTS=${BENCH_CLIENTS:-4}
HEAP=${BENCH_HEAP:-512m}
SAMPLE=${BENCH_SAMPLE_SECONDS:-5}
PRODUCTS=${BENCH_PRODUCTS:-20}
REPORT=${BENCH_REPORT:-docs/benchmarks.md}
JFR_DIR=${BENCH_JFR_DIR:-}
JFR_SECONDS=${BENCH_JFR_SECONDS:-30}
NPROC=$(nproc)
TOKEN="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
RUN_ID=$(date +%s | tail -c 7)
COMMAND="$(printf '%q ' "${BASH_SOURCE[0]}" | sed 's/ $//')"
for v in BENCH_RUNS BENCH_WARMUP BENCH_CLIENTS BENCH_HEAP BENCH_SAMPLE_SECONDS BENCH_PRODUCTS BENCH_JFR_DIR; do
    [[ -n ${!v:-} ]] && COMMAND="$v=$(printf '%q' "${!v}") $COMMAND"
done

MAX_INVOICES=0
for r in $RUNS; do
    [[ $r =~ ^([0-9]+):([0-9]+)$ ]] || { echo "BENCH_RUNS: CORES:INVOICES entries, got '$r'" >&2; exit 2; }
    c=${BASH_REMATCH[1]} n=${BASH_REMATCH[2]}
    ((c >= 1 && c <= NPROC)) || { echo "BENCH_RUNS: cores 1..$NPROC, got $c" >&2; exit 2; }
    ((n >= 10 && n <= 100000)) || { echo "BENCH_RUNS: invoices 10..100000, got $n" >&2; exit 2; }
    ((n > MAX_INVOICES)) && MAX_INVOICES=$n
done
[[ $WARMUP =~ ^[0-9]+$ && $WARMUP -le 10000 ]] || { echo "BENCH_WARMUP: 0..10000" >&2; exit 2; }
[[ $CLIENTS =~ ^[0-9]+$ && $CLIENTS -ge 1 && $CLIENTS -le 64 ]] || { echo "BENCH_CLIENTS: 1..64" >&2; exit 2; }
[[ $HEAP =~ ^[0-9]+[mMgG]$ ]] || { echo "BENCH_HEAP: like 512m" >&2; exit 2; }
[[ $SAMPLE =~ ^[0-9]+$ && $SAMPLE -ge 1 && $SAMPLE -le 60 ]] || { echo "BENCH_SAMPLE_SECONDS: 1..60" >&2; exit 2; }
[[ $PRODUCTS =~ ^[0-9]+$ && $PRODUCTS -ge 3 && $PRODUCTS -le 999 ]] || { echo "BENCH_PRODUCTS: 3..999" >&2; exit 2; }
for tool in java jcmd jstat taskset curl; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/o2c-invbench.XXXXXX")
SERVER_PID=
SAMPLER_PID=

LOG_TAG=invbench
STOP_WAIT_SECONDS=60 # after a large batch o2c may take longer to shut down

stop_run() { # the heap sampler, then o2c
    if [[ -n $SAMPLER_PID ]]; then
        kill "$SAMPLER_PID" 2>/dev/null || true
        wait "$SAMPLER_PID" 2>/dev/null || true
        SAMPLER_PID=
    fi
    stop_server
}

cleanup() {
    local rc=$?
    stop_run
    if [[ $rc -ne 0 ]]; then
        log "failed (exit $rc); server logs and raw results kept in $WORK"
    elif [[ ${BENCH_KEEP:-} == 1 ]]; then
        log "kept $WORK"
    else
        chmod -R u+w "$WORK" 2>/dev/null || true # archived files are read-only
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

json_field() { # json_field JSON NAME -> the (flat) field's value
    sed -E 's/.*"'"$2"'":(\[[^]]*\]|\{[^}]*\}|[^,}]*).*/\1/' <<<"$1"
}
load_avg() { cut -d' ' -f1-3 /proc/loadavg; }
HZ=$(getconf CLK_TCK)
cpu_ticks() { # user + system CPU ticks of the process so far
    local f
    if f=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null); then
        read -r -a f <<<"$f"
        echo $((f[11] + f[12]))
    else
        echo 0
    fi
}
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }
core_list() { # core_list N -> "0,1,..,N-1"
    seq -s, 0 $(($1 - 1))
}

# ---- build -----------------------------------------------------------------------------------------------------
if [[ ! -f target/o2c.jar ]]; then
    log "target/o2c.jar missing: building it (mvn -q -DskipTests package)"
    mvn -q -DskipTests package
fi

# ---- o2c server --------------------------------------------------------------------------------------------------
start_server() { # start_server DATA_DIR LOG CPUS [JVM options...]
    local data=$1 out=$2 cpus=$3
    shift 3
    PORT=$(free_port)
    local mail_port
    mail_port=$(free_port) # nothing listens there: invoice mails are queued and their sending fails fast
    log "starting o2c on 127.0.0.1:$PORT (cores $cpus, $*)"
    env O2C_DATA_DIR="$data" O2C_ADMIN_TOKEN="$TOKEN" SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 \
        O2C_BASE_URL="http://127.0.0.1:$PORT" SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$mail_port" \
        taskset -c "$cpus" java "$@" -jar target/o2c.jar >"$out" 2>&1 &
    SERVER_PID=$!
    local deadline=$((SECONDS + 240))
    until curl -sf --max-time 2 "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1; do
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            tail -50 "$out" >&2
            echo "o2c died while starting" >&2
            return 1
        fi
        if ((SECONDS > deadline)); then
            tail -50 "$out" >&2
            echo "o2c not healthy after 240 s" >&2
            return 1
        fi
        sleep 0.5
    done
}

api_put() { # api_put PATH JSON
    curl -sS -f --max-time 30 -X PUT -o /dev/null \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        "http://127.0.0.1:$PORT$1" --data-binary "$2"
}

# ---- 1. seed: settings, products, stock, orders (not timed) -------------------------------------------------------
SEED="$WORK/data-seed"
mkdir -p "$SEED"
ORDERS=$((MAX_INVOICES + WARMUP))
LOAD_BEFORE=$(load_avg)
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
start_server "$SEED" "$WORK/server-seed.log" "$(core_list "$NPROC")" "-Xmx$HEAP"
log "seeding company settings and $PRODUCTS products"
api_put /api/v1/settings/company '{"name":"Muster Shop GmbH","street":"Hauptstr. 1","postalCode":"10115",
    "city":"Berlin","country":"DE","vatId":"DE123456789","taxNumber":"30/123/45678",
    "iban":"DE02120300000000202051","bic":"BYLADEM1001","email":"rechnung@muster-shop.example",
    "phone":"+49 30 1234567","smallBusiness":false,"ossEnabled":true,"invoiceTrigger":"SHIPMENT"}'
names=("Wollsocken" "Merino-Mütze" "Lammfellhausschuhe" "Baumwollschal" "Strickhandschuhe" "Leinentasche"
    "Bio-Kräutertee" "Honig aus der Heide" "Kochbuch Heimatküche" "Kaffeebohnen Espresso")
prices=("12.90" "24.90" "59.00" "19.95" "14.50" "9.90" "6.50" "8.40" "29.00" "13.99")
cats=("STANDARD" "STANDARD" "STANDARD" "STANDARD" "STANDARD" "STANDARD" "REDUCED" "REDUCED" "REDUCED" "REDUCED")
skus=()
for ((i = 1; i <= PRODUCTS; i++)); do
    k=$(((i - 1) % 10))
    sku=$(printf 'INV-%03d' "$i")
    api_put "/api/v1/products/$sku" "{\"name\":\"${names[$k]} $i\",\"gtin\":null,\"price\":\"${prices[$k]}\",
        \"currency\":\"EUR\",\"taxCategory\":\"${cats[$k]}\",\"weightGrams\":$((100 + 37 * i % 900)),
        \"location\":\"A-$(printf '%02d' $((1 + i % 40)))-1\"}"
    api_put "/api/v1/stock/$sku" '{"onHand":10000000}'
    skus+=("$sku")
done
log "placing $ORDERS orders ($CLIENTS clients; not timed)"
ORDER_SUMMARY=$(java bench/InvoiceIssuingLoad.java orders --url "http://127.0.0.1:$PORT" --token "$TOKEN" \
    --count "$ORDERS" --clients "$CLIENTS" --skus "$(IFS=,; echo "${skus[*]}")" --out "$WORK/order-ids.txt" \
    --run-id "$RUN_ID")
log "orders: $ORDER_SUMMARY"
stop_run

# ---- 2. runs -----------------------------------------------------------------------------------------------------
# The heap sampler: every SAMPLE s one line "epoch_ms done jstat-used-KiB jstat-old-KiB committed-KiB rss-KiB",
# and a full GC (jcmd GC.run) when the batch passes 10 % and 50 %.
# A full GC by `jcmd GC.run`, checked in the GC log: G1 on JDK 17 may skip an explicit GC while a JNI critical
# section holds the GC locker (zip deflating does), so it is retried until the log shows it (at most 5 times).
# Appends "epoch_ms done" to MARKS once it happened.
full_gc() { # full_gc PID GC_LOG MARKS DONE
    local before i
    before=$(grep -c 'Pause Full (Diagnostic Command)' "$2" || true)
    for i in 1 2 3 4 5; do
        jcmd "$1" GC.run >/dev/null 2>&1 || true
        if (($(grep -c 'Pause Full (Diagnostic Command)' "$2" || true) > before)); then
            echo "$(now_ms) $4" >>"$3"
            return 0
        fi
        sleep 1
    done
    log "jcmd GC.run did not lead to a full GC (5 attempts)"
}

# The heap sampler: every SAMPLE s one line "epoch_ms done jstat-used-KiB jstat-old-KiB committed-KiB rss-KiB
# o2c-cpu-ticks", and a full GC when the batch passes 10 % and 50 %.
sampler() { # sampler PID PROGRESS_FILE OUT GC_LOG
    local pid=$1 progress=$2 out=$3 gclog=$4 gc10=false gc50=false done of line used old committed rss
    while kill -0 "$pid" 2>/dev/null; do
        done=0 of=0
        [[ -f $progress ]] && read -r done of <"$progress" || true
        line=$(jstat -gc "$pid" 2>/dev/null | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
            { printf "%.0f %.0f %.0f", $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"], $col["OU"],
              $col["S0C"] + $col["S1C"] + $col["EC"] + $col["OC"] }') || line=
        rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
        [[ -n $line ]] && echo "$(now_ms) $done $line $rss $(cpu_ticks "$pid")" >>"$out"
        if ((of == 0 || done == 0)); then
            : # the timed batch has not started
        elif [[ $gc10 == false && $done -ge $((of / 10)) ]]; then
            full_gc "$pid" "$gclog" "$out.gc" "$done"
            gc10=true
        elif [[ $gc50 == false && $done -ge $((of / 2)) ]]; then
            full_gc "$pid" "$gclog" "$out.gc" "$done"
            gc50=true
        fi
        sleep "$SAMPLE"
    done
}

# Heap figures of one run from its GC log (used heap after each young/full collection, MiB) over the batch window:
# after-GC used at the first, middle and last sampling tick, its peak, and the live heap after the forced full GCs.
heap_figures() { # heap_figures GC_LOG START_MS END_MS MARKS -> "first middle last peak live10 live50 liveEnd gcs collector"
    local m10 m50 mend
    read -r m10 m50 mend <<<"$(awk -v end="$3" '{ if ($1 <= end) { if (n++ == 0) a = $1; else b = $1 } else if (!c) c = $1 }
        END { printf "%s %s %s", a ? a : 0, b ? b : 0, c ? c : 0 }' "$4" 2>/dev/null || echo "0 0 0")"
    awk -v start="$2" -v end="$3" -v step=$((SAMPLE * 1000)) -v m10="$m10" -v m50="$m50" -v mend="$mend" '
        /Using / && collector == "" { sub(/.*Using /, ""); collector = $0 }
        match($0, /^\[[0-9]+ms\]/) {
            t = substr($0, 2, RLENGTH - 4) + 0
            if (!match($0, /Pause (Young|Full).* [0-9]+M->[0-9]+M\([0-9]+M\)/)) next
            s = substr($0, RSTART, RLENGTH); sub(/.* /, "", s); split(s, p, /M->|M\(/)
            after = p[2] + 0
            n++; ts[n] = t; val[n] = after; full[n] = ($0 ~ /System.gc|Diagnostic Command/)
        }
        END {
            # used after GC as a sampler would have seen it at each tick: the last collection before the tick
            k = 0; j = 0; last = -1
            for (tick = start + step; tick <= end + step; tick += step) {
                while (j < n && ts[j + 1] <= tick) { j++; last = val[j] }
                if (last >= 0 && ts[j] >= start) ticks[++k] = last
            }
            # forced full GCs: the last one logged before each mark (marks are written right after the GC)
            peak = 0; gcs = 0; f10 = "–"; f50 = "–"; fend = "–"
            for (i = 1; i <= n; i++) {
                if (ts[i] >= start && ts[i] <= end) {
                    gcs++
                    if (val[i] > peak) peak = val[i]
                }
                if (full[i] && m10 && ts[i] <= m10 && ts[i] > m10 - 30000) f10 = val[i]
                if (full[i] && m50 && ts[i] <= m50 && ts[i] > m50 - 30000) f50 = val[i]
                if (full[i] && mend && ts[i] <= mend && ts[i] > mend - 30000) fend = val[i]
            }
            printf "%s %s %s %s %s %s %s %d %s\n", (k ? ticks[1] : "–"), (k ? ticks[int((k + 1) / 2)] : "–"),
                (k ? ticks[k] : "–"), peak, f10, f50, fend, gcs, (collector == "" ? "?" : collector)
        }' "$1"
}

# Waits until the archive stopped growing (the mail listener may still be rendering when the batch ends).
settle_archive() { # settle_archive DIR
    local before after stable=0
    before=$(find "$1" -type f 2>/dev/null | wc -l)
    for _ in $(seq 1 60); do
        sleep 2
        after=$(find "$1" -type f 2>/dev/null | wc -l)
        if [[ $after == "$before" ]]; then
            stable=$((stable + 1))
            ((stable >= 3)) && return 0
        else
            stable=0
        fi
        before=$after
    done
}

# What a JFR recording says: samples per thread group, how many were inside InvoiceRenderer.pdf (and on which
# threads: requests vs the mail listener), the top frames by self samples and org/com/io frames by inclusive samples.
jfr_summary() { # jfr_summary FILE
    jfr print --stack-depth 96 --events jdk.ExecutionSample "$1" | awk '
        function flush() {
            if (!event) return
            total++; threads[thread]++
            if (render) renders[thread]++
            event = 0
        }
        /^jdk.ExecutionSample/ { flush(); event = 1; depth = 0; thread = "?"; render = 0; delete seen; next }
        /sampledThread = / { thread = $0; sub(/.*sampledThread = "/, "", thread); sub(/".*/, "", thread)
            sub(/-[0-9]+$/, "", thread); sub(/^http-nio-.*-exec$/, "http-nio-exec", thread); next }
        /stackTrace = \[/ { stack = 1; next }
        stack && /^[[:space:]]*\]/ { stack = 0; next }
        stack {
            f = $0; sub(/^[[:space:]]+/, "", f); sub(/[[:space:]]+line:.*/, "", f)
            if (f == "...") next
            if (++depth == 1) self[f]++
            if (f ~ /^(org|com|io)\./ && !(f in seen)) { seen[f] = 1; incl[f]++ }
            if (f ~ /InvoiceRenderer\.pdf\(/) render = 1
        }
        END {
            flush()
            printf "samples %d; by thread:", total
            for (t in threads) printf " %s %d (in InvoiceRenderer.pdf: %d)", t, threads[t], renders[t] + 0
            print ""
            for (f in self) printf "S\t%d\t%.1f %%\t%s\n", self[f], 100 * self[f] / total, f
            for (f in incl) printf "I\t%d\t%.1f %%\t%s\n", incl[f], 100 * incl[f] / total, f
        }' >"$WORK/jfr.tmp"
    head -1 "$WORK/jfr.tmp"
    echo "top frames by self samples:"
    grep $'^S\t' "$WORK/jfr.tmp" | sort -t$'\t' -k2,2nr | sed -n 1,15p | cut -f2- | sed 's/^/  /'
    echo "org/com/io frames by inclusive samples (share of all samples with the frame on the stack):"
    grep $'^I\t' "$WORK/jfr.tmp" | sort -t$'\t' -k2,2nr | sed -n 1,30p | cut -f2- | sed 's/^/  /'
}

RESULTS="$WORK/results.tsv"
: >"$RESULTS"
HOTSPOTS=
for r in $RUNS; do
    cores=${r%%:*} invoices=${r##*:}
    tag="c$cores-n$invoices"
    data="$WORK/data-$tag"
    cp -a "$SEED" "$data"
    db_before=$(du -sb "$data" --exclude=archive | cut -f1)
    gclog="$WORK/gc-$tag.log"
    server_cpus=$(core_list "$cores")
    jvm=("-Xmx$HEAP" "-Xlog:gc:file=$gclog:timemillis" "-Xlog:gc+init=info:file=$WORK/gc-init-$tag.log")
    # JFR on from the start (so starting the measured recording later changes no code), keeping little itself.
    [[ -n $JFR_DIR ]] && jvm+=("-XX:StartFlightRecording=name=base,settings=default,maxage=2m")
    start_server "$data" "$WORK/server-$tag.log" "$server_cpus" "${jvm[@]}"
    if ((cores < NPROC)); then
        client=(taskset -c "$(seq -s, "$cores" $((NPROC - 1)))")
    else
        client=()
    fi
    progress="$WORK/progress-$tag"
    samples="$WORK/heap-$tag.tsv"
    : >"$samples"
    : >"$samples.gc"
    rm -f "$progress"
    l=$(load_avg)
    log "run $tag: o2c on $cores core(s), $WARMUP warm-up + $invoices timed invoices, $CLIENTS clients (load $l)"
    sampler "$SERVER_PID" "$progress" "$samples" "$gclog" &
    SAMPLER_PID=$!
    jfr_pid=
    if [[ -n $JFR_DIR ]]; then
        mkdir -p "$JFR_DIR"
        (
            until [[ -f $progress ]] && (($(cut -d' ' -f1 "$progress") >= invoices / 10)); do
                kill -0 "$SERVER_PID" 2>/dev/null || exit 0
                sleep 1
            done
            jcmd "$SERVER_PID" JFR.start name=invbench settings=default duration="${JFR_SECONDS}s" \
                filename="$JFR_DIR/invoice-issuing-$tag.jfr" >/dev/null
            from=$SECONDS
            while ((SECONDS - from < JFR_SECONDS + 3)) && [[ $(cut -d' ' -f1 "$progress") != "$invoices" ]]; do
                sleep 1
            done
            # a batch that ended earlier: stop (and write) the recording now
            jcmd "$SERVER_PID" JFR.stop name=invbench >/dev/null 2>&1 || true
        ) &
        jfr_pid=$!
    fi
    summary=$("${client[@]}" java bench/InvoiceIssuingLoad.java issue --url "http://127.0.0.1:$PORT" \
        --token "$TOKEN" --ids "$WORK/order-ids.txt" --warmup "$WARMUP" --count "$invoices" --clients "$CLIENTS" \
        --progress "$progress" 2> >(tee -a "$WORK/load-errors.log" >&2) &
        # the timed window starts after the warm-up: take CPU readings when the progress file appears
        lp=$!
        until [[ -f $progress ]] || ! kill -0 "$lp" 2>/dev/null; do sleep 0.05; done
        echo "$(cpu_ticks "$SERVER_PID") $(busy_ticks) $(now_ms)" >"$WORK/cpu0-$tag"
        wait "$lp")
    read -r app1 busy1 t1 <<<"$(cpu_ticks "$SERVER_PID") $(busy_ticks) $(now_ms)"
    read -r app0 busy0 t0 <"$WORK/cpu0-$tag"
    # the live heap at the end of the batch
    full_gc "$SERVER_PID" "$gclog" "$samples.gc" "$invoices"
    if [[ -n $jfr_pid ]]; then
        wait "$jfr_pid" 2>/dev/null || true
    fi
    log "run $tag: $summary"
    settle_archive "$data/archive"
    rss_peak=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status")
    stop_run
    ok=$(json_field "$summary" ok)
    issued=$((ok + WARMUP))
    # archive: files, bytes, PDFs vs XML, and what the run added to the database
    arch_files=$(find "$data/archive" -type f | wc -l)
    arch_bytes=$(find "$data/archive" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    arch_disk=$(du -sk "$data/archive" | cut -f1)
    pdf_stats=$(find "$data/archive" -type f -print0 | xargs -0 -r grep -l -a -m1 '^%PDF-' 2>/dev/null \
        | xargs -r stat -c %s | awk '{ s += $1; n++ } END { printf "%d %d", n, s }')
    read -r pdf_n pdf_bytes <<<"$pdf_stats"
    db_after=$(du -sb "$data" --exclude=archive | cut -f1)
    ms=$((t1 - t0))
    cpu_ms=$(awk -v t=$((app1 - app0)) -v n="$ok" -v hz="$HZ" 'BEGIN { printf "%.1f", n ? 1000 * t / hz / n : 0 }')
    client_ticks=$(awk -v ms="$(json_field "$summary" clientCpuMs)" -v hz="$HZ" 'BEGIN { printf "%d", ms * hz / 1000 }')
    others=$(awk -v b=$((busy1 - busy0)) -v o=$((app1 - app0 + client_ticks)) -v ms="$ms" -v hz="$HZ" \
        'BEGIN { v = (b - o) / hz / (ms / 1000); if (v < 0) v = 0; printf "%.2f", v }')
    read -r h_first h_mid h_last h_peak f10 f50 fend gcs collector <<<"$(heap_figures "$gclog" \
        "$(json_field "$summary" startEpochMs)" "$(json_field "$summary" endEpochMs)" "$samples.gc")"
    # CPU per invoice over the second half of the batch (from the first sample at or past 50 %)
    cpu_ms2=$(awk -v half=$((invoices / 2)) -v t1="$app1" -v n="$invoices" -v hz="$HZ" '
        $2 >= half && !seen { seen = 1; if (n > $2) printf "%.1f", 1000 * (t1 - $7) / hz / (n - $2); else printf "null" }
        END { if (!seen) printf "null" }' "$samples")
    summary="${summary%\}},\"cpuMs2ndHalf\":$cpu_ms2}"
    committed_peak=$(awk '{ if ($5 > m) m = $5 } END { printf "%.0f", m / 1024 }' "$samples")
    printf '%s\n' "$cores|$invoices|$l|$others|$cpu_ms|$h_first|$h_mid|$h_last|$h_peak|$f10|$f50|$fend|$gcs|$collector|$committed_peak|$rss_peak|$issued|$arch_files|$arch_bytes|$arch_disk|$pdf_n|$pdf_bytes|$((db_after - db_before))|$summary" >>"$RESULTS"
    log "run $tag: o2c CPU $cpu_ms ms/invoice; heap after GC first/mid/last/peak $h_first/$h_mid/$h_last/$h_peak MiB," \
        "live after full GC at 10 %/50 %/end $f10/$f50/$fend MiB ($collector, $gcs GCs); archive $arch_files files," \
        "$arch_bytes bytes for $issued invoices ($pdf_n PDFs); other CPU $others cores"
    if [[ -n $JFR_DIR && -f $JFR_DIR/invoice-issuing-$tag.jfr ]]; then
        top=$(jfr_summary "$JFR_DIR/invoice-issuing-$tag.jfr")
        HOTSPOTS+=$'\n'"$tag:"$'\n'"$top"
        log "run $tag: JFR summary:"$'\n'"$top"
    fi
done
LOAD_AFTER=$(load_avg)

# ---- report ------------------------------------------------------------------------------------------------------
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
MEM_GIB=$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
JAVA_VERSION=$(java -version 2>&1 | sed -n 1p)
JAVA_VM=$(java -version 2>&1 | sed -n '$p')

SECTION="$WORK/section.md"
{
    echo "## Invoice issuing"
    echo
    echo "Latest run of \`bench/invoice-issuing.sh\`, $STARTED (generated by the script; this section is replaced on"
    echo "every run, the rest of the file is kept)."
    echo
    echo "One invoice = \`POST /api/v1/orders/{id}/invoice\` (201: gapless number, tax decision, frozen document, lines,"
    echo "audit entry and event in one transaction) followed by \`GET /api/v1/invoices/{id}/pdf\` (200: the PDF/A-3 with"
    echo "the Factur-X XML, rendered and archived write-once on first request, read back from the archive and checked"
    echo "for its SHA-256). The invoice mail listener (asynchronous, after commit) renders and archives the same PDF"
    echo "(and, for business buyers, the XRechnung) in parallel; whichever finishes first is archived, the other render"
    echo "is thrown away. Mail goes to a closed local port, so each invoice mail is queued and its sending fails fast"
    echo "(and is retried with back-off during the run)."
    echo
    echo "o2c runs on embedded H2 (file) in a fresh data folder, \`-Xmx$HEAP\`, otherwise default JVM options, pinned with"
    echo "\`taskset\` to the given cores; the JVM picks its collector from what it sees (one core: Serial, two: G1)."
    echo "Before the runs, $ORDERS orders were placed through the API with all cores (not timed; $(json_field "$ORDER_SUMMARY" ordersPerSec) orders/s):"
    echo "75 % German consumers, 10 % German businesses with a VAT id, 10 % Austrian consumers (OSS), 5 % French"
    echo "consumers; 1–3 lines of $PRODUCTS products (standard and reduced rate), with or without shipping. Each run starts"
    echo "o2c on a copy of that database, issues $WARMUP invoices to warm the JVM up (not counted), then times the batch"
    echo "with $CLIENTS clients in a closed loop (the load generator runs on the other core when o2c has only one)."
    echo "Latencies are per invoice (issue + PDF) and per call, client side, in ms. CPU ms/invoice is the user + system"
    echo "CPU of the o2c JVM (JIT and GC included) over the timed batch divided by its invoices; 1000 ÷ that is the"
    echo "invoices one fully used core would issue per second, which hardly depends on what else runs on the machine."
    echo "The JIT is still at work well into the batch (the rate rises from tenth to tenth, below), so the second half of"
    echo "each batch is also shown on its own."
    echo "Other CPU is what everything else on the machine used during the batch, in cores (the machine's busy time"
    echo "less o2c and the load generator; it includes this script's heap sampler, a jstat process every $SAMPLE s, about"
    echo "0.05 core); well above 0.1 means the run shared the $NPROC cores with someone else."
    echo
    echo "| o2c cores | invoices | invoices/s | per core | 2nd half: invoices/s | per core | p50 ms | p90 ms | p99 ms | max ms | issue p50 / p99 ms | PDF p50 / p99 ms | errors | CPU ms/invoice | 2nd half | invoices per CPU-second | 2nd half | other CPU (cores) | load avg at start |"
    echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    while IFS='|' read -r cores n l others cpu_ms _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ json; do
        ips=$(json_field "$json" invoicesPerSec)
        ips2=$(json_field "$json" secondHalfPerSec)
        cpu2=$(json_field "$json" cpuMs2ndHalf)
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s | %s / %s | %s | %s | %s | %s | %s | %s | %s |\n' \
            "$cores" "$n" "$ips" "$(awk -v a="$ips" -v c="$cores" 'BEGIN { printf "%.1f", a / c }')" \
            "$ips2" "$(awk -v a="$ips2" -v c="$cores" 'BEGIN { printf "%.1f", a / c }')" \
            "$(json_field "$json" p50Ms)" "$(json_field "$json" p90Ms)" "$(json_field "$json" p99Ms)" \
            "$(json_field "$json" maxMs)" "$(json_field "$json" issueP50Ms)" "$(json_field "$json" issueP99Ms)" \
            "$(json_field "$json" pdfP50Ms)" "$(json_field "$json" pdfP99Ms)" "$(json_field "$json" errors)" "$cpu_ms" \
            "${cpu2/null/–}" "$(awk -v m="$cpu_ms" 'BEGIN { if (m > 0) printf "%.1f", 1000 / m; else printf "–" }')" \
            "$(awk -v m="$cpu2" 'BEGIN { if (m > 0) printf "%.1f", 1000 / m; else printf "–" }')" "$others" "$l"
    done <"$RESULTS"
    echo
    echo "Invoices/s in each tenth of the batch (in completion order), to show whether the rate holds as the tables grow:"
    echo
    while IFS='|' read -r cores n _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ json; do
        echo "- $cores core(s), $n invoices: $(json_field "$json" tenthsPerSec | tr -d '[]' | sed 's/,/, /g')"
    done <"$RESULTS"
    echo
    echo "Heap (MiB). *Used after GC* is the heap in use right after the latest collection, as seen every $SAMPLE s over the"
    echo "batch (from the GC log): at the first sample, the middle one, the last one, and the highest value after any"
    echo "collection during the batch. *Live* is the heap after a forced full GC (\`jcmd GC.run\`) when the batch"
    echo "passed 10 % and 50 %, and after it ended. Peak committed heap from jstat, peak RSS = VmHWM of the JVM."
    echo
    echo "| o2c cores | invoices | collector | GCs | used after GC: first | middle | last | peak | live at 10 % | at 50 % | at end | peak committed | peak RSS |"
    echo "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    while IFS='|' read -r cores n _ _ _ hf hm hl hp f10 f50 fend gcs coll committed rss _; do
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$cores" "$n" "$coll" "$gcs" \
            "$hf" "$hm" "$hl" "$hp" "$f10" "$f50" "$fend" "$committed" "$rss"
    done <"$RESULTS"
    echo
    echo "Archive and database (per invoice = over all invoices of the run, warm-up included):"
    echo
    echo "Every invoice has exactly one archived PDF; PDF files beyond the number of invoices are renders that lost"
    echo "the race between the PDF request and the mail listener and differ in their bytes (timestamps) from the"
    echo "winner: written to the archive folder, never referenced. (A losing render with the same bytes as the winner"
    echo "leaves no extra file, so this counts fewer than all double renders.) *Per invoice* divides by all invoices of the run"
    echo "(warm-up included); *without orphans* leaves those files out. H2 growth is the database file's growth over"
    echo "the run, measured after o2c closed it."
    echo
    echo "| o2c cores | invoices issued | archived files | PDFs | orphaned PDFs | avg PDF bytes | XRechnung files | archive bytes per invoice | without orphans | on disk per invoice (KiB, blocks) | H2 growth per invoice (bytes) |"
    echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    while IFS='|' read -r cores n _ _ _ _ _ _ _ _ _ _ _ _ _ _ issued files bytes disk pdfs pdfb dbg _; do
        orphans=$((pdfs > issued ? pdfs - issued : 0))
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$cores" "$issued" "$files" "$pdfs" \
            "$orphans" "$(awk -v b="$pdfb" -v n="$pdfs" 'BEGIN { printf "%.0f", n ? b / n : 0 }')" "$((files - pdfs))" \
            "$(awk -v b="$bytes" -v n="$issued" 'BEGIN { printf "%.0f", b / n }')" \
            "$(awk -v b="$bytes" -v pb="$pdfb" -v p="$pdfs" -v o="$orphans" -v n="$issued" \
                'BEGIN { printf "%.0f", (b - (p ? o * pb / p : 0)) / n }')" \
            "$(awk -v b="$disk" -v n="$issued" 'BEGIN { printf "%.1f", b / n }')" \
            "$(awk -v b="$dbg" -v n="$issued" 'BEGIN { printf "%.0f", b / n }')"
    done <"$RESULTS"
    echo
    echo "Targets (issue): at least 25 invoices per second per core; memory that does not grow with the batch"
    echo "(here: the live heap at the end of the batch is at most 10 % above the live heap at 10 % of it)."
    echo
    while IFS='|' read -r cores n _ _ cpu_ms _ _ _ hp f10 f50 fend _ _ _ _ _ _ _ _ _ _ _ json; do
        ips=$(json_field "$json" invoicesPerSec)
        ips2=$(json_field "$json" secondHalfPerSec)
        per=$(awk -v a="$ips" -v c="$cores" 'BEGIN { printf "%.1f", a / c }')
        per2=$(awk -v a="$ips2" -v c="$cores" 'BEGIN { printf "%.1f", a / c }')
        line="- $cores core(s), $n invoices: $ips invoices/s = $per per core, second half $ips2/s = $per2 per core"
        line+=" (≥ 25 per core: $(awk -v p="$per" -v q="$per2" 'BEGIN { print (p >= 25) ? "met" : (q >= 25) ? "met in the second half only" : "missed" }'))"
        line+="; $(awk -v m="$cpu_ms" 'BEGIN { printf "%.1f", 1000 / m }') invoices per CPU-second of o2c"
        if [[ $f10 != – && $fend != – ]]; then
            line+="; live heap $f10 → $f50 → $fend MiB, peak used after GC $hp MiB (does not grow: $(awk -v a="$f10" -v b="$fend" \
                'BEGIN { print (b <= 1.1 * a) ? "met" : "missed" }'))"
        fi
        echo "$line"
    done <"$RESULTS"
    echo
    echo "Machine:"
    echo
    echo "- CPU: $CPU_MODEL, $NPROC cores (nproc); memory $MEM_GIB GiB; $(uname -sr)"
    echo "- Java: $JAVA_VERSION; $JAVA_VM"
    echo "- load average (1, 5, 15 min): $LOAD_BEFORE before the run, $LOAD_AFTER after it"
    echo "- date: $STARTED"
    echo
    echo "Command (repository root):"
    echo
    echo '```'
    echo "$COMMAND"
    echo '```'
    if [[ -n $HOTSPOTS ]]; then
        echo
        echo "JFR (this run was profiled, which costs a little throughput): o2c ran with JFR on (default settings) from its"
        echo "start; execution samples of a ${JFR_SECONDS} s recording from 10 % of each batch."
        echo
        echo '```'
        echo "${HOTSPOTS#$'\n'}"
        echo '```'
    fi
    echo
} >"$SECTION"

mkdir -p "$(dirname "$REPORT")"
if [[ ! -f $REPORT ]]; then
    printf '# Benchmarks\n\nBenchmarks are not tests: nothing here runs in `mvn verify`. Each section names the command that\nproduces it.\n\n' >"$REPORT"
fi
# Replace the "## Invoice issuing" section (up to the next "## " heading) or append it; keep everything else.
awk -v section="$SECTION" '
    function emit(  line) { while ((getline line < section) > 0) print line; close(section); done = 1 }
    /^## / { if (skip) skip = 0; if ($0 == "## Invoice issuing") { emit(); skip = 1; next } }
    !skip { print }
    END { if (!done) { print ""; emit() } }
' "$REPORT" >"$WORK/report.md"
cat -s "$WORK/report.md" >"$REPORT"

cat "$SECTION"
log "report written to $REPORT"
