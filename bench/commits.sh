#!/usr/bin/env bash
# Benchmark: acknowledged commits per second, for each jar given (default target/chapitre.jar), on
# each database (bench/databases.sh: the embedded H2 and PostgreSQL in the same run), side by
# side: chapter changes (CLIENTS concurrent producers, each PUTting new chapters to its own
# episode for SECONDS_EACH; every 200 is a commit) and ratings (bench/ratings.sh: each rating a page
# view plus a form POST). Compare a jar from before the durability change with today's (a jar from
# before issue 14 knows only the embedded H2):
#   git worktree add /tmp/before 711d1d8 && (cd /tmp/before && mvn -q package -DskipTests)
#   DATABASES=h2 bench/commits.sh /tmp/before/target/chapitre.jar target/chapitre.jar
# Needs: the jars, curl, python3, Debian's postgresql.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/databases.sh
bench_init commits
(($# > 0)) || set -- "$JAR"

chapters() {
    local db=$1
    python3 - "$BASE" "$ADMIN" "$PASSWORD" "${CLIENTS:-8}" "${SECONDS_EACH:-20}" "$WORK/$db.changes" <<'PY'
import base64, concurrent.futures, json, sys, time, urllib.request
base, user, password, clients, seconds, result = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
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
elapsed = time.monotonic() - start
print(f"  chapter changes: {total} in {elapsed:.1f} s from {clients} producers: {total / elapsed:.0f}/s")
open(result, "w").write(f"{total / elapsed}\n")
PY
}

for jar in "$@"; do
    echo "== $jar"
    for db in $DATABASES; do
        echo "  -- $db"
        JAR=$jar chapitre_start "$db"
        chapters "$db"
        chapitre_stop
    done
    print_ratio changes "  chapter changes" /s
    JAR=$jar bench/ratings.sh | sed 's/^/  /'
done
