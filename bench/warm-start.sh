#!/usr/bin/env bash
# Benchmark: the first pages after a restart, side by side with the same pages once warm. The jar
# runs on one H2 data folder holding a show with a published episode; it is restarted ROUNDS times
# (default 3) in each of two orders: the listener's pages first (an episode page, the show, the
# home page, the feed, then the studio), and the producer's first (the sign-in page, signing in,
# the shows, the show, the episode, the chapter editor, then the public pages). For each page:
# the time of its first request after the restart (curl's time_total, from the moment the server
# says it is ready) and the median of WARM (default 20) requests once everything was asked once;
# the ratio first/warm is what a producer or listener feels after a restart.
# Usage: [ROUNDS=3] [WARM=20] [JAR=target/chapitre.jar] [KEEP=1] bench/warm-start.sh
# Needs: the jar, curl, python3, ffmpeg.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/databases.sh
bench_init warm-start
ROUNDS=${ROUNDS:-3}
WARM=${WARM:-20}
DATA="$WORK/data"

ffmpeg -loglevel error -f lavfi -i sine=frequency=440:duration=120 -ac 2 -ar 44100 -b:a 128k "$WORK/episode.mp3"
chapitre_start h2 CHAPITRE_DATA_DIR="$DATA"
curl -fs -u "$ADMIN:$PASSWORD" -H 'Content-Type: application/json' -d '{"title":"Épique","language":"fr","slug":"epique"}' \
    "$BASE/api/podcasts" >/dev/null
curl -fs -u "$ADMIN:$PASSWORD" -F 'episode={"title":"1. 2017 – 1er PM","slug":"premier","publishedAt":"2026-01-01T00:00:00Z"};type=application/json' \
    -F "audio=@$WORK/episode.mp3;type=audio/mpeg" "$BASE/api/podcasts/epique/episodes" >/dev/null
curl -fs -u "$ADMIN:$PASSWORD" -X PUT -H 'Content-Type: text/plain' --data-binary $'00:00:00 Ouverture\n00:01:00 Le premier ministre' \
    "$BASE/api/podcasts/epique/episodes/premier/chapters" >/dev/null
chapitre_stop

PUBLIC=(/podcasts/epique/premier /podcasts/epique / /feeds/epique.xml)
STUDIO=(/studio /studio/shows/epique /studio/shows/epique/episodes/premier /studio/shows/epique/episodes/premier/chapters)

# One request: prints its seconds. Studio pages with the session in $WORK/cookies.
timed() {
    curl -fs -o /dev/null -b "$WORK/cookies" -w '%{time_total}\n' "$BASE$1"
}

sign_in() {
    local page token
    rm -f "$WORK/cookies"
    page=$(curl -fs -c "$WORK/cookies" -w '\n%{time_total}' "$BASE/studio/sign-in")
    echo "/studio/sign-in $(tail -n 1 <<<"$page")" >>"$1"
    token=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' <<<"$page" | head -n 1)
    curl -fs -o /dev/null -b "$WORK/cookies" -c "$WORK/cookies" -w "sign-in(POST) %{time_total}\n" \
        --data-urlencode "csrf=$token" --data-urlencode "email=$ADMIN" --data-urlencode "password=$PASSWORD" \
        "$BASE/studio/sign-in" >>"$1"
}

for order in listener producer; do
    for round in $(seq 1 "$ROUNDS"); do
        chapitre_start h2 CHAPITRE_DATA_DIR="$DATA"
        first="$WORK/first-$order-$round"
        : >"$first"
        if [[ $order == listener ]]; then
            for path in "${PUBLIC[@]}"; do echo "$path $(timed "$path")" >>"$first"; done
            sign_in "$first"
            for path in "${STUDIO[@]}"; do echo "$path $(timed "$path")" >>"$first"; done
        else
            sign_in "$first"
            for path in "${STUDIO[@]}"; do echo "$path $(timed "$path")" >>"$first"; done
            for path in "${PUBLIC[@]}"; do echo "$path $(timed "$path")" >>"$first"; done
        fi
        for path in "${PUBLIC[@]}" "${STUDIO[@]}"; do
            for _ in $(seq 1 "$WARM"); do echo "$path $(timed "$path")"; done
        done >>"$WORK/warm"
        chapitre_stop
    done
done

python3 - "$WORK" "$ROUNDS" <<'PY'
import glob, statistics, sys
from collections import defaultdict
work, rounds = sys.argv[1], int(sys.argv[2])
warm = defaultdict(list)
for line in open(f"{work}/warm"):
    path, seconds = line.split()
    warm[path].append(float(seconds))
for order in ("listener", "producer"):
    print(f"\n{order}'s pages first ({rounds} restarts; first request after the restart, then the median of warm ones):")
    first = defaultdict(list)
    sequence = []
    for name in sorted(glob.glob(f"{work}/first-{order}-*")):
        for line in open(name):
            path, seconds = line.split()
            if path not in first:
                sequence.append(path)
            first[path].append(float(seconds))
    for path in sequence:
        cold = statistics.median(first[path])
        hot = statistics.median(warm[path]) if path in warm else None
        ratio = f"{cold / hot:6.1f}x" if hot else "   (no warm figure: one per session)"
        print(f"  {path:55} first {cold * 1000:7.0f} ms   warm {hot * 1000 if hot else 0:6.1f} ms  {ratio}")
PY
