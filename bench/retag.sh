#!/usr/bin/env bash
# Benchmark: re-tag a 60-minute 128 kbit/s MP3 (~58 MB) with 20 chapters, side by side with
# `cp` (+ sync) of the same file (the limit), ffmpeg -c copy with a chapters file, eyeD3 and
# mutagen (Debian's /usr/bin/python3), each the median of RUNS runs. Our re-tag runs with a 64 MiB heap.
# Usage: bench/retag.sh [RUNS]   Needs: target/classes (mvn -q package -DskipTests), python3,
# ffmpeg, eyed3 and python3-mutagen from Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
WORK=$(mktemp -d /tmp/chapitre-bench-retag.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
JAUDIOTAGGER=$(find ~/.m2/repository/net/jthink/jaudiotagger/3.0.1 -name 'jaudiotagger-3.0.1.jar' | head -1)
[[ -d target/classes && -n $JAUDIOTAGGER ]] || { echo "Build first: mvn -q package -DskipTests" >&2; exit 1; }

# 60 minutes of 128 kbit/s CBR: the test fixture's MPEG frames, repeated.
python3 - "$WORK/in.mp3" <<'PY'
import sys
src = open("src/test/resources/audio/tone-cbr-128k.mp3", "rb").read()
size = 10 + ((src[6] & 0x7f) << 21 | (src[7] & 0x7f) << 14 | (src[8] & 0x7f) << 7 | (src[9] & 0x7f))
frames = src[size:]
out = open(sys.argv[1], "wb")
target = 128000 // 8 * 3600
written = 0
while written < target:
    out.write(frames); written += len(frames)
PY
echo "file: $(stat -c %s "$WORK/in.mp3") bytes, $(ffprobe -v error -show_entries format=duration -of csv=p=0 "$WORK/in.mp3") s"

{
    echo ";FFMETADATA1"
    for i in $(seq 0 19); do
        printf '[CHAPTER]\nTIMEBASE=1/1000\nSTART=%d\nEND=%d\ntitle=Chapitre %d – révision\n' $((i*180000)) $(((i+1)*180000)) $((i+1))
    done
} > "$WORK/meta.txt"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() {
    local s e
    s=$(date +%s%N)
    if ! "$@" >/dev/null 2>"$WORK/error.log"; then echo "$* failed:" >&2; cat "$WORK/error.log" >&2; return 1; fi
    e=$(date +%s%N)
    echo $(( (e - s) / 1000000 ))
}

cp_run() { cp "$WORK/in.mp3" "$WORK/cp.mp3" && sync "$WORK/cp.mp3"; }
ffmpeg_run() { ffmpeg -y -v error -i "$WORK/in.mp3" -i "$WORK/meta.txt" -map_metadata 1 -map_chapters 1 -c copy "$WORK/ffmpeg.mp3"; }
cp "$WORK/in.mp3" "$WORK/eyed3.mp3"; cp "$WORK/in.mp3" "$WORK/mutagen.mp3"
eyed3_run() { /usr/bin/python3 - "$WORK/eyed3.mp3" <<'PY'
import sys, eyed3, random
eyed3.log.setLevel("ERROR")
f = eyed3.load(sys.argv[1])
if f.tag is None: f.initTag()
tag = f.tag
for c in list(tag.chapters): tag.chapters.remove(c.element_id)
for t in list(tag.table_of_contents): tag.table_of_contents.remove(t.element_id)
for i in range(20):
    c = tag.chapters.set(b"ch%d" % i, (i * 180000, (i + 1) * 180000))
    c.title = "Chapitre %d – révision %d" % (i + 1, random.randint(0, 1 << 30))
tag.table_of_contents.set(b"toc", toplevel=True, ordered=True, child_ids=[b"ch%d" % i for i in range(20)])
tag.save(version=(2, 3, 0))
PY
}
mutagen_run() { /usr/bin/python3 - "$WORK/mutagen.mp3" <<'PY'
import sys, random
from mutagen.id3 import ID3, CHAP, CTOC, TIT2, CTOCFlags, ID3NoHeaderError
try: tags = ID3(sys.argv[1])
except ID3NoHeaderError: tags = ID3()
tags.delall("CHAP"); tags.delall("CTOC")
for i in range(20):
    tags.add(CHAP(element_id="ch%d" % i, start_time=i * 180000, end_time=(i + 1) * 180000,
                  sub_frames=[TIT2(encoding=1, text=["Chapitre %d – révision %d" % (i + 1, random.randint(0, 1 << 30))])]))
tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=["ch%d" % i for i in range(20)]))
tags.save(sys.argv[1], v2_version=3)
PY
}

for tool in cp ffmpeg eyed3 mutagen; do
    if [[ $tool == mutagen ]] && ! /usr/bin/python3 -c 'import mutagen' 2>/dev/null; then echo "mutagen: not installed (apt-get install python3-mutagen)"; continue; fi
    for _ in $(seq 1 "$RUNS"); do time_ms ${tool}_run; done | median | xargs printf "%s %s ms (median of $RUNS)\n" "$tool"
done
java -Xmx64m -cp "target/classes:$JAUDIOTAGGER" bench/RetagBench.java "$WORK/in.mp3" "$RUNS" "$WORK/data"
