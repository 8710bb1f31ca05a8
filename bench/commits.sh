#!/usr/bin/env bash
# Benchmark: acknowledged commits per second on the embedded H2, for each jar given, side by side
# in one run: chapter changes (CLIENTS concurrent producers, each PUTting new chapters to its own
# episode for SECONDS; every 200 is a commit) and ratings (bench/ratings.sh: each rating a page
# view plus a form POST). Compare a jar from before the durability change with today's:
#   git worktree add /tmp/before 711d1d8 && (cd /tmp/before && mvn -q package -DskipTests)
#   bench/commits.sh /tmp/before/target/chapitre.jar target/chapitre.jar
# Needs: the jars, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 1 ]] || { echo "Usage: bench/commits.sh JAR [JAR…]" >&2; exit 1; }
PORT=18102
ADMIN=bench@chapitre.test
PASSWORD=bench-password-1

chapters() {
    local jar=$1 work
    work=$(mktemp -d /tmp/chapitre-bench-commits.XXXXXX)
    CHAPITRE_DATA_DIR="$work/data" CHAPITRE_ADMIN_EMAIL=$ADMIN CHAPITRE_ADMIN_PASSWORD=$PASSWORD \
        java -Xmx512m -jar "$jar" --port $PORT --nocluster > "$work/server.log" 2>&1 &
    local server=$!
    for _ in $(seq 1 120); do curl -fs "http://localhost:$PORT/health/ready" >/dev/null 2>&1 && break; sleep 1; done
    python3 - "http://localhost:$PORT" "$ADMIN" "$PASSWORD" "${CLIENTS:-8}" "${SECONDS_EACH:-20}" <<'PY' || true
import base64, concurrent.futures, json, sys, time, urllib.request
base, user, password, clients, seconds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
auth = {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}
def call(method, path, body=None, ctype="application/json"):
    request = urllib.request.Request(base + path, data=body, method=method, headers=dict(auth, **({"Content-Type": ctype} if body else {})))
    with urllib.request.urlopen(request) as answer:
        return answer.status, answer.read()
# A token: Basic would spend ~80 ms of PBKDF2 per request and hide what a commit costs.
_, issued = call("POST", "/api/tokens", json.dumps({"label": "bench"}).encode())
auth = {"Authorization": "Bearer " + json.loads(issued)["token"]}
call("POST", "/api/podcasts", json.dumps({"title": "Débit", "slug": "debit", "language": "fr"}).encode())
mp3 = open("src/test/resources/audio/tone-cbr-128k.mp3", "rb").read()
for i in range(clients):
    boundary = "b0undary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"episode\"\r\nContent-Type: application/json\r\n\r\n"
            + json.dumps({"title": f"E{i}", "slug": f"e{i}"}) + f"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"audio\"; "
            "filename=\"a.mp3\"\r\nContent-Type: audio/mpeg\r\n\r\n").encode() + mp3 + f"\r\n--{boundary}--\r\n".encode()
    call("POST", "/api/podcasts/debit/episodes", body, f"multipart/form-data; boundary={boundary}")
def producer(i):
    done, n, end = 0, 0, time.monotonic() + seconds
    while time.monotonic() < end:
        n += 1
        chapters = {"version": "1.2.0", "chapters": [{"startTime": 0, "title": f"Version {n}"}, {"startTime": 1.5, "title": "Suite"}]}
        status, _ = call("PUT", f"/api/podcasts/debit/episodes/e{i}/chapters", json.dumps(chapters).encode())
        done += status == 200
    return done
start = time.monotonic()
with concurrent.futures.ThreadPoolExecutor(clients) as pool:
    total = sum(pool.map(producer, range(clients)))
print(f"  chapter changes: {total} in {time.monotonic() - start:.1f} s from {clients} producers: {total / (time.monotonic() - start):.0f}/s")
PY
    kill $server; wait $server 2>/dev/null || true
    rm -rf "$work"
}

for jar in "$@"; do
    echo "== $jar"
    chapters "$jar"
    JAR=$jar bench/ratings.sh | sed 's/^/  /'
done
