#!/usr/bin/env bash
# A throw-away PostgreSQL for the e2e profile: a cluster of its own in DIR (under target/), on
# 127.0.0.1:PORT, with the role and database `chapitre` (password `chapitre`) that the second IT
# server and the tests use.
#
#   postgres.sh start DIR PORT   stop a cluster left in DIR by a killed run, initdb, start, create
#   postgres.sh stop DIR         fast shutdown (no-op when nothing runs there)
#   postgres.sh pause DIR        an outage: immediate shutdown (as a crash), the data and the watchdog stay
#   postgres.sh resume DIR       the paused cluster runs again on its port, with its data
#
# Debian's server binaries (apt-get install postgresql) are found under /usr/lib/postgresql/*/bin;
# PG_BIN names another directory. initdb and postgres refuse to run as root, so as root (CI) they
# run as the `postgres` user. A PostgreSQL that cannot be started fails the build; it never skips.
#
# `start` also leaves a watchdog behind that stops the cluster when the process that called it (the
# Maven JVM) is gone, so a build that fails before post-integration-test, or is interrupted or
# killed, leaves no PostgreSQL running.
set -euo pipefail

ROLE=chapitre
DATABASE=chapitre
PASSWORD=chapitre

fail() {
    echo "postgres.sh: $*" >&2
    exit 1
}

server_binaries() {
    if [[ -n "${PG_BIN:-}" ]]; then
        echo "$PG_BIN"
    elif compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
        dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)"
    elif command -v pg_ctl >/dev/null; then
        dirname "$(command -v pg_ctl)"
    else
        fail "PostgreSQL is not installed: the tests on PostgreSQL need its server programs (initdb, pg_ctl)" \
            "and psql. On Debian/Ubuntu: apt-get install postgresql (the harness starts its own cluster;" \
            "the system service is not needed). Elsewhere, set PG_BIN to the directory holding initdb."
    fi
}

# Runs a server program as the owner of the cluster: `postgres` when we are root.
as_owner() {
    if ((EUID == 0)); then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# The unix socket stays private to the cluster, but its path must fit in 107 bytes.
socket_dir() {
    local dir=$1
    if ((${#dir} + 25 <= 107)); then
        echo "$dir/sock"
    else
        echo "/tmp/chapitre-pg-$(printf %s "$dir" | md5sum | cut -c1-12)"
    fi
}

stop_cluster() {
    local dir=$1 bin
    if [[ -f "$dir/watchdog.pid" ]]; then
        kill "$(cat "$dir/watchdog.pid")" 2>/dev/null || true
        rm -f "$dir/watchdog.pid"
    fi
    [[ -f "$dir/data/postmaster.pid" ]] || return 0
    bin=$(server_binaries)
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null; then
        # Not running after all (a stale pid file), or it would not stop: make sure of it.
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
    if [[ -f "$dir/data/postmaster.pid" ]] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        fail "the PostgreSQL in $dir/data would not stop"
    fi
    echo "PostgreSQL in $dir stopped"
}

start_cluster() {
    local dir=$1 port=$2 bin sock
    [[ "$dir" == /?* ]] || fail "DIR must be an absolute path below /: $dir"
    [[ "$port" =~ ^[0-9]+$ ]] || fail "not a port: $port"
    bin=$(server_binaries)
    [[ -x "$bin/initdb" && -x "$bin/pg_ctl" ]] || fail "no initdb/pg_ctl in $bin: apt-get install postgresql"
    command -v psql >/dev/null || fail "no psql: apt-get install postgresql (it brings postgresql-client)"
    if ((EUID == 0)) && ! id postgres >/dev/null 2>&1; then
        fail "running as root needs the user postgres to own the cluster: apt-get install postgresql creates it"
    fi

    stop_cluster "$dir"
    sock=$(socket_dir "$dir")
    rm -rf "$dir" "$sock"
    mkdir -p "$dir" "$sock"
    if ((EUID == 0)); then
        chown postgres: "$dir" "$sock"
        as_owner test -x "$dir" -a -w "$dir" || fail "the user postgres cannot write to $dir: every" \
            "directory above it must be searchable by others (chmod o+x), or build in a checkout that is"
    fi

    # Superuser over the socket without a password; everyone over TCP with a password, so that the
    # application's credentials are really checked.
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 --auth-local=trust \
        --auth-host=scram-sha-256 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; fail "initdb failed"; }
    # In postgresql.conf rather than pg_ctl -o: a later `pg_ctl restart` keeps them.
    cat >>"$dir/data/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sock'
max_connections = 200
# A test database: nothing here must survive a crash of the machine.
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgresql.log" -w -t 60 start >/dev/null; then
        tail -n 20 "$dir/postgresql.log" >&2 || true
        fail "PostgreSQL did not start on 127.0.0.1:$port (log: $dir/postgresql.log)"
    fi
    setsid nohup bash "${BASH_SOURCE[0]}" watch "$dir" "${POSTGRES_WATCH_PID:-$PPID}" </dev/null >/dev/null 2>&1 &
    echo $! >"$dir/watchdog.pid"

    psql -h "$sock" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'" \
        -c "CREATE DATABASE $DATABASE OWNER $ROLE" >/dev/null
    # The way the application will come in: TCP and a password.
    local version
    version=$(PGPASSWORD=$PASSWORD psql -h 127.0.0.1 -p "$port" -U "$ROLE" -d "$DATABASE" -Atc "SHOW server_version")
    echo "PostgreSQL $version on 127.0.0.1:$port (database $DATABASE, role $ROLE), data in $dir"
}

# An outage for the tests that watch the application live through one: no clean shutdown.
pause_cluster() {
    local dir=$1
    [[ -f "$dir/data/postmaster.pid" ]] || fail "no PostgreSQL runs in $dir/data"
    # A crash of the server, not of the machine: what it acknowledged stays (synchronous_commit is off
    # here, so its last commits may still sit in its WAL buffers: they are written out first).
    local sock port
    sock=$(sed -n "s/^unix_socket_directories = '\(.*\)'$/\1/p" "$dir/data/postgresql.conf" | tail -1)
    port=$(sed -n 's/^port = \([0-9]*\)$/\1/p' "$dir/data/postgresql.conf" | tail -1)
    psql -h "$sock" -p "$port" -U postgres -d postgres -qAt -c "SELECT pg_current_wal_flush_lsn()" -c "CHECKPOINT" >/dev/null
    as_owner "$(server_binaries)/pg_ctl" -D "$dir/data" -m immediate -w -t 60 stop >/dev/null
    echo "PostgreSQL in $dir paused"
}

resume_cluster() {
    local dir=$1
    [[ -d "$dir/data" ]] || fail "no cluster in $dir (postgres.sh start makes one)"
    if ! as_owner "$(server_binaries)/pg_ctl" -D "$dir/data" -l "$dir/postgresql.log" -w -t 60 start >/dev/null; then
        tail -n 20 "$dir/postgresql.log" >&2 || true
        fail "PostgreSQL in $dir did not start again (log: $dir/postgresql.log)"
    fi
    echo "PostgreSQL in $dir resumed"
}

# Stops the cluster once the build that started it has gone, however it went.
watch_build() {
    local dir=$1 pid=$2
    while kill -0 "$pid" 2>/dev/null; do
        sleep 2
    done
    rm -f "$dir/watchdog.pid"
    stop_cluster "$dir"
}

case "${1:-}" in
    start) (($# == 3)) || fail "usage: postgres.sh start DIR PORT"; start_cluster "$2" "$3" ;;
    stop) (($# == 2)) || fail "usage: postgres.sh stop DIR"; stop_cluster "$2" ;;
    pause) (($# == 2)) || fail "usage: postgres.sh pause DIR"; pause_cluster "$2" ;;
    resume) (($# == 2)) || fail "usage: postgres.sh resume DIR"; resume_cluster "$2" ;;
    watch) watch_build "$2" "$3" ;;
    *) fail "usage: postgres.sh start DIR PORT | stop DIR | pause DIR | resume DIR" ;;
esac
