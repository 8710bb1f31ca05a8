"""Reads a transcript's published files as other programs do; prints what they saw as JSON.

webvtt-py reads the WebVTT (its captions with their voice tag), srt (python3-srt) the SubRip file,
the standard json module the Podcasting 2.0 JSON.

Usage: read_transcripts.py FILE.vtt FILE.srt FILE.json
"""
import json
import sys

import srt
import webvtt

vtt_path, srt_path, json_path = sys.argv[1:4]


def millis(delta):
    return delta.days * 86_400_000 + delta.seconds * 1000 + delta.microseconds // 1000


def vtt_millis(stamp):
    hours, minutes, seconds = stamp.split(":")
    whole, fraction = seconds.split(".")
    return ((int(hours) * 60 + int(minutes)) * 60 + int(whole)) * 1000 + int(fraction)


with open(srt_path, encoding="utf-8") as f:
    subtitles = list(srt.parse(f.read()))
with open(json_path, encoding="utf-8") as f:
    segments = json.load(f)["segments"]

print(json.dumps({
    "webvtt": [{"start": vtt_millis(c.start), "end": vtt_millis(c.end), "text": c.text, "raw": c.raw_text}
               for c in webvtt.read(vtt_path)],
    "srt": [{"start": millis(s.start), "end": millis(s.end), "text": s.content} for s in subtitles],
    "json": [{"start": round(s["startTime"] * 1000), "end": round(s["endTime"] * 1000), "speaker": s.get("speaker"),
              "text": s["body"]} for s in segments],
}, ensure_ascii=False))
