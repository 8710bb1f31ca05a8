# Sourced by the benchmarks that measure the platform on both databases in one run: the embedded H2
# and a real PostgreSQL that the script starts for itself, so that the two figures come from the
# same machine at the same moment and their ratio means something.
#
#   bench_init NAME          a work dir ($WORK) under /tmp, removed at exit unless KEEP is set
#   chapitre_start DB [VAR=value…]   the jar ($JAR, default target/chapitre.jar) on a free port ($PORT,
#                            $BASE) against DB (h2: a fresh data dir; postgresql: a fresh database on
#                            the cluster this run started), with the bench admin; $SERVER is its pid.
#                            A server started before keeps running (feed.sh measures two side by side)
#   chapitre_stop            stops the last one started (the cleanup at exit stops them all)
#   free_port                prints a TCP port nobody listens on
#
# PG_LOG_MS=N logs PostgreSQL's statements that take N ms or more (0: all, with their time) into
# $WORK/postgres/postgresql.log: the slow-query log.
# JFR=1 records each server with Java Flight Recorder into $WORK/<db>.jfr (with KEEP=1 to read it).
# DATABASES (default "h2 postgresql") chooses the databases; each script loops over it and prints
# the PostgreSQL/H2 ratio. The PostgreSQL is src/test/postgres/postgres.sh's throw-away cluster on a
# free port, with durability switched back on (the test cluster runs with fsync off): the embedded
# H2 syncs every commit (ChapitreDataSource), so PostgreSQL must too for the comparison to be fair.
# PG_DURABLE=0 keeps the test cluster's settings.
# Needs: a JDK, curl, python3, Debian's postgresql (initdb, pg_ctl, psql) for DATABASES=postgresql.

JAR=${JAR:-target/chapitre.jar}
DATABASES=${DATABASES:-h2 postgresql}
ADMIN=bench@chapitre.test
PASSWORD=bench-password-1
SERVER=
SERVERS=()
PG_PORT=

bench_init() {
    [[ -f $JAR ]] || { echo "Build first: mvn -q package -DskipTests (or set JAR)" >&2; exit 1; }
    WORK=$(mktemp -d "/tmp/chapitre-bench-$1.XXXXXX")
    # The cluster runs as the user postgres (we may be root), which must reach its directory.
    chmod 755 "$WORK"
    trap bench_cleanup EXIT
}

bench_cleanup() {
    local pid
    for pid in "${SERVERS[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    # under set -e: a failed step here must not skip the ones after it, nor fail a run that passed
    [[ -z ${EXTRA_CLEANUP:-} ]] || $EXTRA_CLEANUP || true
    [[ -z $PG_PORT ]] || src/test/postgres/postgres.sh stop "$WORK/postgres" >/dev/null 2>&1 || true
    [[ -n ${KEEP:-} ]] || rm -rf "$WORK"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Superuser statements over the cluster's private socket (trusted there, password over TCP).
pg_admin() {
    local sock
    sock=$(sed -n "s/^unix_socket_directories = '\(.*\)'$/\1/p" "$WORK/postgres/data/postgresql.conf" | tail -1)
    psql -h "$sock" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

postgres_start() {
    PG_PORT=$(free_port)
    POSTGRES_WATCH_PID=$$ src/test/postgres/postgres.sh start "$WORK/postgres" "$PG_PORT" >"$WORK/postgres.log" \
        || { cat "$WORK/postgres.log" >&2; exit 1; }
    if [[ ${PG_DURABLE:-1} == 1 ]]; then
        pg_admin -c "ALTER SYSTEM SET fsync = on" -c "ALTER SYSTEM SET synchronous_commit = on" \
            -c "ALTER SYSTEM SET full_page_writes = on" -c "SELECT pg_reload_conf()" >/dev/null
    fi
    if [[ -n ${PG_LOG_MS:-} ]]; then
        pg_admin -c "ALTER SYSTEM SET log_min_duration_statement = ${PG_LOG_MS}" -c "SELECT pg_reload_conf()" >/dev/null
    fi
    echo "PostgreSQL $(pg_admin -c 'SHOW server_version') on 127.0.0.1:$PG_PORT, fsync $(pg_admin -c 'SHOW fsync')," \
        "synchronous_commit $(pg_admin -c 'SHOW synchronous_commit')"
}

chapitre_start() {
    local db=$1
    shift
    local env=(CHAPITRE_ADMIN_EMAIL=$ADMIN CHAPITRE_ADMIN_PASSWORD=$PASSWORD "$@")
    case $db in
        h2) env+=(CHAPITRE_DATA_DIR="$WORK/$db-$$-$RANDOM") ;;
        postgresql)
            [[ -n $PG_PORT ]] || postgres_start
            # A fresh database for every server, as the embedded H2 gets a fresh data dir.
            pg_admin -c "DROP DATABASE IF EXISTS chapitre WITH (FORCE)" -c "CREATE DATABASE chapitre OWNER chapitre"
            env+=(CHAPITRE_DATA_DIR="$WORK/$db-$$-$RANDOM" CHAPITRE_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/chapitre"
                  CHAPITRE_DB_USER=chapitre CHAPITRE_DB_PASSWORD=chapitre) ;;
        *) echo "unknown database: $db (h2 or postgresql)" >&2; exit 1 ;;
    esac
    PORT=$(free_port)
    BASE="http://localhost:$PORT"
    local profile=()
    [[ -z ${JFR:-} ]] || profile=(-XX:StartFlightRecording=filename="$WORK/$db.jfr",settings=profile,dumponexit=true)
    env "${env[@]}" java -Xmx${HEAP:-512m} "${profile[@]}" -jar "$JAR" --port "$PORT" --nocluster > "$WORK/server-$db.log" 2>&1 &
    SERVER=$!
    SERVERS+=("$SERVER")
    for _ in $(seq 1 180); do
        curl -fs "$BASE/health/ready" >/dev/null 2>&1 && return 0
        kill -0 "$SERVER" 2>/dev/null || break
        sleep 1
    done
    echo "the server on $db did not get ready; its log:" >&2
    tail -n 30 "$WORK/server-$db.log" >&2
    exit 1
}

chapitre_stop() {
    [[ -n $SERVER ]] || return 0
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    local kept=() pid
    for pid in "${SERVERS[@]}"; do
        [[ $pid == "$SERVER" ]] || kept+=("$pid") # the exit trap must not kill a pid reused since
    done
    SERVERS=("${kept[@]}")
    SERVER=
}

# Prints "LABEL: H2 …, PostgreSQL …, PostgreSQL/H2 = …" for a figure (a number, in UNIT) that each
# database's run wrote to $WORK/<db>.NAME.
print_ratio() {
    local name=$1 label=$2 unit=$3
    [[ -f $WORK/h2.$name && -f $WORK/postgresql.$name ]] || return 0
    python3 - "$(cat "$WORK/h2.$name")" "$(cat "$WORK/postgresql.$name")" "$label" "$unit" <<'PY'
import sys
h2, pg, label, unit = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
print(f"{label}: H2 {h2:.4g} {unit}, PostgreSQL {pg:.4g} {unit}, PostgreSQL/H2 = {pg / h2:.2f}")
PY
}
