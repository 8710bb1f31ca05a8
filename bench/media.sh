#!/usr/bin/env bash
# Benchmark: audio delivery, side by side with nginx serving the same 58 MB MP3 from disk.
#   1. wrk -t2 -c32 -d10s with "Range: bytes=1000000-1999999"
#   2. wrk -t2 -c32 -d10s with random 1 MB ranges
#   3. 200 concurrent full downloads (curl): peak heap of the server (jstat)
# Counting is on: requests carry a podcast app's User-Agent and ask for more than a minute.
# Usage: [HEAP=256m] [SKIP_WRK=1] bench/media.sh   Needs: target/chapitre.jar, wrk, nginx (Debian), curl, python3, a JDK.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=18096
NGINX_PORT=18097
PROXY_PORT=18095
WORK=$(mktemp -d /tmp/chapitre-bench-media.XXXXXX)
ADMIN=bench@chapitre.test
PASSWORD=bench-password-1
UA="Overcast/3.0 (+http://overcast.fm/; iOS podcast app)"
[[ -f target/chapitre.jar ]] || { echo "Build first: mvn -q package -DskipTests" >&2; exit 1; }

python3 - "$WORK/in.mp3" <<'PY'
import sys
src = open("src/test/resources/audio/tone-cbr-128k.mp3", "rb").read()
size = 10 + ((src[6] & 0x7f) << 21 | (src[7] & 0x7f) << 14 | (src[8] & 0x7f) << 7 | (src[9] & 0x7f))
out = open(sys.argv[1], "wb"); out.write(src[:size]); frames = src[size:]; written = 0
while written < 128000 // 8 * 3600:
    out.write(frames); written += len(frames)
PY

CHAPITRE_DATA_DIR="$WORK/data" CHAPITRE_ADMIN_EMAIL=$ADMIN CHAPITRE_ADMIN_PASSWORD=$PASSWORD CHAPITRE_TRUSTED_PROXIES=127.0.0.1 \
    java -Xmx${HEAP:-256m} -jar target/chapitre.jar --port $PORT --nocluster > "$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() {
    kill $SERVER 2>/dev/null || true
    [[ -f $WORK/nginx.pid ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
    wait 2>/dev/null || true
    [[ -n ${KEEP:-} ]] || rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -fs "http://localhost:$PORT/health/ready" >/dev/null 2>&1 && break; sleep 1; done

curl -fs -u "$ADMIN:$PASSWORD" -H 'Content-Type: application/json' -d '{"title":"Bench"}' "http://localhost:$PORT/api/podcasts" >/dev/null
curl -fs -u "$ADMIN:$PASSWORD" -F 'episode={"title":"Soixante minutes","publishedAt":"2026-01-01T00:00:00Z"};type=application/json' \
    -F "audio=@$WORK/in.mp3;type=audio/mpeg" "http://localhost:$PORT/api/podcasts/bench/episodes" >/dev/null
for _ in $(seq 1 100); do
    curl -fs -u "$ADMIN:$PASSWORD" "http://localhost:$PORT/api/podcasts/bench/episodes/soixante-minutes" | grep -q '"tagged":true' && break
    sleep 0.2
done
URL="http://localhost:$PORT/media/bench/soixante-minutes.mp3"

# nginx serves the very bytes the platform serves.
mkdir -p "$WORK/www/media/bench" "$WORK/nginx"
curl -fs -A "curl/bench" -o "$WORK/www/media/bench/soixante-minutes.mp3" "$URL"
SIZE=$(stat -c %s "$WORK/www/media/bench/soixante-minutes.mp3")
chmod 755 "$WORK" && chmod -R a+rX "$WORK/www" "$WORK/data" # nginx workers run as an unprivileged user
cat > "$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    types { audio/mpeg mp3; }
    client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
    server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
    # The production setup of deploy/: nginx in front, the application authorises and counts,
    # then hands the file back to nginx with X-Accel-Redirect.
    upstream chapitre { server 127.0.0.1:$PORT; keepalive 32; }
    server {
        listen 127.0.0.1:$PROXY_PORT;
        location /_chapitre_media/ { internal; alias $WORK/data/media/; }
        location / {
            proxy_pass http://chapitre;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Chapitre-Accel-Prefix /_chapitre_media/;
        }
    }
}
CONF
nginx -p "$WORK" -c "$WORK/nginx.conf"
NGINX_URL="http://127.0.0.1:$NGINX_PORT/media/bench/soixante-minutes.mp3"
PROXY_URL="http://127.0.0.1:$PROXY_PORT/media/bench/soixante-minutes.mp3"
echo "file: $SIZE bytes; JVM -Xmx${HEAP:-256m}; wrk -t2 -c32 -d10s"
for u in "$URL" "$NGINX_URL" "$PROXY_URL"; do
    status=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' -H 'Range: bytes=1000000-1999999' -A "$UA" "$u")
    [[ $status == "206 1000000" ]] || { echo "unexpected answer from $u: $status" >&2; exit 1; }
done

cat > "$WORK/random.lua" <<LUA
math.randomseed(42)
request = function()
    local first = math.random(0, $SIZE - 1048576)
    return wrk.format("GET", nil, {["Range"] = "bytes=" .. first .. "-" .. (first + 1048575), ["User-Agent"] = "$UA"})
end
LUA
[[ -n ${SKIP_WRK:-} ]] || for target in "chapitre $URL" "nginx $NGINX_URL" "proxied $PROXY_URL"; do
    set -- $target
    wrk -t2 -c32 -d10s -H "Range: bytes=1000000-1999999" -H "User-Agent: $UA" "$2" > "$WORK/wrk-fixed-$1.txt"
    wrk -t2 -c32 -d10s -s "$WORK/random.lua" "$2" > "$WORK/wrk-random-$1.txt"
done
[[ -n ${SKIP_WRK:-} ]] || python3 - "$WORK" <<'PY'
import sys, re
w = sys.argv[1]
def rps(name):
    return float(re.search(r"Requests/sec:\s+([\d.]+)", open(f"{w}/wrk-{name}.txt").read()).group(1))
for kind in ("fixed", "random"):
    ours, theirs = rps(f"{kind}-chapitre"), rps(f"{kind}-nginx")
    label = "Range bytes=1000000-1999999" if kind == "fixed" else "random 1 MB ranges"
    proxied = rps(f"{kind}-proxied")
    print(f"{label}: chapitre {ours:.0f} req/s, nginx {theirs:.0f} req/s, ratio {ours / theirs:.2f}; "
          f"chapitre behind nginx (X-Accel-Redirect) {proxied:.0f} req/s, ratio {proxied / theirs:.2f}")
    for who in ("chapitre", "nginx", "proxied"):
        text = open(f"{w}/wrk-{kind}-{who}.txt").read()
        if "Non-2xx" in text or "Socket errors" in text:
            print(f"  {who}: " + " | ".join(l.strip() for l in text.splitlines() if "Non-2xx" in l or "Socket errors" in l))
PY

# 200 concurrent full downloads while jstat samples the heap.
jstat -gc "$SERVER" 200 > "$WORK/jstat.log" &
JSTAT=$!
START=$(date +%s.%N)
seq 200 | xargs -P 200 -I{} curl -s -o /dev/null -w '%{http_code} %{size_download}\n' -A "$UA" "$URL" > "$WORK/downloads.txt" || true
echo "complete downloads: $(grep -c "^200 $SIZE\$" "$WORK/downloads.txt") of 200"
END=$(date +%s.%N)
kill $JSTAT
python3 - "$WORK/jstat.log" "$START" "$END" "$SIZE" <<'PY'
import sys
lines = open(sys.argv[1]).read().split("\n")
header = lines[0].split(); peak = 0.0; samples = 0
for line in lines[1:]:
    parts = line.split()
    if len(parts) == len(header):
        row = dict(zip(header, map(float, parts))); samples += 1
        peak = max(peak, row["S0U"] + row["S1U"] + row["EU"] + row["OU"])
secs = float(sys.argv[3]) - float(sys.argv[2])
print(f"200 concurrent full downloads: {secs:.1f} s, {200 * int(sys.argv[4]) / secs / 1e9:.2f} GB/s; peak heap in use {peak / 1024:.0f} MiB ({samples} samples)")
PY
jcmd "$SERVER" GC.run >/dev/null
echo "heap in use after the downloads and a full GC: $(jstat -gc "$SERVER" | awk 'NR==2 {printf "%.0f MiB", ($3+$4+$6+$8)/1024}')"
sleep 2
echo "downloads counted: $(curl -fs -u "$ADMIN:$PASSWORD" "http://localhost:$PORT/api/podcasts/bench/stats")"
