#!/usr/bin/env bash
# Benchmark: a 900 MB MP3 upload to the real server running with -Xmx256m.
# Reports the upload time, the peak heap in use during the upload (jstat samples), and `cp` of
# the same file on the same disk as the limit. Usage: bench/upload.sh [size-in-MB]   (default 900)
# Needs: a built target/chapitre.jar (mvn -q package -DskipTests), curl, python3, a JDK (jstat).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${1:-900}
PORT=${PORT:-18099}
WORK=${WORK:-$(mktemp -d /tmp/chapitre-bench-upload.XXXXXX)}
JAR=target/chapitre.jar
ADMIN=bench@chapitre.test
PASSWORD=bench-password-1
[[ -f $JAR ]] || { echo "Build first: mvn -q package -DskipTests" >&2; exit 1; }

echo "work dir: $WORK"
mkdir -p "$WORK/data"

# An MP3 of SIZE_MB: MPEG frames concatenate, so the test fixture's frames are repeated.
python3 - "$WORK/big.mp3" "$SIZE_MB" <<'PY'
import sys
src = open("src/test/resources/audio/tone-cbr-128k.mp3", "rb").read()
size = 10 + ((src[6] & 0x7f) << 21 | (src[7] & 0x7f) << 14 | (src[8] & 0x7f) << 7 | (src[9] & 0x7f)) if src[:3] == b"ID3" else 0
frames = src[size:]
target = int(sys.argv[2]) * 1024 * 1024
with open(sys.argv[1], "wb") as out:
    out.write(src[:size])
    written = size
    chunk = frames * 200
    while written < target:
        out.write(chunk)
        written += len(chunk)
PY
BYTES=$(stat -c %s "$WORK/big.mp3")
echo "file: $BYTES bytes"

CHAPITRE_DATA_DIR="$WORK/data" CHAPITRE_ADMIN_EMAIL=$ADMIN CHAPITRE_ADMIN_PASSWORD=$PASSWORD \
CHAPITRE_MAX_UPLOAD_BYTES=$((4 * 1024 * 1024 * 1024)) \
    java -Xmx256m -jar "$JAR" --port "$PORT" --nocluster > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -fs "http://localhost:$PORT/health/ready" >/dev/null 2>&1 && break
    sleep 1
done
curl -fs "http://localhost:$PORT/health/ready" >/dev/null

SLUG=$(curl -fs -u "$ADMIN:$PASSWORD" -H 'Content-Type: application/json' \
    -d '{"title":"Benchmark"}' "http://localhost:$PORT/api/podcasts" | python3 -c 'import json,sys; print(json.load(sys.stdin)["slug"])')
echo '{"title":"Neuf cents mégaoctets"}' > "$WORK/episode.json"

# Heap in use (survivors + eden + old, KB), sampled every 100 ms while the upload runs.
jstat -gc "$SERVER" 100 > "$WORK/jstat.log" &
JSTAT=$!

START=$(date +%s.%N)
STATUS=$(curl -s -o "$WORK/response.json" -w '%{http_code}' -u "$ADMIN:$PASSWORD" \
    -F "episode=@$WORK/episode.json;type=application/json" \
    -F "audio=@$WORK/big.mp3;type=audio/mpeg" \
    "http://localhost:$PORT/api/podcasts/$SLUG/episodes")
END=$(date +%s.%N)
kill $JSTAT
[[ $STATUS == 201 ]] || { echo "upload failed: $STATUS $(cat "$WORK/response.json")" >&2; exit 1; }

sync
CP_START=$(date +%s.%N)
cp "$WORK/big.mp3" "$WORK/copy.mp3"
sync
CP_END=$(date +%s.%N)

python3 - "$WORK" "$START" "$END" "$CP_START" "$CP_END" "$BYTES" <<'PY'
import sys
work, start, end, cps, cpe, size = sys.argv[1], *map(float, sys.argv[2:6]), int(sys.argv[6])
peak = 0.0
for line in open(f"{work}/jstat.log"):
    parts = line.split()
    if not parts or not parts[0][0].isdigit():
        continue
    header = open(f"{work}/jstat.log").readline().split()
    row = dict(zip(header, map(float, parts)))
    peak = max(peak, row["S0U"] + row["S1U"] + row["EU"] + row["OU"])
upload, cp = end - start, cpe - cps
print(f"upload: {upload:.2f} s ({size / upload / 1e6:.0f} MB/s), heap: -Xmx256m, peak heap in use {peak / 1024:.0f} MiB")
print(f"cp of the same file (+sync): {cp:.2f} s ({size / cp / 1e6:.0f} MB/s); upload/cp = {upload / cp:.2f}")
PY
