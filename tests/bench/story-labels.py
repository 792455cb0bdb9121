#!/usr/bin/env python3
"""Grouping precision and recall on the labelled pairs (story-labels.tsv).

Usage: story-labels.py DB [LABELS]
DB is a luot store holding the baomoi crawl (magizbox/scraper,
vn_news/data, imported as it is: tests/bench/crawl.sh); LABELS defaults to
the story-labels.tsv beside this script. A pair counts as grouped when
both articles are in one story (article.story). Precision and recall are
weighted by how many of the crawl's pairs each stratum of likeness holds,
as the labels were drawn (tests/bench/README.md).
"""
import os
import sqlite3
import sys

STRATA = {"0.2-0.3": 1370, "0.3-0.4": 1066, "0.4-0.5": 448, "0.5-0.7": 307,
          "0.7-1": 121, "sim": 148}


def main():
    db = sqlite3.connect(sys.argv[1])
    labels = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "story-labels.tsv")
    story = {}
    for aid, path, st in db.execute("SELECT id, path, coalesce(story, 0) FROM article"):
        story[os.path.basename(path).rsplit(".", 1)[0]] = st or -aid
    rows, count = [], {}
    for line in open(labels, encoding="utf-8"):
        if line.startswith("#") or line.startswith("a\t"):
            continue
        a, b, stratum, label = line.rstrip("\n").split("\t")[:4]
        if label not in ("same", "different") or a not in story or b not in story:
            continue
        rows.append((stratum, label == "same", story[a] == story[b]))
        count[stratum] = count.get(stratum, 0) + 1
    tp = fp = pos = 0.0
    for stratum, same, grouped in rows:
        w = STRATA[stratum] / count[stratum]
        pos += w * same
        tp += w * (same and grouped)
        fp += w * (not same and grouped)
    print("%d labelled pairs" % len(rows))
    print("precision %.3f  recall %.3f  (weighted by stratum)" %
          (tp / (tp + fp) if tp + fp else 0, tp / pos if pos else 0))
    for s in sorted(count):
        n = sum(1 for r in rows if r[0] == s)
        same = sum(1 for r in rows if r[0] == s and r[1])
        g_same = sum(1 for r in rows if r[0] == s and r[1] and r[2])
        g_diff = sum(1 for r in rows if r[0] == s and not r[1] and r[2])
        print("  %-8s %2d pairs: grouped %2d of %2d same, %2d of %2d different" %
              (s, n, g_same, same, g_diff, n - same))


main()
