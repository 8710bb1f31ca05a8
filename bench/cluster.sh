#!/usr/bin/env bash
# Benchmark: what a second instance changes, behind the same nginx (deploy/'s site, its upstream
# listing the instances). Starts a PostgreSQL of its own (bench/databases.sh) and the jar as a
# cluster over loopback (Payara Micro's data grid: -Dpayaramicro.noCluster=false --clustername …
# --clustermode tcpip:… --interfaces 127.0.0.1) on one database and one media folder, first with 1
# instance, then with 2, and measures, side by side:
#   - ratings/s: RATINGS (default 1000) rating forms from CLIENTS (default 32) concurrent listeners
#     through nginx (GET the page, POST the form), after WARMUP (default 400) untimed ones (each JVM
#     compiles its hot paths first: with two instances each sees half the requests, and a cold one
#     measured the JIT, not the cluster); totals of all checked exactly on every instance;
#   - upload → tagged: UPLOADS (default 4) MP3s of 30 MB one after the other through nginx, from the
#     start of the POST until the episode says its file is tagged;
#   - with 2 instances, propagation: CHANGES (default 100) chapter edits on instance A; after each
#     200, the chapters document is polled on the other instance until it shows the edit: median and
#     max of that delay (target < 1 s). Each document is read there before the edit (cached), so the
#     measure is the announcement's way and the rebuild, not a first build.
# Usage: [RATINGS=1000] [WARMUP=400] [CLIENTS=32] [UPLOADS=4] [CHANGES=100] [JAR=target/chapitre.jar] [JFR=1 KEEP=1] bench/cluster.sh
# JFR=1 records each instance with Java Flight Recorder (server-N-I.jfr in the kept work folder).
# Needs: the jar, curl, python3, openssl, Debian's nginx and postgresql.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/databases.sh
bench_init cluster
postgres_start

TLS_PORT=$(free_port)
mkdir -p "$WORK/nginx/logs"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -addext subjectAltName=DNS:localhost \
    -keyout "$WORK/nginx/privkey.pem" -out "$WORK/nginx/fullchain.pem" 2>/dev/null
NGINX_PID=
stop_nginx() { [[ -z $NGINX_PID ]] || { kill "$NGINX_PID" 2>/dev/null || true; NGINX_PID=; }; }
EXTRA_CLEANUP=stop_nginx

# N instances on a fresh database and media folder; HTTP_PORTS holds their ports.
cluster_start() {
    local n=$1 grid=() i
    HTTP_PORTS=()
    pg_admin -c "DROP DATABASE IF EXISTS chapitre WITH (FORCE)" -c "CREATE DATABASE chapitre OWNER chapitre"
    DATA="$WORK/data-$n"
    for i in $(seq 1 "$n"); do grid+=("$(free_port)"); HTTP_PORTS+=("$(free_port)"); done
    local members
    members=$(printf '127.0.0.1:%s,' "${grid[@]}")
    for i in $(seq 0 $((n - 1))); do
        env CHAPITRE_ADMIN_EMAIL=$ADMIN CHAPITRE_ADMIN_PASSWORD=$PASSWORD CHAPITRE_DATA_DIR="$DATA" \
            CHAPITRE_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/chapitre" CHAPITRE_DB_USER=chapitre CHAPITRE_DB_PASSWORD=chapitre \
            CHAPITRE_TRUSTED_PROXIES=127.0.0.1 CHAPITRE_RATING_LIMIT_PER_MINUTE=1000000 \
            java -Xmx${HEAP:-512m} ${JFR:+-XX:StartFlightRecording=filename=$WORK/server-$n-$i.jfr,settings=profile} \
            -Dpayaramicro.noCluster=false -jar "$JAR" --port "${HTTP_PORTS[$i]}" \
            --clustername "bench-$$-$n" --clustermode "tcpip:${members%,}" --interfaces 127.0.0.1 --startport "${grid[$i]}" \
            > "$WORK/server-$n-$i.log" 2>&1 &
        SERVERS+=("$!")
    done
    for i in $(seq 0 $((n - 1))); do
        for _ in $(seq 1 240); do
            curl -fs "http://localhost:${HTTP_PORTS[$i]}/health/ready" >/dev/null 2>&1 && break
            sleep 1
        done
        curl -fs "http://localhost:${HTTP_PORTS[$i]}/health/ready" >/dev/null || { tail -30 "$WORK/server-$n-$i.log" >&2; exit 1; }
    done
    # deploy/'s site, its upstream's one server line repeated for each instance
    local servers
    servers=$(for port in "${HTTP_PORTS[@]}"; do printf '    server 127.0.0.1:%s max_fails=2 fail_timeout=10s;\\n' "$port"; done)
    sed -e "s|/etc/letsencrypt/live/podcasts.example.org/|$WORK/nginx/|" \
        -e "s|listen 443 ssl http2;|listen 127.0.0.1:$TLS_PORT ssl http2;|" -e "s|listen \[::\]:443 ssl http2;||" \
        -e "s|listen 80;|listen 127.0.0.1:$(free_port);|" -e "s|listen \[::\]:80;||" \
        -e "s|^    server 127.0.0.1:8080 .*$|$servers|" -e "s|podcasts.example.org|localhost|" \
        -e "s|/var/cache/nginx/chapitre|$WORK/nginx/cache|" -e "s|/var/log/nginx/|$WORK/nginx/logs/|" \
        -e "s|/var/lib/chapitre/published|$DATA/published|" -e "s|/var/lib/chapitre/media/|$DATA/media/|" \
        deploy/nginx/chapitre.conf > "$WORK/nginx/site.conf"
    cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
    include $WORK/nginx/site.conf;
}
CONF
    nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
    NGINX_PID=$(cat "$WORK/nginx/nginx.pid")
    sleep 0.5
}

cluster_stop() {
    stop_nginx
    local pid
    for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    SERVERS=()
}

measure() {
    local n=$1
    python3 - "$n" "https://localhost:$TLS_PORT" "$ADMIN" "$PASSWORD" "${RATINGS:-1000}" "${CLIENTS:-32}" "${UPLOADS:-4}" \
        "$WORK/result-$n" "${WARMUP:-400}" "${HTTP_PORTS[@]}" <<'PY'
import base64, concurrent.futures, http.cookiejar, json, random, re, ssl, statistics, sys, time, urllib.parse, urllib.request
n, base, user, password, total, clients, uploads, result = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]), sys.argv[8]
warm = int(sys.argv[9])
instances = [f"http://localhost:{p}" for p in sys.argv[10:]]
tls = ssl.create_default_context(); tls.check_hostname = False; tls.verify_mode = ssl.CERT_NONE
auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

def call(method, url, body=None, headers=None):
    request = urllib.request.Request(url, data=body, method=method, headers={"Authorization": auth, **(headers or {})})
    with urllib.request.urlopen(request, context=tls) as answer:
        return answer.read()

def upload(title, mp3):
    boundary = "benchboundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"episode\"\r\nContent-Type: application/json\r\n\r\n"
            + json.dumps({"title": title, "publishedAt": "2020-01-01T00:00:00Z"}) + f"\r\n--{boundary}\r\n"
            + "Content-Disposition: form-data; name=\"audio\"; filename=\"a.mp3\"\r\nContent-Type: audio/mpeg\r\n\r\n").encode() \
           + mp3 + f"\r\n--{boundary}--\r\n".encode()
    return json.loads(call("POST", base + "/api/podcasts/noter/episodes", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}))

call("POST", base + "/api/podcasts", json.dumps({"title": "Noter", "language": "fr"}).encode(), {"Content-Type": "application/json"})
small = open("src/test/resources/audio/tone-cbr-128k.mp3", "rb").read()
first = upload("Un", small)

# Listeners rate the show through nginx, each with its own address (X-Forwarded-For from the trusted proxy chain).
page = base + "/podcasts/noter"
random.seed(7)
stars = [random.randint(1, 5) for _ in range(total + warm)]
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
def rate(i):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect, urllib.request.HTTPSHandler(context=tls))
    headers = {"X-Forwarded-For": f"10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}", "User-Agent": f"bench-listener-{i}"}
    html = opener.open(urllib.request.Request(page, headers=headers)).read().decode()
    token = re.search(r'name="csrf" value="([A-Za-z0-9_-]+)"', html).group(1)
    form = urllib.parse.urlencode({"csrf": token, "stars": stars[i]}).encode()
    try:
        opener.open(urllib.request.Request(page + "/ratings", data=form, headers=headers))
    except urllib.error.HTTPError as answer:
        if answer.code != 303:
            raise SystemExit(f"rating {i}: HTTP {answer.code}")
with concurrent.futures.ThreadPoolExecutor(clients) as pool:
    list(pool.map(rate, range(total, total + warm)))  # untimed: the JVMs compile their hot paths
start = time.monotonic()
with concurrent.futures.ThreadPoolExecutor(clients) as pool:
    list(pool.map(rate, range(total)))
rate_s = total / (time.monotonic() - start)
for instance in instances:
    summary = json.loads(call("GET", instance + "/api/podcasts/noter/ratings"))
    if summary["count"] != len(stars) or abs(summary["average"] - sum(stars) / len(stars)) > 1e-9:
        raise SystemExit(f"{instance}: {summary['count']} ratings, average {summary['average']} (expected {len(stars)}, {sum(stars) / len(stars)})")

# Upload → tagged: a 30 MB MP3 through nginx, until the episode says its file carries its tag.
src = small; size = 10 + ((src[6] & 0x7f) << 21 | (src[7] & 0x7f) << 14 | (src[8] & 0x7f) << 7 | (src[9] & 0x7f))
big = bytearray(src[:size])
while len(big) < 30_000_000:
    big += src[size:]
times = []
for u in range(uploads):
    start = time.monotonic()
    slug = upload(f"Long {u}", bytes(big))["slug"]
    while not json.loads(call("GET", base + "/api/podcasts/noter/episodes/" + slug))["audio"]["tagged"]:
        time.sleep(0.02)
    times.append(time.monotonic() - start)
print(f"{n} instance(s) behind nginx: {rate_s:.0f} ratings/s ({total} from {clients} listeners, totals exact on every instance); "
      f"upload of 30 MB -> tagged: median {statistics.median(times):.2f} s, max {max(times):.2f} s")
open(result, "w").write(f"{rate_s} {statistics.median(times)}\n")
PY
}

propagation() {
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
document = "/chapters/noter/un.json"
delays = []
for i in range(changes):
    marker = f"Chapitre {i}"
    for base in others:
        urllib.request.urlopen(base + document).read()  # cached there before the change
    call("PUT", a + "/api/podcasts/noter/episodes/un/chapters", f"00:00:00 {marker}\n".encode(), {"Content-Type": "text/plain; charset=utf-8"})
    answered = time.monotonic()
    for base in others:
        while marker not in urllib.request.urlopen(base + document).read().decode():
            if time.monotonic() - answered > 30:
                raise SystemExit(f"change {i} never reached {base}")
            time.sleep(0.002)
    delays.append(time.monotonic() - answered)
delays.sort()
print(f"propagation of {changes} chapter edits from one instance to the other: "
      f"median {statistics.median(delays) * 1000:.0f} ms, max {delays[-1] * 1000:.0f} ms (target < 1000 ms)")
PY
}

for n in 1 2; do
    cluster_start "$n"
    measure "$n"
    [[ $n == 1 ]] || propagation
    cluster_stop
done
python3 - "$WORK/result-1" "$WORK/result-2" <<'PY'
import sys
one, two = (list(map(float, open(f).read().split())) for f in sys.argv[1:])
print(f"2 instances / 1: ratings/s x{two[0] / one[0]:.2f}, upload -> tagged x{two[1] / one[1]:.2f} (time; below 1 is faster)")
PY
