#!/usr/bin/env bash
# Benchmark: serving a show's feed, side by side with nginx serving the same bytes as a static,
# pre-gzipped file (gzip_static). The show has 500 published episodes, each with ~1 KB of show
# notes and 10 chapters. On each database (bench/databases.sh: the embedded H2 and PostgreSQL in
# the same run), with the show made afresh through the API:
#   1. cold build of that feed: the first one after start, then a median of 20 builds (a new
#      Host header is a new cache key, so each of those requests builds the feed afresh); both
#      servers stay up and take turns for those 20, so that both see the same load
# and once, on the server of NGINX_DB (default h2; "none" skips it; the feed is then served from
# the platform's cache, so the database hardly matters):
#   2. wrk -t2 -c32 -d10s on GET /feeds/bench.xml with Accept-Encoding: gzip (full responses)
#   3. the same with If-None-Match: the current ETag (the 304 path, what polling apps mostly get)
#   4. the same two through nginx configured as in deploy/ (feeds cached 2 s, then revalidated)
# Usage: [EPISODES=500] [DATABASES="h2 postgresql"] [NGINX_DB=h2] [JAR=target/chapitre.jar] bench/feed.sh
# Needs: the jar, wrk, nginx (Debian), curl, python3, Debian's postgresql.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/databases.sh
bench_init feed
EPISODES=${EPISODES:-500}
NGINX_PORT=$(free_port)
PROXY_PORT=$(free_port)
stop_nginx() {
    [[ -f $WORK/nginx.pid ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
}
EXTRA_CLEANUP=stop_nginx

# The show and its episodes, through the API as a producer would make them.
seed() {
    python3 - "$BASE" "$ADMIN" "$PASSWORD" "$EPISODES" <<'PY'
import base64, concurrent.futures, datetime, json, sys, time, urllib.request, uuid
base, user, password, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
began = time.monotonic()
auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
mp3 = open("src/test/resources/audio/tone-cbr-128k.mp3", "rb").read()

def call(method, path, body=None, content_type="application/json"):
    request = urllib.request.Request(base + path, data=body, method=method,
                                     headers={"Authorization": auth, "Content-Type": content_type})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"null")

call("POST", "/api/podcasts", json.dumps({
    "title": "Épique – le banc d'essai", "slug": "bench", "language": "fr", "author": "Chapitre",
    "description": "Un podcast d'histoire politique française, racontée par ceux qui l'ont vécue.",
    "category": "History", "ownerName": "Bench", "ownerEmail": "bench@chapitre.test",
    "persons": [{"name": "Élodie", "role": "host"}, {"name": "Jean", "role": "guest"}]}).encode())

paragraph = ("<p>Dans cet épisode, nous revenons sur les débuts à Matignon, l'été 2017 : les premières "
             "réformes, les coulisses des arbitrages et les souvenirs de celles et ceux qui y étaient. "
             "Avec <a href=\"https://fr.wikipedia.org/wiki/Matignon\">des liens</a> & des références.</p>")
notes = paragraph * 3  # ~1 KB
start = datetime.datetime(2025, 1, 1, 6, tzinfo=datetime.timezone.utc)

def upload(n):
    chapters = [{"startTime": i * 0.5, "title": f"{i + 1}. Chapitre « {i + 1} » – les débuts",
                 **({"url": f"https://example.org/ch/{n}/{i}"} if i % 3 == 0 else {})} for i in range(10)]
    episode = {"title": f"{n}. Épisode numéro {n} – récit", "description": notes, "number": n, "season": 1 + n // 100,
               "publishedAt": (start + datetime.timedelta(days=n)).isoformat(), "chapters": chapters}
    boundary = "----bench" + uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"episode\"\r\nContent-Type: application/json\r\n\r\n"
            + json.dumps(episode) + f"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"audio\"; "
            f"filename=\"e{n}.mp3\"\r\nContent-Type: audio/mpeg\r\n\r\n").encode() + mp3 + f"\r\n--{boundary}--\r\n".encode()
    call("POST", "/api/podcasts/bench/episodes", body, "multipart/form-data; boundary=" + boundary)

with concurrent.futures.ThreadPoolExecutor(4) as pool:
    list(pool.map(upload, range(1, count + 1)))
for _ in range(600):  # every MP3 re-tagged, so the feed is final
    episodes = call("GET", "/api/podcasts/bench/episodes")
    if len(episodes) == count and all(e["audio"]["tagged"] for e in episodes):
        break
    time.sleep(0.5)
else:
    sys.exit("the episodes were not all tagged")
print(f"  {count} episodes made through the API and tagged in {time.monotonic() - began:.0f} s")
PY
}

# Cold builds: the very first on each server (JVM not warmed up), then 20 under fresh cache keys,
# the databases taking turns so that both see the same load on a shared machine; in ms.
first_build() {
    curl -fs -o /dev/null -w '%{time_starttransfer}' "$BASE/feeds/bench.xml" > "$WORK/$1.first"
}

cold_builds() {
    local db i
    for i in $(seq 1 20); do
        for db in $DATABASES; do
            curl -fs -o /dev/null -H "Host: cold$i.bench" -H 'Accept-Encoding: gzip' -w '%{time_starttransfer}\n' \
                "${BASES[$db]}/feeds/bench.xml" >> "$WORK/$db.cold"
        done
    done
    for db in $DATABASES; do
        python3 - "$WORK/$db" "$db" <<'PY'
import statistics, sys
prefix, db = sys.argv[1], sys.argv[2]
first = float(open(f"{prefix}.first").read()) * 1000
cold = [float(x) * 1000 for x in open(f"{prefix}.cold").read().split()]
open(f"{prefix}.first", "w").write(f"{first}\n")
open(f"{prefix}.median", "w").write(f"{statistics.median(cold)}\n")
print(f"{db}: cold build (time to first byte): first after start {first:.0f} ms; "
      f"then median {statistics.median(cold):.0f} ms, max {max(cold):.0f} ms over {len(cold)} builds")
PY
    done
}

compare_with_nginx() {
    URL="$BASE/feeds/bench.xml"
    # nginx serves the very bytes the platform serves, pre-gzipped (gzip_static), with the same ETag.
    mkdir -p "$WORK/www/feeds" "$WORK/nginx"
    curl -fs -o "$WORK/www/feeds/bench.xml" "$URL"
    curl -fs -H 'Accept-Encoding: gzip' -o "$WORK/www/feeds/bench.xml.gz" "$URL"
    ETAG=$(curl -fsI -H 'Accept-Encoding: gzip' "$URL" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
    chmod -R a+rX "$WORK/www"
    cat > "$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    types { application/rss+xml xml; }
    client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
        gzip_static on;
        gzip_vary on;
        add_header Cache-Control "public, max-age=60";
    }
    # The production setup: the feed cache of deploy/nginx/chapitre.conf in front of the platform.
    proxy_cache_path $WORK/nginx/cache levels=1:2 keys_zone=chapitre_documents:10m max_size=512m inactive=10m;
    map \$http_accept_encoding \$chapitre_gzip { default ""; "~*gzip" "gzip"; }
    upstream chapitre { server 127.0.0.1:$PORT; keepalive 32; }
    server {
        listen 127.0.0.1:$PROXY_PORT;
        location / {
            proxy_pass http://chapitre;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header Accept-Encoding \$chapitre_gzip;
            proxy_cache chapitre_documents;
            proxy_cache_key \$scheme\$http_host\$uri\$chapitre_gzip;
            proxy_ignore_headers Cache-Control Expires Vary;
            proxy_cache_valid 200 2s;
            proxy_cache_revalidate on;
            proxy_cache_lock on;
            proxy_cache_use_stale updating error timeout;
        }
    }
}
CONF
    nginx -p "$WORK" -c "$WORK/nginx.conf"
    NGINX_URL="http://127.0.0.1:$NGINX_PORT/feeds/bench.xml"
    NGINX_ETAG=$(curl -fsI -H 'Accept-Encoding: gzip' "$NGINX_URL" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
    PROXY_URL="http://127.0.0.1:$PROXY_PORT/feeds/bench.xml"
    PROXY_ETAG=$(curl -fsI -H 'Accept-Encoding: gzip' "$PROXY_URL" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')

    PLAIN=$(stat -c %s "$WORK/www/feeds/bench.xml")
    GZIPPED=$(stat -c %s "$WORK/www/feeds/bench.xml.gz")
    for pair in "$URL|$ETAG" "$NGINX_URL|$NGINX_ETAG" "$PROXY_URL|$PROXY_ETAG"; do
        u=${pair%%|*}; e=${pair#*|}
        full=$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{http_code} %{size_download}' "$u")
        # the same feed, gzipped (behind the proxy its URLs name the proxy's address)
        [[ ${full%% *} == 200 && $(( ${full#* } * 100 / GZIPPED )) -ge 95 ]] || { echo "unexpected answer from $u: $full (expected 200 ~$GZIPPED)" >&2; exit 1; }
        cond=$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -H "If-None-Match: $e" -w '%{http_code}' "$u")
        [[ $cond == 304 ]] || { echo "If-None-Match $e on $u: $cond" >&2; exit 1; }
    done
    echo "feed: $EPISODES episodes, $PLAIN bytes, $GZIPPED gzipped; wrk -t2 -c32 -d10s, Accept-Encoding: gzip"

    for target in "chapitre|$URL|$ETAG" "nginx|$NGINX_URL|$NGINX_ETAG" "proxied|$PROXY_URL|$PROXY_ETAG"; do
        IFS='|' read -r who u e <<< "$target"
        # Warm-up, not measured: a server runs for days, so the JIT-compiled path is the one to compare.
        wrk -t2 -c32 -d10s -H 'Accept-Encoding: gzip' "$u" > /dev/null
        wrk -t2 -c32 -d5s -H 'Accept-Encoding: gzip' -H "If-None-Match: $e" "$u" > /dev/null
        wrk -t2 -c32 -d10s -H 'Accept-Encoding: gzip' "$u" > "$WORK/wrk-full-$who.txt"
        wrk -t2 -c32 -d10s -H 'Accept-Encoding: gzip' -H "If-None-Match: $e" "$u" > "$WORK/wrk-304-$who.txt"
    done
    python3 - "$WORK" <<'PY'
import re, sys
w = sys.argv[1]
def rps(name):
    text = open(f"{w}/wrk-{name}.txt").read()
    for line in text.splitlines():
        if "Non-2xx" in line or "Socket errors" in line:
            print(f"  {name}: {line.strip()}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
for kind, label in (("full", "200, gzipped feed"), ("304", "304, If-None-Match")):
    ours, theirs, proxied = rps(f"{kind}-chapitre"), rps(f"{kind}-nginx"), rps(f"{kind}-proxied")
    print(f"{label}: chapitre {ours:.0f} req/s, nginx {theirs:.0f} req/s, ratio {ours / theirs:.2f}; "
          f"chapitre behind nginx's 2 s feed cache {proxied:.0f} req/s, ratio {proxied / theirs:.2f}")
PY
}

# Both servers stay up, so that their cold builds can take turns.
declare -A BASES PORTS
for db in $DATABASES; do
    echo "== $db"
    chapitre_start "$db"
    BASES[$db]=$BASE
    PORTS[$db]=$PORT
    seed
    first_build "$db"
done
cold_builds
if [[ -n ${BASES[${NGINX_DB:-h2}]:-} ]]; then
    BASE=${BASES[${NGINX_DB:-h2}]} PORT=${PORTS[${NGINX_DB:-h2}]}
    echo "== nginx beside the server on ${NGINX_DB:-h2}"
    compare_with_nginx
fi
print_ratio first "cold build of the $EPISODES-episode feed, first after start" ms
print_ratio median "cold build of the $EPISODES-episode feed, median of 20" ms
