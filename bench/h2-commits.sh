#!/usr/bin/env bash
# Benchmark: the embedded H2's commits/s and what kill -9 loses, for its default settings,
# WRITE_DELAY=0 alone, and the platform's setting (WRITE_DELAY=0 + the file opened O_DSYNC), each
# with THREADS writers of one-row transactions: SECONDS of writing for the rate, then KILLS runs
# killed with SIGKILL after 2–5 s, counting acknowledged rows that the reopened database lacks.
# Usage: [THREADS=8] [SECONDS=10] [KILLS=5] bench/h2-commits.sh   Needs: target/classes (mvn -q package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
H2=$(find ~/.m2/repository/com/h2database/h2/2.2.224 -name 'h2-2.2.224.jar' | head -1)
PG=$(find ~/.m2/repository/org/postgresql/postgresql/42.7.14 -name 'postgresql-42.7.14.jar' | head -1)
[[ -d target/classes && -n $H2 && -n $PG ]] || { echo "Build first: mvn -q package -DskipTests" >&2; exit 1; }
WORK=$(mktemp -d /tmp/chapitre-bench-h2.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
javac -d "$WORK/classes" -cp "$H2:$PG:target/classes" bench/H2CommitBench.java
CP="$WORK/classes:$H2:$PG:target/classes"
THREADS=${THREADS:-8}

declare -A URLS=([default]="file:" [write-delay-0]="file:" [platform]="synced:file:")
declare -A OPTIONS=([default]="" [write-delay-0]=";WRITE_DELAY=0" [platform]=";WRITE_DELAY=0")
for name in default write-delay-0 platform; do
    url="jdbc:h2:${URLS[$name]}$WORK/$name/rate/db;MODE=LEGACY${OPTIONS[$name]}"
    rate=$(java -Dseconds="${SECONDS_EACH:-10}" -cp "$CP" H2CommitBench child "$url" "$THREADS" 2>&1 >/dev/null | grep 'commits/s')
    echo "$name: $rate"
    for run in $(seq 1 "${KILLS:-5}"); do
        url="jdbc:h2:${URLS[$name]}$WORK/$name/kill$run/db;MODE=LEGACY${OPTIONS[$name]}"
        java -Dseconds=600 -cp "$CP" H2CommitBench child "$url" "$THREADS" > "$WORK/acked" 2>/dev/null &
        child=$!
        sleep $((2 + run % 4))
        kill -9 $child; wait $child 2>/dev/null || true
        java -cp "$CP" H2CommitBench "  kill $run" "$url" "$WORK/acked"
    done
done
