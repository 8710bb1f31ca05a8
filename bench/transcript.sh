#!/usr/bin/env bash
# Benchmark: a 3-hour transcript (CUES cues, 4,500 by default), side by side with ffmpeg reading the
# same WebVTT and writing it as SRT (the same kind of work: parse, check, write).
#   Measured on the embedded H2: PUT …/transcript (decode, detect, parse, check every cue, store the
#   cues, answer them as JSON), the median of RUNS; the first GET of the public .vtt and .html (built
#   from the database: read the cues, lay out captions or the reading view, gzip) and a later one (from
#   memory); the episode page with the transcript under the player, first and later, and its size.
#   In the browser (the search keystroke): bench/transcript-search.sh.
# Usage: [CUES=4500] [RUNS=5] [JFR=1 KEEP=1] bench/transcript.sh
# Needs: target/chapitre.jar, ffmpeg, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=18120
CUES=${CUES:-4500}
RUNS=${RUNS:-5}
WORK=$(mktemp -d /tmp/chapitre-bench-transcript.XXXXXX)
ADMIN=bench@chapitre.test
PASSWORD=bench-password-1
BASE=http://localhost:$PORT
[[ -f target/chapitre.jar ]] || { echo "Build first: mvn -q package -DskipTests" >&2; exit 1; }

# Three hours of silence at 8 kbit/s (10 MB) and a transcript that fills it, two speakers, French.
ffmpeg -nostdin -loglevel error -f lavfi -i anullsrc=r=8000:cl=mono -t 10800 -c:a libmp3lame -b:a 8k "$WORK/episode.mp3"
python3 - "$WORK/transcript.vtt" "$CUES" <<'PY'
import sys
path, count = sys.argv[1], int(sys.argv[2])
step = 10_700_000 // count  # ms per cue, ending before the audio does
def clock(ms):
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"
with open(path, "w", encoding="utf-8") as out:
    out.write("WEBVTT\n\n")
    for n in range(count):
        speaker = "Léa" if n % 7 < 4 else "Marc Petit"
        out.write(f"{clock(n * step)} --> {clock(n * step + step - 1)}\n<v {speaker}>Phrase {n} : l'Élysée, "
                  f"le premier ministre et la réforme des retraites, épisode {n % 97}.\n\n")
PY
ls -l "$WORK/transcript.vtt" | awk '{printf "transcript: %s bytes, '"$CUES"' cues\n", $5}'

CHAPITRE_DATA_DIR="$WORK/data" CHAPITRE_ADMIN_EMAIL=$ADMIN CHAPITRE_ADMIN_PASSWORD=$PASSWORD \
    java ${JFR:+-XX:StartFlightRecording=filename=$WORK/server.jfr,settings=profile} -jar target/chapitre.jar --port $PORT --nocluster > "$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() {
    kill $SERVER 2>/dev/null || true
    wait 2>/dev/null || true
    [[ -n ${KEEP:-} ]] && echo "kept: $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break; sleep 1; done

curl -fs -u "$ADMIN:$PASSWORD" -H 'Content-Type: application/json' -d '{"title":"Banc des transcriptions","slug":"banc","language":"fr"}' \
    "$BASE/api/podcasts" >/dev/null
curl -fs -u "$ADMIN:$PASSWORD" -F 'episode={"title":"Trois heures","slug":"trois-heures","publishedAt":"2024-01-01T00:00:00Z"};type=application/json' \
    -F "audio=@$WORK/episode.mp3;type=audio/mpeg" "$BASE/api/podcasts/banc/episodes" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
put_times=()
for _ in $(seq 1 "$RUNS"); do
    put_times+=("$(curl -fs -o /dev/null -w '%{time_total}' -u "$ADMIN:$PASSWORD" -X PUT -H 'Content-Type: text/vtt' \
        --data-binary "@$WORK/transcript.vtt" "$BASE/api/podcasts/banc/episodes/trois-heures/transcript")")
done
PUT=$(printf '%s\n' "${put_times[@]}" | median)
ffmpeg_times=()
for _ in $(seq 1 "$RUNS"); do
    start=$(date +%s.%N)
    ffmpeg -nostdin -loglevel error -y -i "$WORK/transcript.vtt" "$WORK/ffmpeg.srt"
    ffmpeg_times+=("$(echo "$(date +%s.%N) - $start" | bc -l)")
done
FFMPEG=$(printf '%s\n' "${ffmpeg_times[@]}" | median)

# The public files and the page: the first answer builds them, the next comes from memory.
time_of() { curl -fs -o /dev/null -w '%{time_total} %{size_download}' -H 'Accept-Encoding: gzip' "$1"; }
VTT_COLD=$(time_of "$BASE/transcripts/banc/trois-heures.vtt")
VTT_WARM=$(time_of "$BASE/transcripts/banc/trois-heures.vtt")
HTML_COLD=$(time_of "$BASE/transcripts/banc/trois-heures.html")
PAGE_COLD=$(curl -fs -o /dev/null -w '%{time_total} %{size_download}' -H 'Accept-Language: fr' "$BASE/podcasts/banc/trois-heures")
PAGE_WARM=$(curl -fs -o /dev/null -w '%{time_total} %{size_download}' -H 'Accept-Language: fr' "$BASE/podcasts/banc/trois-heures")

printf '\n%-62s %10s\n' "" "seconds"
printf '%-62s %10.3f\n' "PUT transcript ($CUES cues; median of $RUNS)" "$PUT"
printf '%-62s %10.3f\n' "ffmpeg -i transcript.vtt transcript.srt (median of $RUNS)" "$FFMPEG"
printf '%-62s %10s\n' "ratio" "$(echo "scale=2; $PUT / $FFMPEG" | bc -l)×"
printf '%-62s %10s  (%s bytes gzipped)\n' "GET .vtt, first (built)" ${VTT_COLD}
printf '%-62s %10s\n' "GET .vtt, again (from memory)" "${VTT_WARM% *}"
printf '%-62s %10s  (%s bytes gzipped)\n' "GET .html, first (built)" ${HTML_COLD}
printf '%-62s %10s  (%s bytes)\n' "episode page with the transcript, first" ${PAGE_COLD}
printf '%-62s %10s\n' "episode page, again" "${PAGE_WARM% *}"
