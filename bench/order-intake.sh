#!/usr/bin/env bash
# Order intake benchmark: drives POST /api/v1/orders over HTTP with closed-loop concurrent clients against
# o2c on embedded H2 and on PostgreSQL, runs pgbench (simple-update, same client counts) on the same
# PostgreSQL, and writes the "Order intake" section of docs/benchmarks.md.
#
# A benchmark, not a test: nothing of this runs in `mvn verify`. Everything talks to 127.0.0.1 only.
#
# Needs: a JDK 17+ (java, javac), mvn (only if target/o2c.jar is missing), curl, and for PostgreSQL psql + pgbench and a
# server on 127.0.0.1:5432 that lets user postgres in without a password (trust). The script drops and
# creates the databases o2c_bench and o2c_bench_pgbench (and drops them again at the end) and touches no
# other database.
#
# Knobs (environment):
#   BENCH_CLIENTS="1 4 8"        client counts, one measured level each
#   BENCH_SECONDS=20             measured seconds per level
#   BENCH_WARMUP=5               warm-up seconds before each level (sent, not counted)
#   BENCH_JIT_WARMUP=60          seconds of load after seeding, before the first level (not counted)
#   BENCH_DATABASES="h2 postgres"
#   BENCH_PRODUCTS=50            products seeded (each with 1,000,000 on hand)
#   BENCH_REPORT=docs/benchmarks.md
#   BENCH_JFR_DIR=               when set: a JFR recording of the server during each database's top level
#                                (profiling perturbs the numbers; don't use it for the published report)
#   BENCH_PG_ANALYZE=1           ANALYZE o2c_bench after the warm-up (0: leave the statistics to autovacuum)
#   BENCH_KEEP_DB=1              keep o2c_bench / o2c_bench_pgbench afterwards
#   BENCH_START_SECONDS=300      how long o2c may take to become healthy (a busy machine needs minutes)
#   PGPORT=5432
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

CLIENTS=${BENCH_CLIENTS:-1 4 8}
SECONDS_PER_LEVEL=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP:-5}
JIT_WARMUP=${BENCH_JIT_WARMUP:-60}
DATABASES=${BENCH_DATABASES:-h2 postgres}
PRODUCTS=${BENCH_PRODUCTS:-50}
PG_ANALYZE=${BENCH_PG_ANALYZE:-1}
REPORT=${BENCH_REPORT:-docs/benchmarks.md}
PG_HOST=127.0.0.1
PG_PORT=${PGPORT:-5432}
PG_USER=postgres
PG_DB=o2c_bench
PGBENCH_DB=o2c_bench_pgbench
TOKEN="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
RUN_ID=$(date +%s | tail -c 7)

for n in $CLIENTS; do
    [[ $n =~ ^[0-9]+$ && $n -ge 1 && $n -le 64 ]] || { echo "BENCH_CLIENTS: 1..64 each, got '$n'" >&2; exit 2; }
done
[[ $SECONDS_PER_LEVEL =~ ^[0-9]+$ && $SECONDS_PER_LEVEL -ge 1 && $SECONDS_PER_LEVEL -le 300 ]] \
    || { echo "BENCH_SECONDS: 1..300" >&2; exit 2; }
[[ $WARMUP =~ ^[0-9]+$ && $WARMUP -le 120 ]] || { echo "BENCH_WARMUP: 0..120" >&2; exit 2; }
[[ $JIT_WARMUP =~ ^[0-9]+$ && $JIT_WARMUP -le 300 ]] || { echo "BENCH_JIT_WARMUP: 0..300" >&2; exit 2; }
[[ $PRODUCTS =~ ^[0-9]+$ && $PRODUCTS -ge 1 && $PRODUCTS -le 999 ]] || { echo "BENCH_PRODUCTS: 1..999" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/o2c-bench.XXXXXX")
RESULTS="$WORK/results.tsv"
: > "$RESULTS"
SERVER_PID=
PG_USED=false

cleanup() {
    local rc=$?
    stop_server
    if [[ $PG_USED == true && ${BENCH_KEEP_DB:-} != 1 ]]; then
        psql_admin -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" 2>/dev/null || true
        psql_admin -c "DROP DATABASE IF EXISTS $PGBENCH_DB WITH (FORCE)" 2>/dev/null || true
    fi
    if [[ $rc -ne 0 ]]; then
        log "failed (exit $rc); server logs and raw results kept in $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

json_field() { # json_field JSON NAME -> the (flat, numeric) field's value
    sed -E 's/.*"'"$2"'":([^,}]*).*/\1/' <<<"$1"
}

load1() { cut -d' ' -f1 /proc/loadavg; }

# CPU time (clock ticks, user + system) the given processes have used so far; gone processes count 0.
cpu_ticks() {
    local sum=0 p f
    for p in "$@"; do
        if f=$(sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null); then
            read -r -a f <<<"$f"
            sum=$((sum + f[11] + f[12]))
        fi
    done
    echo "$sum"
}
HZ=$(getconf CLK_TCK)
busy_ticks() { # CPU ticks the whole machine has been busy (not idle, not waiting for I/O)
    awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat
}
others_cores() { # others_cores BUSY_TICKS OURS_TICKS ELAPSED_MS -> cores' worth of CPU used by everything else
    awk -v b="$1" -v o="$2" -v ms="$3" -v hz="$HZ" 'BEGIN { v = (b - o) / hz / (ms / 1000); if (v < 0) v = 0; printf "%.2f", v }'
}
per_unit_ms() { # per_unit_ms TICKS COUNT -> CPU ms per unit
    awk -v t="$1" -v n="$2" -v hz="$HZ" 'BEGIN { if (n > 0) printf "%.2f", 1000 * t / hz / n; else printf "–" }'
}
backends() { # backends DATABASE -> pids of its server processes
    psql_admin -Atc "SELECT pid FROM pg_stat_activity WHERE datname = '$1'" 2>/dev/null | tr '\n' ' '
}

# ---- build -------------------------------------------------------------------------------------------------
if [[ ! -f target/o2c.jar ]]; then
    log "target/o2c.jar missing: building it (mvn -q -DskipTests package)"
    mvn -q -DskipTests package
fi

if [[ " $DATABASES " == *" postgres "* ]]; then
    command -v psql >/dev/null && command -v pgbench >/dev/null \
        || { echo "psql and pgbench are needed for PostgreSQL (or set BENCH_DATABASES=h2)" >&2; exit 2; }
    psql_admin -Atc 'SELECT 1' >/dev/null \
        || { echo "PostgreSQL on $PG_HOST:$PG_PORT (user $PG_USER, trust) is not reachable" >&2; exit 2; }
    PG_USED=true
fi

# ---- o2c server ----------------------------------------------------------------------------------------------
start_server() { # start_server DB
    local db=$1
    PORT=$(free_port)
    local mail_port
    mail_port=$(free_port) # nothing listens there: a mail, should one be queued, fails fast and stays local
    local data="$WORK/data-$db"
    mkdir -p "$data"
    local env=(O2C_DATA_DIR="$data" O2C_ADMIN_TOKEN="$TOKEN" SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1
        O2C_BASE_URL="http://127.0.0.1:$PORT" SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$mail_port")
    if [[ $db == postgres ]]; then
        psql_admin -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)"
        psql_admin -c "CREATE DATABASE $PG_DB"
        env+=(SPRING_DATASOURCE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB"
            SPRING_DATASOURCE_USERNAME="$PG_USER" SPRING_DATASOURCE_PASSWORD=)
    fi
    log "$db: starting o2c on 127.0.0.1:$PORT"
    env "${env[@]}" java -jar target/o2c.jar >"$WORK/server-$db.log" 2>&1 &
    SERVER_PID=$!
    local deadline=$((SECONDS + ${BENCH_START_SECONDS:-300}))
    until curl -sf --max-time 2 "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1; do
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            tail -50 "$WORK/server-$db.log" >&2
            echo "o2c ($db) died while starting" >&2
            return 1
        fi
        if ((SECONDS > deadline)); then
            tail -50 "$WORK/server-$db.log" >&2
            echo "o2c ($db) not healthy after ${BENCH_START_SECONDS:-300} s" >&2
            return 1
        fi
        sleep 0.5
    done
    log "$db: healthy"
}

api_put() { # api_put PATH JSON
    curl -sS -f --max-time 10 -X PUT -o /dev/null \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        "http://127.0.0.1:$PORT$1" --data-binary "$2"
}

SKUS=
seed() {
    local names=("Wollsocken" "Merino-Mütze" "Lammfellhausschuhe" "Baumwollschal" "Strickhandschuhe"
        "Leinentasche" "Bio-Kräutertee" "Honig aus der Heide" "Kochbuch Heimatküche" "Kaffeebohnen Espresso")
    local prices=("12.90" "24.90" "59.00" "19.95" "14.50" "9.90" "6.50" "8.40" "29.00" "13.99")
    local cats=("STANDARD" "STANDARD" "STANDARD" "STANDARD" "STANDARD" "STANDARD" "REDUCED" "REDUCED" "REDUCED"
        "REDUCED")
    local aisles=(A B C D E F G H I J)
    local i k sku list=()
    for ((i = 1; i <= PRODUCTS; i++)); do
        k=$(((i - 1) % 10))
        sku=$(printf 'BENCH-%03d' "$i")
        api_put "/api/v1/products/$sku" "{\"name\":\"${names[$k]} $i\",\"gtin\":null,\"price\":\"${prices[$k]}\",
            \"currency\":\"EUR\",\"taxCategory\":\"${cats[$k]}\",\"weightGrams\":$((100 + 37 * i % 900)),
            \"location\":\"${aisles[$(((i - 1) / 10 % 10))]}-$(printf '%02d' $((1 + i % 40)))-$((1 + i % 3))\"}"
        api_put "/api/v1/stock/$sku" '{"onHand":1000000}'
        list+=("$sku")
    done
    SKUS=$(IFS=,; echo "${list[*]}")
}

# The load generator is compiled once, and its JVM runs with the client compiler only and the serial collector:
# it shares the cores with what it measures, and `java File.java` would compile the source again (some 3 s of CPU)
# for every level, and C2 would spend more CPU optimising it than a 25-second run gains back.
LOAD_CLASSES="$WORK/load-classes"
javac -d "$LOAD_CLASSES" bench/OrderIntakeLoad.java
load() { # load CLIENTS SECONDS WARMUP RUNID -> JSON summary on stdout
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -cp "$LOAD_CLASSES" OrderIntakeLoad --url "http://127.0.0.1:$PORT" --token "$TOKEN" --clients "$1" \
        --seconds "$2" --warmup "$3" --skus "$SKUS" --run-id "$4"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
MAX_CLIENTS=$(tr ' ' '\n' <<<"$CLIENTS" | sort -n | tail -1)

declare -A ORDERS_SENT=()
for db in $DATABASES; do
    ORDERS_SENT[$db]=0
    case $db in h2 | postgres) ;; *) echo "unknown database '$db' (h2, postgres)" >&2; exit 2 ;; esac
    start_server "$db"
    log "$db: seeding $PRODUCTS products with stock"
    seed
    if ((JIT_WARMUP > 0)); then
        log "$db: warming up ${JIT_WARMUP}s at $MAX_CLIENTS clients (not counted)"
        load "$MAX_CLIENTS" "$JIT_WARMUP" 0 "$RUN_ID-$db-w" >"$WORK/warmup-$db.json"
        ORDERS_SENT[$db]=$(json_field "$(cat "$WORK/warmup-$db.json")" sent)
    fi
    if [[ $db == postgres && $PG_ANALYZE == 1 ]]; then
        # This machine's PostgreSQL may run with autovacuum off (CI configuration): without statistics the
        # planner takes the tables for empty and picks plans that scan every order. Analyse once the warm-up
        # has filled them, as autovacuum would in production.
        log "$db: ANALYZE (autovacuum=$(psql_admin -Atc 'SHOW autovacuum'))"
        psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -c ANALYZE
    fi
    for n in $CLIENTS; do
        l=$(load1)
        log "$db: $n clients, ${WARMUP}s warm-up + ${SECONDS_PER_LEVEL}s measured (load $l)"
        jfr_pid=
        if [[ -n ${BENCH_JFR_DIR:-} && $n == "$MAX_CLIENTS" ]]; then
            mkdir -p "$BENCH_JFR_DIR"
            (sleep "$WARMUP"; jcmd "$SERVER_PID" JFR.start name=bench settings=profile \
                duration="${SECONDS_PER_LEVEL}s" filename="$BENCH_JFR_DIR/$db-c$n.jfr" >/dev/null) &
            jfr_pid=$!
        fi
        pg_pids=$([[ $db == postgres ]] && backends "$PG_DB" || true)
        # shellcheck disable=SC2086
        app0=$(cpu_ticks "$SERVER_PID") && pg0=$(cpu_ticks $pg_pids) && busy0=$(busy_ticks) && t0=$(now_ms)
        summary=$(load "$n" "$SECONDS_PER_LEVEL" "$WARMUP" "$RUN_ID-$db-c$n" 2> >(tee -a "$WORK/load-errors.log" >&2))
        # shellcheck disable=SC2086
        app1=$(cpu_ticks "$SERVER_PID") && pg1=$(cpu_ticks $pg_pids) && busy1=$(busy_ticks) && t1=$(now_ms)
        client_ticks=$(awk -v ms="$(json_field "$summary" clientCpuMs)" -v hz="$HZ" 'BEGIN { printf "%d", ms * hz / 1000 }')
        others=$(others_cores $((busy1 - busy0)) $((app1 - app0 + pg1 - pg0 + client_ticks)) $((t1 - t0)))
        sent=$(json_field "$summary" sent)
        cpu_app=$(per_unit_ms $((app1 - app0)) "$sent")
        cpu_pg=$([[ $db == postgres ]] && per_unit_ms $((pg1 - pg0)) "$sent" || echo –)
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$db" "$n" "$l" "$others" "$cpu_app" "$cpu_pg" "$summary" >>"$RESULTS"
        ORDERS_SENT[$db]=$((ORDERS_SENT[$db] + sent))
        log "$db: $summary (CPU per order: o2c $cpu_app ms, PostgreSQL $cpu_pg ms; other processes $others cores)"
    done
    if [[ -n $jfr_pid ]]; then
        wait "$jfr_pid" || true
        sleep 2 # the recording ends with the measured window; give the JVM a moment to write it
    fi
    stop_server
done

# ---- pgbench ---------------------------------------------------------------------------------------------------
declare -A PGBENCH_TPS=()
declare -A PGBENCH_PG_CPU=()
if [[ $PG_USED == true ]]; then
    log "pgbench: initialising $PGBENCH_DB (scale 10)"
    psql_admin -c "DROP DATABASE IF EXISTS $PGBENCH_DB WITH (FORCE)"
    psql_admin -c "CREATE DATABASE $PGBENCH_DB"
    pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -i -s 10 -q "$PGBENCH_DB" >"$WORK/pgbench-init.log" 2>&1
    if ((WARMUP > 0)); then
        pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -b simple-update -c "$MAX_CLIENTS" \
            -j $((MAX_CLIENTS < 2 ? MAX_CLIENTS : 2)) -T "$WARMUP" -n \
            "$PGBENCH_DB" >/dev/null 2>&1
    fi
    for n in $CLIENTS; do
        j=$((n < 2 ? n : 2))
        l=$(load1)
        log "pgbench: simple-update, $n clients, ${SECONDS_PER_LEVEL}s (load $l)"
        busy0=$(busy_ticks) && t0=$(now_ms)
        pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -b simple-update -c "$n" -j "$j" \
            -T "$SECONDS_PER_LEVEL" -n "$PGBENCH_DB" >"$WORK/pgbench-c$n.log" 2>&1 &
        pgbench_pid=$!
        # pgbench's backends live only as long as the run: read their CPU time shortly before it ends.
        sleep "$(awk -v s="$SECONDS_PER_LEVEL" 'BEGIN { print (s > 1) ? s - 0.5 : s / 2 }')"
        # shellcheck disable=SC2046
        pg_ticks=$(cpu_ticks $(backends "$PGBENCH_DB")) && client_ticks=$(cpu_ticks "$pgbench_pid")
        busy1=$(busy_ticks) && t1=$(now_ms)
        others=$(others_cores $((busy1 - busy0)) $((pg_ticks + client_ticks)) $((t1 - t0)))
        wait "$pgbench_pid" || { cat "$WORK/pgbench-c$n.log" >&2; echo "pgbench failed" >&2; exit 1; }
        out=$(cat "$WORK/pgbench-c$n.log")
        echo "$out" >>"$WORK/pgbench.log"
        tps=$(sed -nE 's/^tps = ([0-9.]+) .*/\1/p' <<<"$out" | head -1)
        lat=$(sed -nE 's/^latency average = ([0-9.]+) ms.*/\1/p' <<<"$out" | head -1)
        [[ -n $tps ]] || { echo "$out" >&2; echo "could not read pgbench's tps" >&2; exit 1; }
        tps=$(awk -v t="$tps" 'BEGIN { printf "%.1f", t }')
        PGBENCH_TPS[$n]=$tps
        txns=$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' <<<"$out" | head -1)
        PGBENCH_PG_CPU[$n]=$(per_unit_ms "$pg_ticks" "${txns:-0}")
        printf 'pgbench\t%s\t%s\t%s\t%s\t%s\t{"tps":%s,"latencyAvgMs":%s}\n' "$n" "$l" "$others" \
            "$(per_unit_ms "$client_ticks" "${txns:-0}")" "$(per_unit_ms "$pg_ticks" "${txns:-0}")" "$tps" "${lat:-0}" \
            >>"$RESULTS"
        log "pgbench: $n clients: $tps tps, latency average ${lat:-?} ms; other processes $others cores"
    done
fi

# ---- report ------------------------------------------------------------------------------------------------
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
CPU_MODEL=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || true)
MEM_GIB=$(awk '/MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)
JAVA_VERSION=$(java -version 2>&1 | head -1)
PG_VERSION="(not run)"
PG_SETTINGS=""
if [[ $PG_USED == true ]]; then
    PG_VERSION=$(psql_admin -Atc 'SHOW server_version')
    PG_SETTINGS=$(for s in shared_buffers fsync synchronous_commit max_connections; do
        printf '%s=%s ' "$s" "$(psql_admin -Atc "SHOW $s")"
    done | sed 's/ $//')
fi
COMMAND="bench/order-intake.sh"
for v in BENCH_CLIENTS BENCH_SECONDS BENCH_WARMUP BENCH_JIT_WARMUP BENCH_DATABASES BENCH_PRODUCTS BENCH_PG_ANALYZE BENCH_JFR_DIR BENCH_REPORT PGPORT; do
    if [[ -n ${!v:-} ]]; then
        COMMAND="$v=\"${!v}\" $COMMAND"
    fi
done

fmt_ratio() { # orders/s pgbench-tps -> percent
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f %%", 100 * a / b; else printf "–" }'
}

SECTION="$WORK/section.md"
{
    echo "## Order intake"
    echo
    echo "Latest run of \`bench/order-intake.sh\`, $STARTED (generated by the script; this section is replaced on"
    echo "every run, the rest of the file is kept)."
    echo
    echo "Closed loop: each client thread POSTs \`/api/v1/orders\` and sends the next order when the previous one"
    echo "was answered. Every order is new (unique \`externalId\` and customer e-mail), 1–3 lines over $PRODUCTS seeded"
    echo "products, a German address with a real postal code/city pair, mixed payment methods. Per level:"
    echo "${WARMUP} s warm-up, then ${SECONDS_PER_LEVEL} s measured; after seeding, ${JIT_WARMUP} s of load warm the JIT."
    echo "Latencies are per request in ms (client side, over loopback HTTP/1.1); orders/s counts 2xx answers."
    echo "pgbench runs \`-b simple-update -c N -j min(N,2) -T ${SECONDS_PER_LEVEL} -n\` on a scale-10 database on the"
    echo "same PostgreSQL after o2c is stopped; ratio = orders/s ÷ pgbench tps at the same client count."
    if [[ $PG_USED == true ]]; then
        if [[ $PG_ANALYZE == 1 ]]; then
            echo "PostgreSQL runs with autovacuum=$(psql_admin -Atc 'SHOW autovacuum') here; the script ANALYZEs o2c_bench after the"
            echo "warm-up, as autovacuum would (pgbench -i analyses its own tables)."
        else
            echo "PostgreSQL runs with autovacuum=$(psql_admin -Atc 'SHOW autovacuum') here, and this run did not ANALYZE o2c_bench"
            echo "(BENCH_PG_ANALYZE=0): the planner works without statistics."
        fi
    fi
    echo "CPU ms/order: user + system CPU time of the o2c JVM, of o2c's PostgreSQL backends, and of the load generator's"
    echo "JVM (start-up included), over the whole level (warm-up included) divided by the orders sent in it; for pgbench the same for the pgbench client and its"
    echo "backends per transaction. Unlike orders/s, this hardly depends on what else runs on the machine. On H2 the"
    echo "database runs inside the o2c JVM, so its CPU is in the o2c column."
    echo "The load average at the start of a level mostly counts the benchmark's own threads (the level before it);"
    echo "other CPU is what everything else on the machine (other builds, other databases) used during the level, in"
    echo "cores: the machine's busy time less o2c, its PostgreSQL backends and the load generator (or pgbench and its"
    echo "backends); PostgreSQL's WAL writer and checkpointer count as other. Anything well above 0.1 means the level"
    echo "shared the $(nproc) cores with someone else."
    echo "Load generator, o2c, PostgreSQL and pgbench all share the machine below. Orders sent to each database"
    echo "(warm-up included, so about the size of the orders table at the end):$(for db in $DATABASES; do
        printf ' %s %s;' "$db" "${ORDERS_SENT[$db]}"; done | sed 's/;$/./')"
    echo
    echo "| database | clients | orders/s | p50 ms | p90 ms | p99 ms | max ms | errors | pgbench tps | ratio | load avg (1 min) | other CPU (cores) | CPU ms/order o2c | CPU ms/order PostgreSQL | CPU ms/order load generator |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    while IFS=$'\t' read -r db n l others cpu_app cpu_pg json; do
        [[ $db == pgbench ]] && continue
        ops=$(json_field "$json" ordersPerSec)
        tps=${PGBENCH_TPS[$n]:-}
        name=$([[ $db == h2 ]] && echo "H2 (embedded, file)" || echo "PostgreSQL $PG_VERSION")
        cpu_load=$(awk -v c="$(json_field "$json" clientCpuMs)" -v n="$(json_field "$json" sent)" \
            'BEGIN { if (n > 0) printf "%.2f", c / n; else printf "–" }')
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$n" "$ops" \
            "$(json_field "$json" p50Ms)" "$(json_field "$json" p90Ms)" "$(json_field "$json" p99Ms)" \
            "$(json_field "$json" maxMs)" "$(json_field "$json" errors)" "${tps:-–}" \
            "$([[ -n $tps ]] && fmt_ratio "$ops" "$tps" || echo –)" "$l" "$others" "$cpu_app" "$cpu_pg" "$cpu_load"
    done <"$RESULTS"
    echo
    if [[ $PG_USED == true ]]; then
        echo "pgbench alone (simple-update):"
        echo
        echo "| clients | tps | latency average ms | load avg (1 min) | other CPU (cores) | CPU ms/txn pgbench | CPU ms/txn PostgreSQL |"
        echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
        while IFS=$'\t' read -r db n l others cpu_app cpu_pg json; do
            [[ $db == pgbench ]] || continue
            printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$(json_field "$json" tps)" \
                "$(json_field "$json" latencyAvgMs)" "$l" "$others" "$cpu_app" "$cpu_pg"
        done <"$RESULTS"
        echo
    fi
    echo "Target (issue): at 8 clients, order intake reaches at least 30 % of pgbench's tps with p99 under 50 ms."
    echo
    while IFS=$'\t' read -r db n l others cpu_app cpu_pg json; do
        [[ $db != pgbench && $n == 8 ]] || continue
        ops=$(json_field "$json" ordersPerSec)
        p99=$(json_field "$json" p99Ms)
        tps=${PGBENCH_TPS[$n]:-}
        line="- $([[ $db == h2 ]] && echo H2 || echo PostgreSQL), 8 clients: $ops orders/s"
        if [[ -n $tps ]]; then
            ok_ratio=$(awk -v a="$ops" -v b="$tps" 'BEGIN { print (a >= 0.3 * b) ? "met" : "missed" }')
            line+=" = $(fmt_ratio "$ops" "$tps") of pgbench's $tps tps (≥ 30 %: $ok_ratio)"
        fi
        ok_p99=$(awk -v p="$p99" 'BEGIN { print (p < 50) ? "met" : "missed" }')
        line+=", p99 $p99 ms (< 50 ms: $ok_p99)"
        if [[ $db == postgres && -n ${PGBENCH_PG_CPU[$n]:-} && $cpu_app != – && $cpu_pg != – ]]; then
            line+=$(awk -v a="$cpu_app" -v p="$cpu_pg" -v b="${PGBENCH_PG_CPU[$n]}" 'BEGIN {
                printf "; server-side CPU per order %.2f ms (o2c %.2f + PostgreSQL %.2f)", a + p, a, p
                # pgbench backends that got (almost) no CPU in the window would divide by zero
                if (b > 0) printf ", %.1f times the %.2f ms of PostgreSQL CPU per pgbench transaction", (a + p) / b, b }')
        fi
        echo "$line"
    done <"$RESULTS"
    echo
    echo "Machine:"
    echo
    echo "- CPU: $CPU_MODEL, $(nproc) cores (nproc); memory $MEM_GIB GiB; $(uname -sr)"
    echo "- Java: $JAVA_VERSION (o2c with default JVM options)"
    echo "- PostgreSQL: $PG_VERSION${PG_SETTINGS:+ ($PG_SETTINGS)}, 127.0.0.1:$PG_PORT"
    echo "- load average (1, 5, 15 min): $LOAD_BEFORE before the run, $LOAD_AFTER after it"
    echo "- date: $STARTED"
    echo
    echo "Command (repository root):"
    echo
    echo '```'
    echo "$COMMAND"
    echo '```'
    echo
} >"$SECTION"

mkdir -p "$(dirname "$REPORT")"
if [[ ! -f $REPORT ]]; then
    printf '# Benchmarks\n\nBenchmarks are not tests: nothing here runs in `mvn verify`. Each section names the command that\nproduces it.\n\n' >"$REPORT"
fi
# Replace the "## Order intake" section (up to the next "## " heading) or append it; keep everything else.
awk -v section="$SECTION" '
    function emit(  line) { while ((getline line < section) > 0) print line; close(section); done = 1 }
    /^## / { if (skip) skip = 0; if ($0 == "## Order intake") { emit(); skip = 1; next } }
    !skip { print }
    END { if (!done) { print ""; emit() } }
' "$REPORT" >"$WORK/report.md"
# No blank-line pile-up when appending to a file that already ends with one.
cat -s "$WORK/report.md" >"$REPORT"

cat "$SECTION"
log "report written to $REPORT"
