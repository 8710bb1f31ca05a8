"""Reads the images inside an MP3's CHAP frames as mutagen and eyeD3 see them, and the chapter
images of a feed as podcastparser (gPodder) sees them; prints what they saw as JSON.

Usage: read_chapter_images.py MP3_FILE FEED_URL
"""
import hashlib
import io
import json
import sys
import urllib.request

import eyed3
import mutagen.id3
import podcastparser

path, feed_url = sys.argv[1], sys.argv[2]


def picture(mime, picture_type, data):
    linked = mime == "-->"
    return {
        "mime": mime,
        "type": int(picture_type),
        "url": data.decode("latin-1") if linked else None,
        "sha256": None if linked else hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
    }


tag = mutagen.id3.ID3(path)
by_mutagen = []
for chap in sorted(tag.getall("CHAP"), key=lambda c: c.start_time):
    title = chap.sub_frames.getall("TIT2")
    by_mutagen.append({
        "id": chap.element_id,
        "start": chap.start_time,
        "end": chap.end_time,
        "title": str(title[0]) if title else None,
        "pictures": [picture(f.mime, f.type, f.data) for f in chap.sub_frames.getall("APIC")],
    })

eyed3.log.setLevel("ERROR")
by_eyed3 = []
for chap in eyed3.load(path).tag.chapters:
    frames = chap.sub_frames.get(b"APIC", [])
    by_eyed3.append({
        "id": chap.element_id.decode("latin-1"),
        "start": chap.times[0],
        "title": chap.title,
        # eyeD3 keeps a linked image's URL apart from the data
        "pictures": [picture("-->", f.picture_type, f.image_url) if f.image_url
                     else picture(f.mime_type.decode("latin-1") if isinstance(f.mime_type, bytes) else f.mime_type,
                                  f.picture_type, f.image_data)
                     for f in frames],
    })

with urllib.request.urlopen(feed_url) as response:
    show = podcastparser.parse(feed_url, io.BytesIO(response.read()))

print(json.dumps({
    "mutagen": by_mutagen,
    "eyed3": by_eyed3,
    "podcastparser": [[{"start": c["start"], "title": c["title"], "image": c.get("image")} for c in e.get("chapters", [])]
                      for e in show["episodes"]],
}))
