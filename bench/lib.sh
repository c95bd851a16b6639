# Helpers the bench scripts share; sourced, not run. The caller sets SERVER_PID when it starts o2c,
# PG_HOST, PG_PORT, PG_USER before it calls psql_admin, and may set LOG_TAG (default bench) and
# STOP_WAIT_SECONDS (default 30: how long o2c may take to stop before it is killed).

log() { printf '[%s %s] %s\n' "${LOG_TAG:-bench}" "$(date +%H:%M:%S)" "$*" >&2; }

now_ms() { date +%s%3N; }

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres "$@"; }

# Stops the o2c started in the background (SERVER_PID): politely, then after STOP_WAIT_SECONDS for good.
stop_server() {
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 $((${STOP_WAIT_SECONDS:-30} * 2))); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.5
        done
        kill -9 "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=
}

# A TCP port on 127.0.0.1 that nothing listens on (20000–39999).
free_port() {
    local p
    for _ in $(seq 1 200); do
        p=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return
        fi
    done
    echo "no free port found" >&2
    return 1
}
