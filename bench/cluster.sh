#!/usr/bin/env bash
# Benchmark: what a second instance changes. Starts a PostgreSQL of its own (bench/databases.sh)
# and the jar as a cluster of CLUSTER instances (default 2) over loopback (Payara Micro's data grid:
# -Dpayaramicro.noCluster=false --clustername … --clustermode tcpip:… --interfaces 127.0.0.1), on
# one database and one media folder, and measures:
#   - propagation: CHANGES (default 100) chapter edits on instance A; after each 200 answer, polls
#     the chapters document on every other instance until it shows the edit: median and max of that
#     delay (target < 1 s). Each document is read once before the edit, so it is cached everywhere:
#     the measure is the announcement's path, not a first build.
# Usage: [CLUSTER=2] [CHANGES=100] [JAR=target/chapitre.jar] bench/cluster.sh
# Needs: the jar, curl, python3, Debian's postgresql.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/databases.sh
bench_init cluster
postgres_start
pg_admin -c "DROP DATABASE IF EXISTS chapitre WITH (FORCE)" -c "CREATE DATABASE chapitre OWNER chapitre"

CLUSTER=${CLUSTER:-2}
MEDIA="$WORK/shared-data"
GRID_PORTS=()
HTTP_PORTS=()
for i in $(seq 1 "$CLUSTER"); do
    GRID_PORTS+=("$(free_port)")
    HTTP_PORTS+=("$(free_port)")
done
members=$(printf '127.0.0.1:%s,' "${GRID_PORTS[@]}")
members=${members%,}

cluster_start() {
    local i=$1
    env CHAPITRE_ADMIN_EMAIL=$ADMIN CHAPITRE_ADMIN_PASSWORD=$PASSWORD CHAPITRE_DATA_DIR="$MEDIA" \
        CHAPITRE_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/chapitre" CHAPITRE_DB_USER=chapitre CHAPITRE_DB_PASSWORD=chapitre \
        java -Xmx${HEAP:-512m} -Dpayaramicro.noCluster=false -jar "$JAR" --port "${HTTP_PORTS[$i]}" \
        --clustername "bench-$$" --clustermode "tcpip:$members" --interfaces 127.0.0.1 --startport "${GRID_PORTS[$i]}" \
        > "$WORK/server-$i.log" 2>&1 &
    SERVERS+=("$!")
}

for i in $(seq 0 $((CLUSTER - 1))); do
    cluster_start "$i"
done
for i in $(seq 0 $((CLUSTER - 1))); do
    for _ in $(seq 1 240); do
        curl -fs "http://localhost:${HTTP_PORTS[$i]}/health/ready" >/dev/null 2>&1 && break
        sleep 1
    done
    curl -fs "http://localhost:${HTTP_PORTS[$i]}/health/ready" >/dev/null || { tail -30 "$WORK/server-$i.log" >&2; exit 1; }
done
echo "$CLUSTER instances ready on ports ${HTTP_PORTS[*]}: $(curl -fs -u "$ADMIN:$PASSWORD" "http://localhost:${HTTP_PORTS[0]}/api/admin/health" \
    | python3 -c 'import json,sys; print([c["data"] for c in json.load(sys.stdin)["checks"] if c["name"] == "cluster"][0])')"

python3 - "$ADMIN" "$PASSWORD" "${CHANGES:-100}" "${HTTP_PORTS[@]}" <<'PY'
import base64, json, statistics, sys, time, urllib.request
user, password, changes, ports = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
a = f"http://localhost:{ports[0]}"
others = [f"http://localhost:{p}" for p in ports[1:]]

def call(method, url, body=None, headers=None):
    request = urllib.request.Request(url, data=body, method=method, headers={"Authorization": auth, **(headers or {})})
    with urllib.request.urlopen(request) as answer:
        return answer.read()

call("POST", a + "/api/podcasts", json.dumps({"title": "Propagation", "language": "fr"}).encode(), {"Content-Type": "application/json"})
mp3 = open("src/test/resources/audio/tone-cbr-128k.mp3", "rb").read()
boundary = "benchboundary"
body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"episode\"\r\nContent-Type: application/json\r\n\r\n"
        + json.dumps({"title": "Un", "publishedAt": "2020-01-01T00:00:00Z"}) + f"\r\n--{boundary}\r\n"
        + "Content-Disposition: form-data; name=\"audio\"; filename=\"a.mp3\"\r\nContent-Type: audio/mpeg\r\n\r\n").encode() \
       + mp3 + f"\r\n--{boundary}--\r\n".encode()
call("POST", a + "/api/podcasts/propagation/episodes", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
document = "/chapters/propagation/un.json"

delays = []
for i in range(changes):
    marker = f"Chapitre {i}"
    for base in others:
        urllib.request.urlopen(base + document).read()  # cached there before the change
    call("PUT", a + "/api/podcasts/propagation/episodes/un/chapters",
         f"00:00:00 {marker}\n".encode(), {"Content-Type": "text/plain; charset=utf-8"})
    answered = time.monotonic()
    for base in others:
        while marker not in urllib.request.urlopen(base + document).read().decode():
            if time.monotonic() - answered > 30:
                raise SystemExit(f"change {i} never reached {base}")
            time.sleep(0.002)
    delays.append(time.monotonic() - answered)
delays.sort()
print(f"propagation of {changes} chapter edits from A to {len(others)} other instance(s): "
      f"median {statistics.median(delays) * 1000:.0f} ms, max {delays[-1] * 1000:.0f} ms (target < 1000 ms)")
PY
