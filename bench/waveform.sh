#!/usr/bin/env bash
# Benchmark: peaks and pauses of a 60-minute 128 kbit/s MP3 (issue 19's target: at most 1.5× the time
# of `ffmpeg -i in.mp3 -f null -`, which decodes the same file and does nothing with it), and the heap.
#   1. ffmpeg decoding to nothing, the median of RUNS.
#   2. The server's code alone (bench/WaveformBench.java: Mp3Analysis, as the background job runs it),
#      in a JVM with a 256 MiB heap, the median of RUNS after a warm-up, and its peak heap.
#   3. The jar on the embedded H2 with -Xmx256m: the time from the upload's 201 to the waveform's 200
#      (the job also competes with the re-tag that follows every upload).
# Usage: [RUNS=3] [MP3=file.mp3] [KEEP=1] bench/waveform.sh
# Needs: target/chapitre.jar and target/classes (mvn -q package -DskipTests), ffmpeg, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=18121
RUNS=${RUNS:-3}
WORK=$(mktemp -d /tmp/chapitre-bench-waveform.XXXXXX)
ADMIN=bench@chapitre.test
PASSWORD=bench-password-1
BASE=http://localhost:$PORT
JLAYER=$(find ~/.m2/repository/com/googlecode/soundlibs/jlayer -name 'jlayer-*.jar' | head -1)
[[ -f target/chapitre.jar && -n $JLAYER ]] || { echo "Build first: mvn -q package -DskipTests" >&2; exit 1; }
SERVER=
cleanup() {
    [[ -n $SERVER ]] && kill $SERVER 2>/dev/null || true
    wait 2>/dev/null || true
    [[ -n ${KEEP:-} ]] && echo "kept: $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

# An hour of stereo pink noise whose level swells and ebbs, 128 kbit/s, 44.1 kHz (57 MB), unless given.
if [[ -n ${MP3:-} ]]; then cp "$MP3" "$WORK/hour.mp3"; else
    ffmpeg -nostdin -v error -f lavfi -i "anoisesrc=d=3600:c=pink:a=0.3:r=44100" \
        -af "volume='0.3+0.7*abs(sin(t/3))':eval=frame" -ac 2 -b:a 128k -c:a libmp3lame "$WORK/hour.mp3"
fi
ls -l "$WORK/hour.mp3" | awk '{printf "input: %s bytes\n", $5}'
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); awk -v e="$e" -v s="$s" 'BEGIN { print e - s }'; }

for _ in $(seq 1 "$RUNS"); do seconds ffmpeg -nostdin -v error -i "$WORK/hour.mp3" -f null -; done | median \
    | xargs printf "ffmpeg -f null %.2f s (median of $RUNS)\n"
java -Xmx256m -cp "target/classes:$JLAYER" bench/WaveformBench.java "$WORK/hour.mp3" "$RUNS"

CHAPITRE_DATA_DIR="$WORK/data" CHAPITRE_ADMIN_EMAIL=$ADMIN CHAPITRE_ADMIN_PASSWORD=$PASSWORD \
    java -Xmx256m -jar target/chapitre.jar --port $PORT --nocluster > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fs -u "$ADMIN:$PASSWORD" -H 'Content-Type: application/json' -d '{"title":"Banc des ondes","slug":"banc","language":"fr"}' \
    "$BASE/api/podcasts" >/dev/null
for run in $(seq 1 "$RUNS"); do
    curl -fs -u "$ADMIN:$PASSWORD" -F "episode={\"title\":\"Une heure $run\",\"slug\":\"heure-$run\"};type=application/json" \
        -F "audio=@$WORK/hour.mp3;type=audio/mpeg" "$BASE/api/podcasts/banc/episodes" >/dev/null
    start=$(date +%s.%N)
    until [[ $(curl -s -o /dev/null -w '%{http_code}' -u "$ADMIN:$PASSWORD" "$BASE/api/podcasts/banc/episodes/heure-$run/waveform") == 200 ]]; do
        sleep 0.05
    done
    end=$(date +%s.%N)
    awk -v e="$end" -v s="$start" 'BEGIN { print e - s }'
done | median | xargs printf "server (jar, -Xmx256m): upload answered → waveform ready %.2f s (median of $RUNS)\n"
grep -c OutOfMemoryError "$WORK/server.log" | xargs printf "OutOfMemoryError in the server's log: %s\n"
