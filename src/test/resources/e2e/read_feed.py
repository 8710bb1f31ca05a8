"""Reads a feed as gPodder (podcastparser) and as feedparser do; prints what they saw as JSON.

Usage: read_feed.py FEED_URL
"""
import io
import json
import sys
import urllib.request
import xml.etree.ElementTree as ElementTree

import feedparser
import podcastparser

url = sys.argv[1]
with urllib.request.urlopen(url) as response:
    body = response.read()

show = podcastparser.parse(url, io.BytesIO(body))
parsed = feedparser.parse(body)

print(json.dumps({
    "podcastparser": {
        "title": show.get("title"),
        "episodes": [{
            "title": e["title"],
            "guid": e["guid"],
            "total_time": e["total_time"],
            "published": e["published"],
            "enclosures": [{"url": x["url"], "file_size": x["file_size"], "mime_type": x["mime_type"]} for x in e["enclosures"]],
            "chapters": [{"start": c["start"], "title": c["title"]} for c in e.get("chapters", [])],
        } for e in show["episodes"]],
    },
    "feedparser": {
        "bozo": bool(parsed.bozo),
        "bozo_exception": str(parsed.get("bozo_exception", "")),
        "title": parsed.feed.get("title"),
        "entries": [{
            "title": e.get("title"),
            "podcast_chapters": e.get("podcast_chapters"),
            # feedparser keeps one podcast:transcript per entry (the last one it read)
            "podcast_transcript": e.get("podcast_transcript"),
        } for e in parsed.entries],
    },
    # every podcast:transcript of each item, in order, as the standard library's XML parser reads them
    "transcripts": [[dict(t.attrib) for t in item.findall("{https://podcastindex.org/namespace/1.0}transcript")]
                    for item in ElementTree.fromstring(body).iter("item")],
}, ensure_ascii=False))
