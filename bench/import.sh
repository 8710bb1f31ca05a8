#!/usr/bin/env bash
# Benchmark: moving a 100-episode show in, side by side with curl downloading the same bytes.
#   The old host is nginx serving a feed of EPISODES items (psc chapters each) and their MP3s
#   (SIZE_MB each) from disk. Measured: curl fetching every MP3 over one connection; the import
#   (POST /api/imports → state done); the import until every MP3 is re-tagged; the heap sampled
#   by jstat every second during the import (it must stay flat: files are streamed, never held);
#   and, for what the platform's own path costs, the same MP3s uploaded through the API one after
#   the other until every one is tagged (what a producer would do by hand).
# Usage: [EPISODES=100] [SIZE_MB=4] [RATE=25m] [HEAP=256m] [JFR=1 KEEP=1] bench/import.sh
# RATE: nginx's limit_rate per connection (bytes/s, k/m suffixes), an old host across the Internet
# rather than on loopback; unset: as fast as loopback goes.
# JFR=1 records the server with Java Flight Recorder (server.jfr in the kept work folder).
# Needs: target/chapitre.jar, nginx (Debian), curl, python3, a JDK (jstat).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=18110
NGINX_PORT=18111
EPISODES=${EPISODES:-100}
SIZE_MB=${SIZE_MB:-4}
WORK=$(mktemp -d /tmp/chapitre-bench-import.XXXXXX)
ADMIN=bench@chapitre.test
PASSWORD=bench-password-1
[[ -f target/chapitre.jar ]] || { echo "Build first: mvn -q package -DskipTests" >&2; exit 1; }

# The old host's files: EPISODES different MP3s (a tone, a different ID3 tag each) and the feed.
mkdir -p "$WORK/www/show" "$WORK/nginx"
python3 - "$WORK/www/show" "$EPISODES" "$SIZE_MB" "http://127.0.0.1:$NGINX_PORT/show" <<'PY'
import sys, uuid, email.utils, datetime
folder, count, size_mb, base = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
src = open("src/test/resources/audio/tone-cbr-128k.mp3", "rb").read()
head = 10 + ((src[6] & 0x7f) << 21 | (src[7] & 0x7f) << 14 | (src[8] & 0x7f) << 7 | (src[9] & 0x7f))
frames = src[head:]
body = frames * (size_mb * 1024 * 1024 // len(frames) + 1)
items = []
for n in range(1, count + 1):
    with open(f"{folder}/{n}.mp3", "wb") as out:
        out.write(body)
    date = email.utils.format_datetime(datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(days=7 * n))
    items.append(f"""<item><title>Épisode {n}</title><guid isPermaLink="false">bench-{n}</guid><pubDate>{date}</pubDate>
<description>Notes de l'épisode {n}</description><enclosure url="{base}/{n}.mp3" length="{len(body)}" type="audio/mpeg"/>
<psc:chapters version="1.2"><psc:chapter start="00:00:00" title="Début"/><psc:chapter start="00:01:00" title="Suite"/></psc:chapters></item>""")
open(f"{folder}/feed.xml", "w").write(f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:psc="http://podlove.org/simple-chapters" xmlns:podcast="https://podcastindex.org/namespace/1.0">
<channel><title>Banc d'essai</title><link>https://example.org</link><description>Bench</description><language>fr</language>
<podcast:guid>{uuid.uuid4()}</podcast:guid>{''.join(items)}</channel></rss>""")
PY
chmod 755 "$WORK" && chmod -R a+rX "$WORK/www"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    types { audio/mpeg mp3; application/rss+xml xml; }
    client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
    server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; ${RATE:+limit_rate $RATE;} }
}
CONF
nginx -c "$WORK/nginx.conf"

CHAPITRE_DATA_DIR="$WORK/data" CHAPITRE_ADMIN_EMAIL=$ADMIN CHAPITRE_ADMIN_PASSWORD=$PASSWORD CHAPITRE_IMPORT_ALLOW_PRIVATE=127.0.0.1 \
    java -Xmx${HEAP:-256m} ${JFR:+-XX:StartFlightRecording=filename=$WORK/server.jfr,settings=profile} -jar target/chapitre.jar --port $PORT --nocluster > "$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() {
    kill $SERVER 2>/dev/null || true
    [[ -z ${KEEP:-} ]] || echo "kept: $WORK"
    [[ -f $WORK/nginx.pid ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
    wait 2>/dev/null || true
    [[ -n ${KEEP:-} ]] || rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -fs "http://localhost:$PORT/health/ready" >/dev/null 2>&1 && break; sleep 1; done

# 1. curl: every MP3, one after the other over one connection, as the import fetches them.
urls=()
for n in $(seq 1 "$EPISODES"); do urls+=("http://127.0.0.1:$NGINX_PORT/show/$n.mp3" -o /dev/null); done
CURL_START=$(date +%s.%N)
curl -fs "${urls[@]}"
CURL_END=$(date +%s.%N)

# 2. The import, with the heap sampled every second.
jstat -gc "$SERVER" 1000 > "$WORK/jstat.log" &
JSTAT=$!
START=$(date +%s.%N)
LOCATION=$(curl -fs -D - -o /dev/null -u "$ADMIN:$PASSWORD" -H 'Content-Type: application/json' \
    -d "{\"feedUrl\":\"http://127.0.0.1:$NGINX_PORT/show/feed.xml\"}" "http://localhost:$PORT/api/imports" \
    | tr -d '\r' | awk -F': ' 'tolower($1)=="location" {print $2}')
while :; do
    STATE=$(curl -fs -u "$ADMIN:$PASSWORD" "$LOCATION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')
    [[ $STATE == running ]] || break
    sleep 0.25
done
DONE=$(date +%s.%N)
[[ $STATE == done ]] || { echo "The import ended $STATE" >&2; curl -fs -u "$ADMIN:$PASSWORD" "$LOCATION" >&2; exit 1; }
SLUG=$(curl -fs -u "$ADMIN:$PASSWORD" "$LOCATION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["show"]["slug"])')
while curl -fs -u "$ADMIN:$PASSWORD" "http://localhost:$PORT/api/podcasts/$SLUG/episodes" | grep -q '"tagged":false'; do sleep 0.25; done
TAGGED=$(date +%s.%N)
kill $JSTAT

# 3. The same files uploaded through the API, one after the other, until every one is tagged.
curl -fs -u "$ADMIN:$PASSWORD" -H 'Content-Type: application/json' -d '{"title":"Envoyé à la main","slug":"a-la-main"}' \
    "http://localhost:$PORT/api/podcasts" >/dev/null
UPLOAD_START=$(date +%s.%N)
for n in $(seq 1 "$EPISODES"); do
    curl -fs -u "$ADMIN:$PASSWORD" -F "episode={\"title\":\"Épisode $n\",\"publishedAt\":\"2024-01-01T00:00:00Z\"};type=application/json" \
        -F "audio=@$WORK/www/show/$n.mp3;type=audio/mpeg" "http://localhost:$PORT/api/podcasts/a-la-main/episodes" >/dev/null
done
while curl -fs -u "$ADMIN:$PASSWORD" "http://localhost:$PORT/api/podcasts/a-la-main/episodes" | grep -q '"tagged":false'; do sleep 0.25; done
UPLOADED=$(date +%s.%N)

python3 - "$WORK/jstat.log" "$CURL_START" "$CURL_END" "$START" "$DONE" "$TAGGED" "$UPLOAD_START" "$UPLOADED" "$EPISODES" "$SIZE_MB" "${RATE:-}" <<'PY'
import sys
log, curl_start, curl_end, start, done, tagged, upload_start, uploaded = sys.argv[1], *map(float, sys.argv[2:9])
episodes, size_mb = int(sys.argv[9]), int(sys.argv[10])
rows = [line.split() for line in open(log) if line.strip() and not line.lstrip().startswith("S0C")]
used = [(float(r[2]) + float(r[3]) + float(r[5]) + float(r[7])) / 1024 for r in rows]  # S0U S1U EU OU, KiB → MiB
old = [float(r[7]) / 1024 for r in rows]
curl = curl_end - curl_start
gb = episodes * size_mb / 1024
print(f"{episodes} episodes of {size_mb} MiB ({gb:.2f} GiB), the old host {'limited to ' + sys.argv[11] + '/s per connection' if len(sys.argv) > 11 and sys.argv[11] else 'on loopback, unlimited'}")
print(f"curl, the same MP3s over one connection: {curl:.1f} s")
print(f"import until done: {done - start:.1f} s, ratio {(done - start) / curl:.2f} to curl")
print(f"import until every MP3 is re-tagged: {tagged - start:.1f} s, ratio {(tagged - start) / curl:.2f} to curl")
print(f"the same MP3s uploaded through the API one by one, until tagged: {uploaded - upload_start:.1f} s;"
      f" the import takes {(tagged - start) / (uploaded - upload_start):.2f} of that")
third = max(1, len(old) // 3)
print(f"heap in use: min {min(used):.0f} MiB, max {max(used):.0f} MiB; old generation {old[0]:.0f} MiB at the start,"
      f" max {max(old[:third]):.0f} MiB in the first third, max {max(old[-third:]):.0f} MiB in the last third ({len(rows)} samples)")
PY
