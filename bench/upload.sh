#!/usr/bin/env bash
# Benchmark: an episode uploaded to the real server running with -Xmx256m, with 20 chapters, until
# the platform has written its tags and chapters into the MP3 (upload → tagged), on each database
# (bench/databases.sh: the embedded H2 and PostgreSQL in the same run). Reports for each the
# upload time (until the 201), upload → tagged (until the API shows audio.tagged, polled every
# 20 ms), and the peak heap in use during the upload (jstat samples); once, `cp` + sync of the same
# file on the same disk as the limit.
# Usage: [JAR=target/chapitre.jar] [DATABASES="h2 postgresql"] bench/upload.sh [SIZE]
#   SIZE: megabytes (default 900: the streaming test), or minutes of 128 kbit/s audio, e.g. 60min
# Needs: the jar, curl, python3, a JDK (jstat), Debian's postgresql.
set -euo pipefail
cd "$(dirname "$0")/.."
HEAP=${HEAP:-256m}
source bench/databases.sh
bench_init upload
SIZE=${1:-900}

# The MP3: MPEG frames concatenate, so the test fixture's frames are repeated, without its ID3 tag
# and its first frame (LAME's Info frame: its frame count would make the file last as long as the
# fixture's 6 s).
python3 - "$WORK/big.mp3" "$SIZE" <<'PY'
import sys
src = open("src/test/resources/audio/tone-cbr-128k.mp3", "rb").read()
start = 10 + ((src[6] & 0x7f) << 21 | (src[7] & 0x7f) << 14 | (src[8] & 0x7f) << 7 | (src[9] & 0x7f)) if src[:3] == b"ID3" else 0
if b"Info" in src[start:start + 64] or b"Xing" in src[start:start + 64]:
    # MPEG-1 layer III: 144 × bit rate / sample rate bytes, plus the padding byte.
    bitrate = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320][src[start + 2] >> 4] * 1000
    rate = [44100, 48000, 32000][(src[start + 2] >> 2) & 3]
    start += 144 * bitrate // rate + ((src[start + 2] >> 1) & 1)
frames = src[start:] * 20
wanted = sys.argv[2]
target = int(wanted[:-3]) * 60 * 128000 // 8 if wanted.endswith("min") else int(wanted) * 1024 * 1024
with open(sys.argv[1], "wb") as out:
    written = 0
    while written < target:
        out.write(frames)
        written += len(frames)
PY
BYTES=$(stat -c %s "$WORK/big.mp3")
# 20 chapters spread over the file's duration (128 kbit/s), as a produced episode has.
python3 - "$BYTES" > "$WORK/episode.json" <<'PY'
import json, sys
seconds = int(sys.argv[1]) * 8 / 128000
print(json.dumps({"title": "Mise en ligne – banc d'essai",
                  "chapters": [{"startTime": round(i * seconds / 20, 3), "title": f"Chapitre {i + 1} – « révision »"}
                               for i in range(20)]}))
PY
echo "file: $BYTES bytes, $(( BYTES * 8 / 128000 )) s at 128 kbit/s, 20 chapters"

upload_until_tagged() {
    local db=$1 slug start end status jstat
    slug=$(curl -fs -u "$ADMIN:$PASSWORD" -H 'Content-Type: application/json' \
        -d '{"title":"Benchmark"}' "$BASE/api/podcasts" | python3 -c 'import json,sys; print(json.load(sys.stdin)["slug"])')
    # Warm-up, not measured: the test fixture uploaded and tagged once, so that the measured upload
    # does not pay for the first request's class loading (a server runs for days).
    curl -fs -o /dev/null -u "$ADMIN:$PASSWORD" -F 'episode={"title":"Échauffement","slug":"warm-up"};type=application/json' \
        -F "audio=@src/test/resources/audio/tone-cbr-128k.mp3;type=audio/mpeg" "$BASE/api/podcasts/$slug/episodes"
    for _ in $(seq 1 600); do
        curl -fs -u "$ADMIN:$PASSWORD" "$BASE/api/podcasts/$slug/episodes/warm-up" | grep -q '"tagged":true' && break
        sleep 0.1
    done
    # Heap in use (survivors + eden + old, KB), sampled every 100 ms while the upload runs.
    jstat -gc "$SERVER" 100 > "$WORK/$db.jstat" &
    jstat=$!
    for _ in $(seq 1 100); do [[ $(wc -l < "$WORK/$db.jstat") -ge 2 ]] && break; sleep 0.1; done
    start=$(date +%s.%N)
    status=$(curl -s -o "$WORK/$db.response" -w '%{http_code}' -u "$ADMIN:$PASSWORD" \
        -F "episode=@$WORK/episode.json;type=application/json" \
        -F "audio=@$WORK/big.mp3;type=audio/mpeg" \
        "$BASE/api/podcasts/$slug/episodes")
    end=$(date +%s.%N)
    kill $jstat
    [[ $status == 201 ]] || { echo "upload failed: $status $(cat "$WORK/$db.response")" >&2; exit 1; }
    python3 - "$BASE" "$ADMIN" "$PASSWORD" "$slug" "$WORK/$db" "$start" "$end" "$BYTES" <<'PY'
import base64, json, sys, time, urllib.request
base, user, password, show, prefix = sys.argv[1:6]
start, end, size = float(sys.argv[6]), float(sys.argv[7]), int(sys.argv[8])
episode = json.load(open(f"{prefix}.response"))["slug"]
auth = {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}
deadline = time.time() + 600
while True:
    request = urllib.request.Request(f"{base}/api/podcasts/{show}/episodes/{episode}", headers=auth)
    audio = json.load(urllib.request.urlopen(request))["audio"]
    if audio["tagged"]:
        tagged = time.time()
        break
    if "tagError" in audio or time.time() > deadline:
        sys.exit(f"not tagged: {audio}")
    time.sleep(0.02)
lines = open(f"{prefix}.jstat").read().splitlines()
header = lines[0].split()
peak = max((sum(row[k] for k in ("S0U", "S1U", "EU", "OU"))
            for row in (dict(zip(header, map(float, line.split()))) for line in lines[1:] if line.split()[:1] and line.split()[0][0].isdigit())),
           default=0.0)
upload, until_tagged = end - start, tagged - start
open(f"{prefix}.upload", "w").write(f"{upload}\n")
open(f"{prefix}.tagged", "w").write(f"{until_tagged}\n")
print(f"  upload: {upload:.2f} s ({size / upload / 1e6:.0f} MB/s); upload → tagged: {until_tagged:.2f} s "
      f"(tagging {until_tagged - upload:.2f} s after the 201); heap -Xmx256m, peak in use during the upload {peak / 1024:.0f} MiB")
PY
}

for db in $DATABASES; do
    echo "== $db"
    chapitre_start "$db" CHAPITRE_MAX_UPLOAD_BYTES=$((4 * 1024 * 1024 * 1024))
    upload_until_tagged "$db"
    chapitre_stop
done

sync
CP_START=$(date +%s.%N)
cp "$WORK/big.mp3" "$WORK/copy.mp3"
sync
CP_END=$(date +%s.%N)
python3 - "$CP_START" "$CP_END" "$BYTES" "$WORK" $DATABASES <<'PY'
import sys
start, end, size, work = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
cp = end - start
print(f"cp of the same file (+sync): {cp:.2f} s ({size / cp / 1e6:.0f} MB/s); "
      + ", ".join(f"upload/cp on {db} = {float(open(f'{work}/{db}.upload').read()) / cp:.2f}" for db in sys.argv[5:]))
PY
print_ratio upload "upload" s
print_ratio tagged "upload → tagged" s
