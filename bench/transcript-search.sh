#!/usr/bin/env bash
# Benchmark: reading a three-hour transcript (4,500 cues, 18 chapters) on the episode page in headless
# Chromium: the page's arrival, the one-time folding of the text for search, and each search keystroke
# (its input handler and the time to the next frame), beside the browser's frame budget (16.7 ms at
# 60 Hz) and the 50 ms past which a task is "long" (RAIL). The measuring is TranscriptReadingE2E's
# (it asserts what the search finds, never how fast); this runs it alone and prints what it measured.
# Usage: bench/transcript-search.sh        Needs: what the e2e profile needs (chromium, chromium-driver, ffmpeg).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f target/bench/transcript-search.txt
mvn -B -q verify -Pe2e -Dit.test=TranscriptReadingE2E -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfailsafe.failIfNoSpecifiedTests=false >/dev/null
cat target/bench/transcript-search.txt
awk '/^  "/ && !/^  "\(/ { n = $NF; if (n > worst) { worst = n; query = $1 } } END {
    printf "\nslowest keystroke to the next frame: %s ms (%s) = %.1f frames of 16.7 ms, %.2f× the 50 ms of a long task\n",
        worst, query, worst / 16.7, worst / 50 }' target/bench/transcript-search.txt
