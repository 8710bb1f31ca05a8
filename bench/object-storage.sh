#!/usr/bin/env bash
# Benchmark: 1 MB ranges of one MP3 through deploy/'s nginx arrangement, media on local files
# (X-Accel-Redirect to an alias, sendfile) vs media in an S3-compatible bucket (s3proxy, filesystem
# backend, signatures checked; X-Accel-Redirect to a presigned GET that nginx proxies). Two
# instances of the jar, one per storage, behind one nginx; wrk -t2 -c32 -d10s, random 1 MB ranges.
# Usage: bench/object-storage.sh   Needs: target/chapitre.jar, target/s3proxy/s3proxy.jar (mvn package
# copies it), wrk, nginx (Debian), curl, python3, a JDK.
set -euo pipefail
cd "$(dirname "$0")/.."
LOCAL_PORT=18196; S3_APP_PORT=18197; S3_PORT=18198; NGINX_LOCAL=18191; NGINX_S3=18192
WORK=$(mktemp -d /tmp/chapitre-bench-s3.XXXXXX)
ADMIN=bench@chapitre.test; PASSWORD=bench-password-1
UA="Overcast/3.0 (+http://overcast.fm/; iOS podcast app)"
KEY=bench-access; SECRET=bench-secret-key-1
[[ -f target/chapitre.jar && -f target/s3proxy/s3proxy.jar ]] || { echo "Build first: mvn -q package -DskipTests" >&2; exit 1; }
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    [[ -f $WORK/nginx.pid ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
    wait 2>/dev/null || true
    [[ -n ${KEEP:-} ]] || rm -rf "$WORK"
}
trap cleanup EXIT

python3 - "$WORK/in.mp3" <<'PY'
import sys
src = open("src/test/resources/audio/tone-cbr-128k.mp3", "rb").read()
size = 10 + ((src[6] & 0x7f) << 21 | (src[7] & 0x7f) << 14 | (src[8] & 0x7f) << 7 | (src[9] & 0x7f))
out = open(sys.argv[1], "wb"); out.write(src[:size]); frames = src[size:]; written = 0
while written < 128000 // 8 * 3600:
    out.write(frames); written += len(frames)
PY

mkdir -p "$WORK/blobs" "$WORK/nginx"
cat > "$WORK/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$KEY
s3proxy.credential=$SECRET
jclouds.provider=filesystem
jclouds.filesystem.basedir=$WORK/blobs
PROPS
mkdir -p "$WORK/blobs/chapitre-bench" # the bucket
java -Xmx256m -jar target/s3proxy/s3proxy.jar --properties "$WORK/s3proxy.properties" > "$WORK/s3proxy.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$S3_PORT/" && break; sleep 0.5; done

start() { # port, data, extra environment...
    local port=$1 data=$2; shift 2
    env CHAPITRE_DATA_DIR="$data" CHAPITRE_ADMIN_EMAIL=$ADMIN CHAPITRE_ADMIN_PASSWORD=$PASSWORD CHAPITRE_TRUSTED_PROXIES=127.0.0.1 "$@" \
        java -Xmx256m -jar target/chapitre.jar --port "$port" --nocluster > "$data.log" 2>&1 &
    PIDS+=($!)
}
start $LOCAL_PORT "$WORK/local"
start $S3_APP_PORT "$WORK/s3" CHAPITRE_S3_BUCKET=chapitre-bench CHAPITRE_S3_ENDPOINT=http://127.0.0.1:$S3_PORT \
    CHAPITRE_S3_ACCESS_KEY=$KEY CHAPITRE_S3_SECRET_KEY=$SECRET
for port in $LOCAL_PORT $S3_APP_PORT; do
    for _ in $(seq 1 120); do curl -fs "http://localhost:$port/health/ready" >/dev/null 2>&1 && break; sleep 1; done
    curl -fs -u "$ADMIN:$PASSWORD" -H 'Content-Type: application/json' -d '{"title":"Bench"}' "http://localhost:$port/api/podcasts" >/dev/null
    curl -fs -u "$ADMIN:$PASSWORD" -F 'episode={"title":"Soixante minutes","publishedAt":"2026-01-01T00:00:00Z"};type=application/json' \
        -F "audio=@$WORK/in.mp3;type=audio/mpeg" "http://localhost:$port/api/podcasts/bench/episodes" >/dev/null
    for _ in $(seq 1 100); do
        curl -fs -u "$ADMIN:$PASSWORD" "http://localhost:$port/api/podcasts/bench/episodes/soixante-minutes" | grep -q '"tagged":true' && break
        sleep 0.2
    done
done
chmod 755 "$WORK" && chmod -R a+rX "$WORK/local" # nginx workers run as an unprivileged user
cat > "$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
    upstream local_app { server 127.0.0.1:$LOCAL_PORT; keepalive 32; }
    upstream s3_app { server 127.0.0.1:$S3_APP_PORT; keepalive 32; }
    upstream bucket { server 127.0.0.1:$S3_PORT; keepalive 32; }
    server {
        listen 127.0.0.1:$NGINX_LOCAL;
        location /_chapitre_media/ { internal; alias $WORK/local/media/; }
        location / {
            proxy_pass http://local_app; proxy_http_version 1.1; proxy_set_header Connection "";
            proxy_set_header Host \$host; proxy_set_header X-Chapitre-Accel-Prefix /_chapitre_media/;
        }
    }
    server {
        listen 127.0.0.1:$NGINX_S3;
        # as deploy/nginx/chapitre.conf's /_chapitre_s3/
        location /_chapitre_s3/ {
            internal;
            proxy_pass http://bucket/; proxy_http_version 1.1; proxy_set_header Connection "";
            proxy_set_header Host 127.0.0.1:$S3_PORT; proxy_set_header Authorization ""; proxy_set_header Cookie "";
            proxy_buffering off;
        }
        location / {
            proxy_pass http://s3_app; proxy_http_version 1.1; proxy_set_header Connection "";
            proxy_set_header Host \$host; proxy_set_header X-Chapitre-Accel-Object-Prefix /_chapitre_s3/;
        }
    }
}
CONF
nginx -p "$WORK" -c "$WORK/nginx.conf"
LOCAL_URL="http://127.0.0.1:$NGINX_LOCAL/media/bench/soixante-minutes.mp3"
S3_URL="http://127.0.0.1:$NGINX_S3/media/bench/soixante-minutes.mp3"
SIZE=$(curl -fs -o /dev/null -w '%{size_download}' -A "curl/bench" "$LOCAL_URL")
for u in "$LOCAL_URL" "$S3_URL"; do
    status=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' -H 'Range: bytes=1000000-1999999' -A "$UA" "$u")
    [[ $status == "206 1000000" ]] || { echo "unexpected answer from $u: $status" >&2; exit 1; }
done
cmp <(curl -fs -A "curl/bench" "$LOCAL_URL" | tail -c +200000) <(curl -fs -A "curl/bench" "$S3_URL" | tail -c +200000) \
    || { echo "the two storages serve different audio" >&2; exit 1; }
cat > "$WORK/random.lua" <<LUA
math.randomseed(42)
request = function()
    local first = math.random(0, $SIZE - 1048576)
    local headers = {["Range"] = "bytes=" .. first .. "-" .. (first + 1048575), ["User-Agent"] = "$UA"}
    if os.getenv("ACCEL") then headers["X-Chapitre-Accel-Object-Prefix"] = "/_chapitre_s3/" end
    return wrk.format("GET", nil, headers)
end
LUA
echo "file: $SIZE bytes; wrk -t2 -c32 -d10s, random 1 MB ranges, through nginx"
wrk -t2 -c32 -d10s -s "$WORK/random.lua" "$LOCAL_URL" > "$WORK/wrk-local.txt"
wrk -t2 -c32 -d10s -s "$WORK/random.lua" "$S3_URL" > "$WORK/wrk-s3.txt"
# Where the bucket path's time goes: its two halves alone. The application's hand-over (asked
# directly, as nginx asks it: an X-Accel-Redirect to a presigned GET, no body), and the bucket
# answering that presigned GET (s3proxy, no nginx, no application).
HANDOVER_URL="http://127.0.0.1:$S3_APP_PORT/media/bench/soixante-minutes.mp3"
ACCEL=$(curl -s -D - -o /dev/null -H "X-Chapitre-Accel-Object-Prefix: /_chapitre_s3/" -A "$UA" "$HANDOVER_URL" \
    | tr -d '\r' | sed -n 's/^[Xx]-[Aa]ccel-[Rr]edirect: //p')
[[ $ACCEL == /_chapitre_s3/* ]] || { echo "no hand-over from the application: '$ACCEL'" >&2; exit 1; }
BUCKET_URL="http://127.0.0.1:$S3_PORT/${ACCEL#/_chapitre_s3/}"
ACCEL=1 wrk -t2 -c32 -d10s -s "$WORK/random.lua" "$HANDOVER_URL" > "$WORK/wrk-handover.txt"
wrk -t2 -c32 -d10s -s "$WORK/random.lua" "$BUCKET_URL" > "$WORK/wrk-bucket.txt"
python3 - "$WORK" <<'PY'
import sys, re
w = sys.argv[1]
def figures(name):
    text = open(f"{w}/wrk-{name}.txt").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    latency = re.search(r"Latency\s+(\S+)", text).group(1)
    errors = [l.strip() for l in text.splitlines() if "Non-2xx" in l or "Socket errors" in l]
    return rps, latency, errors
local, s3, handover, bucket = figures("local"), figures("s3"), figures("handover"), figures("bucket")
print(f"local files: {local[0]:.0f} req/s (mean latency {local[1]}); bucket: {s3[0]:.0f} req/s (mean latency {s3[1]}); "
      f"ratio bucket/local {s3[0] / local[0]:.2f}")
print(f"  its parts alone: the application's hand-over {handover[0]:.0f} req/s (mean latency {handover[1]}); "
      f"the bucket's presigned GET without nginx or application {bucket[0]:.0f} req/s (mean latency {bucket[1]})")
for name, f in (("local", local), ("bucket", s3), ("hand-over", handover), ("bucket alone", bucket)):
    if f[2]:
        print(f"  {name}: " + " | ".join(f[2]))
PY
