#!/usr/bin/env bash
# Benchmark: the published tree behind the deploy/ nginx site, side by side in one run with nginx
# serving a static copy of the same bytes on the same TLS settings; and the platform directly
# (no nginx) against that static nginx over plain HTTP.
#   wrk -t2 -c32 -d10s on: the gzipped feed (200), 304 by If-None-Match, 304 by If-Modified-Since,
#   a fixed 1 MB range, random 1 MB ranges (counting on: the ranges come from LISTENERS distinct
#   listeners, by User-Agent, and the downloads counted from nginx's log must be exactly as many).
# Usage: [LISTENERS=2500] [JAR=target/chapitre.jar] [JFR=1] [KEEP=1] bench/published.sh
# Needs: the jar, wrk, Debian's nginx, openssl, curl, python3, a JDK.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/databases.sh
bench_init published
LISTENERS=${LISTENERS:-2500}
DURATION=${DURATION:-10s}
UA="Overcast/3.0 (+http://overcast.fm/; iOS podcast app)"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

TLS_PORT=$(free_port)
STATIC_TLS_PORT=$(free_port)
STATIC_PORT=$(free_port)
PUBLIC="https://localhost:$TLS_PORT"
mkdir -p "$WORK/nginx/logs" "$WORK/static"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -addext subjectAltName=DNS:localhost \
    -keyout "$WORK/nginx/privkey.pem" -out "$WORK/nginx/fullchain.pem" 2>/dev/null

chapitre_start h2 CHAPITRE_BASE_URL="$PUBLIC" CHAPITRE_TRUSTED_PROXIES=127.0.0.1 \
    CHAPITRE_PUBLISHED_DIR="$WORK/published" CHAPITRE_DOWNLOAD_LOG="$WORK/nginx/logs/chapitre-downloads.log"
DATA=$(tr '\0' '\n' < /proc/$SERVER/environ | sed -n 's/^CHAPITRE_DATA_DIR=//p')

# A show with 500 episodes' worth of feed would take minutes to upload; the feed's size matters
# less here than the number of requests, so: one show, 50 episodes with chapters, one long MP3.
python3 - "$WORK/long.mp3" <<'PY'
import sys
src = open("src/test/resources/audio/tone-cbr-128k.mp3", "rb").read()
size = 10 + ((src[6] & 0x7f) << 21 | (src[7] & 0x7f) << 14 | (src[8] & 0x7f) << 7 | (src[9] & 0x7f))
out = open(sys.argv[1], "wb"); out.write(src[:size]); frames = src[size:]; written = 0
while written < 128000 // 8 * 1800:
    out.write(frames); written += len(frames)
PY
api() { curl -fsS -u "$ADMIN:$PASSWORD" "$@"; }
api -H 'Content-Type: application/json' -d '{"title":"Bench","language":"fr"}' "$BASE/api/podcasts" >/dev/null
notes=$(python3 -c 'print("Notes de l’épisode. " * 50)')
for i in $(seq 1 50); do
    audio="src/test/resources/audio/tone-cbr-128k.mp3"
    [[ $i == 1 ]] && audio="$WORK/long.mp3"
    api -F "episode={\"title\":\"Episode $i\",\"publishedAt\":\"2026-01-01T00:00:00Z\",\"description\":\"$notes\"};type=application/json" \
        -F "audio=@$audio;type=audio/mpeg" "$BASE/api/podcasts/bench/episodes" >/dev/null
    printf '00:00:00 Ouverture\n00:00:01 Suite %s\n' "$i" | api -X PUT -H 'Content-Type: text/plain' --data-binary @- \
        "$BASE/api/podcasts/bench/episodes/episode-$i/chapters" >/dev/null
done
for _ in $(seq 1 300); do
    [[ $(api "$BASE/api/podcasts/bench/episodes?size=100" | grep -o '"tagged":false' | wc -l) == 0 ]] && break
    sleep 0.5
done
for _ in $(seq 1 50); do
    cmp -s <(curl -fs -A curl/bench "$BASE/feeds/bench.xml") "$WORK/published/feeds/bench.xml" && break
    sleep 0.2
done
cp -a "$WORK/published/." "$WORK/static/"   # the same bytes and dates, as plain files
chmod -R a+rX "$WORK"

# The deploy/ site as an operator installs it (placeholders substituted), and beside it two static
# servers: one with the same TLS settings, one over plain HTTP (for the platform directly).
sed -e "s|/etc/letsencrypt/live/podcasts.example.org/|$WORK/nginx/|" \
    -e "s|listen 443 ssl http2;|listen 127.0.0.1:$TLS_PORT ssl http2;|" -e "s|listen \[::\]:443 ssl http2;||" \
    -e "s|listen 80;|listen 127.0.0.1:$(free_port);|" -e "s|listen \[::\]:80;||" \
    -e "s|127.0.0.1:8080|127.0.0.1:$PORT|" -e "s|podcasts.example.org|localhost|" \
    -e "s|/var/cache/nginx/chapitre|$WORK/nginx/cache|" -e "s|/var/log/nginx/|$WORK/nginx/logs/|" \
    -e "s|/var/lib/chapitre/published|$WORK/published|" -e "s|/var/lib/chapitre/media/|$DATA/media/|" \
    deploy/nginx/chapitre.conf > "$WORK/nginx/site.conf"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log;
events { worker_connections 1024; }
http {
    sendfile on;
    access_log off;
    client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
    include $WORK/nginx/site.conf;
    server {
        listen 127.0.0.1:$STATIC_TLS_PORT ssl http2;
        listen 127.0.0.1:$STATIC_PORT;
        ssl_certificate $WORK/nginx/fullchain.pem;
        ssl_certificate_key $WORK/nginx/privkey.pem;
        ssl_protocols TLSv1.2 TLSv1.3;
        ssl_session_cache shared:static_tls:10m;
        root $WORK/static;
        gzip_static on;
        types { application/rss+xml xml; audio/mpeg mp3; application/json json; }
    }
}
CONF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
EXTRA_CLEANUP="kill $(cat "$WORK/nginx/nginx.pid")"
sleep 0.5

FEED=/feeds/bench.xml
MP3=/media/bench/episode-1.mp3
SIZE=$(stat -c %s "$WORK/static$MP3")
for base in "$PUBLIC" "https://localhost:$STATIC_TLS_PORT"; do
    cmp -s <(curl -fsk --compressed "$base$FEED") "$WORK/static$FEED" || { echo "$base does not serve the feed's bytes" >&2; exit 1; }
    [[ $(curl -sk -o /dev/null -w '%{http_code} %{size_download}' -r 1000000-1999999 -A curl/bench "$base$MP3") == "206 1000000" ]] \
        || { echo "$base does not serve the 1 MB range" >&2; exit 1; }
done
header() { curl -sk -D - -o /dev/null -H 'Accept-Encoding: gzip' "$1" | tr -d '\r' | sed -n "s/^$2: //Ip"; }
TREE_ETAG=$(header "$PUBLIC$FEED" etag)
STATIC_ETAG=$(header "https://localhost:$STATIC_TLS_PORT$FEED" etag)
APP_ETAG=$(header "$BASE$FEED" etag)
MODIFIED=$(header "$PUBLIC$FEED" last-modified)
APP_MODIFIED=$(header "$BASE$FEED" last-modified)
echo "feed: $(stat -c %s "$WORK/static$FEED") bytes, $(stat -c %s "$WORK/static$FEED.gz") gzipped; MP3 $SIZE bytes; wrk -t2 -c32 -d$DURATION"

# Random 1 MB ranges from LISTENERS listeners: each wrk thread walks through its half of them, so
# the number of distinct listeners is known exactly from the number of requests of each thread.
cat > "$WORK/listeners.lua" <<LUA
counter = 0 -- a global: done() reads each thread's with thread:get
local per_thread = math.floor($LISTENERS / 2)
local threads = {}
setup = function(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end
request = function()
    counter = counter + 1
    local first = math.random(0, $SIZE - 1048576)
    return wrk.format("GET", nil, {["Range"] = "bytes=" .. first .. "-" .. (first + 1048575),
        ["User-Agent"] = "Overcast/3.0 (listener " .. id .. "-" .. (counter % per_thread) .. ")"})
end
done = function(summary, latency, requests)
    local listeners = 0
    for _, thread in ipairs(threads) do
        listeners = listeners + math.min(thread:get("counter"), per_thread)
    end
    io.write("listeners: " .. listeners .. "\n")
end
LUA
run() { # name url [wrk args…]
    local name=$1 url=$2
    shift 2
    wrk -t2 -c32 -d"$DURATION" "$@" "$url" > "$WORK/wrk-$name.txt"
}
cpu() { # the application's CPU time so far, in clock ticks (1/100 s)
    awk '{print $14 + $15}' "/proc/$SERVER/stat"
}
test_args() { # key etag modified → the wrk arguments of that measurement
    case $1 in
        feed) echo "$FEED|-H|Accept-Encoding: gzip" ;;
        inm) echo "$FEED|-H|Accept-Encoding: gzip|-H|If-None-Match: $2" ;;
        ims) echo "$FEED|-H|Accept-Encoding: gzip|-H|If-Modified-Since: $3" ;;
        fixed) echo "$MP3|-H|Range: bytes=1000000-1999999|-H|User-Agent: $UA" ;;
        random) echo "$MP3|-s|$WORK/listeners.lua" ;;
    esac
}
measure() { # name base key etag modified [round]
    local name=$1 base=$2 key=$3
    IFS='|' read -r -a args <<< "$(test_args "$key" "$4" "$5")"
    local before
    before=$(cpu)
    run "$name-$key${6:-}" "$base${args[0]}" "${args[@]:1}"
    echo $(( $(cpu) - before )) > "$WORK/cpu-$name-$key${6:-}.txt"
}
# Through TLS: the static copy and the deploy/ site take turns, twice per test, so that neither
# always runs first (a machine's state drifts over a run); each figure is the mean of its two runs.
for key in feed inm ims fixed random; do
    for round in 1 2; do
        measure static-tls "https://localhost:$STATIC_TLS_PORT" "$key" "$STATIC_ETAG" "$MODIFIED" "-$round"
        measure tree "$PUBLIC" "$key" "$TREE_ETAG" "$MODIFIED" "-$round"
    done
done

# Exactly one download per listener through the tree, counted from nginx's log: the fixed range's
# one app, plus every listener of the random runs (both rounds walk the same listeners).
EXPECTED=$(( 1 + $(cat "$WORK"/wrk-tree-random-*.txt | sed -n 's/^listeners: //p' | sort -n | tail -1) ))
stats() {
    api "$BASE/api/podcasts/bench/episodes/episode-1/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'
}
for _ in $(seq 1 120); do
    [[ $(stats) -ge $EXPECTED ]] && break
    sleep 1
done
sleep 3 # anything counted twice would show by now
COUNTED=$(stats)

# Directly on the JVM, against the static copy over plain HTTP (the listeners of the random run are
# the same, so they count nothing new). The JVM's paths are warmed up first (5 s each, not
# measured): a server runs for days, and the first seconds are the JIT's.
for key in feed inm ims fixed random; do
    DURATION=5s measure warmup "$BASE" "$key" "$APP_ETAG" "$APP_MODIFIED"
done
for key in feed inm ims fixed random; do
    measure static "http://localhost:$STATIC_PORT" "$key" "$STATIC_ETAG" "$MODIFIED"
    measure direct "$BASE" "$key" "$APP_ETAG" "$APP_MODIFIED"
done

python3 - "$WORK" <<'PY'
import re, sys
w = sys.argv[1]
import glob
def rps(name):
    files = sorted(glob.glob(f"{w}/wrk-{name}.txt") + glob.glob(f"{w}/wrk-{name}-[12].txt"))
    texts = [open(f).read() for f in files]
    bad = [l.strip() for t in texts for l in t.splitlines() if "Non-2xx" in l or "Socket errors" in l]
    rates = [float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1)) for t in texts]
    return sum(rates) / len(rates), bad
def cpu(name):
    files = glob.glob(f"{w}/cpu-{name}.txt") + glob.glob(f"{w}/cpu-{name}-[12].txt")
    return sum(int(open(f).read()) for f in files) / len(files) / 100
rows = [("gzipped feed, 200", "feed"), ("304, If-None-Match", "inm"), ("304, If-Modified-Since", "ims"),
        ("fixed 1 MB range", "fixed"), ("random 1 MB ranges", "random")]
cpu_notes = []
print("| | deploy/ nginx + tree (TLS) | static nginx (TLS) | ratio | Chapitre directly | static nginx (HTTP) | ratio |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for label, key in rows:
    tree, tb = rps(f"tree-{key}"); st, sb = rps(f"static-tls-{key}")
    direct, db = rps(f"direct-{key}"); plain, pb = rps(f"static-{key}")
    print(f"| {label} | {tree:,.0f} req/s | {st:,.0f} req/s | **{tree / st:.2f}×** | {direct:,.0f} req/s | {plain:,.0f} req/s | **{direct / plain:.2f}×** |")
    cpu_notes.append(f"{label}: {cpu(f'tree-{key}'):.1f} s of the application's CPU during a 10 s run through the tree")
    for who, bad in (("tree", tb), ("static TLS", sb), ("direct", db), ("static", pb)):
        if bad and key not in ("inm", "ims"):
            print(f"  {who} {key}: " + " | ".join(bad))
print("\n".join(cpu_notes))
PY
echo "downloads: expected $EXPECTED (distinct listeners of the ranges through the deploy/ site), counted $COUNTED"
[[ $COUNTED == "$EXPECTED" ]] || echo "COUNTS DIFFER"
