#!/usr/bin/env python3
"""html-accuracy.py DIR: how right luot's HTML extractor is on saved pages.

DIR holds pages and truth.jsonl, one object a page, written by a person
reading the page as it shows in a browser:
  {"file": "pages/001.html", "title": "...", "date": "YYYY-MM-DD",
   "time": "HH:MM" or null, "author": "..." or null,
   "first_words": "...", "last_words": "...", "junk": ["...", ...]}
Each page is imported alone (luot import, a fresh database) and its
article compared: title (NFC, spaces squeezed, equal), date (and time
when the page shows one), author (the same names, however joined, or
both none), the body's first
and last words present, no junk string in the text. Prints a line per
page that misses something, then the share right for each field.
Needs python3; luot from $LUOT or the build tree.
"""
import json, os, re, subprocess, sys, tempfile, unicodedata

here = os.path.dirname(os.path.abspath(__file__))
luot = os.environ.get("LUOT", os.path.join(here, "..", "..", "src", "luot"))


def norm(s):
    if s is None:
        return None
    s = unicodedata.normalize("NFC", s)
    return " ".join(s.split())


def fold(s):
    return norm(s).casefold() if s is not None else None


def names(s):
    """The names of a byline, whatever joins them ("A - B", "A, B", "A và B")."""
    if s is None:
        return None
    parts = re.split(r"\s*(?:,|;|&| - | – | — | và | and )\s*", fold(s))
    return frozenset(p for p in parts if p)


def extract(path, work):
    db = os.path.join(work, "a.db")
    if os.path.exists(db):
        os.remove(db)
    r = subprocess.run([luot, "--db", db, "import", "-q", path],
                       capture_output=True, text=True)
    if r.returncode not in (0, 1):
        return None, r.stderr.strip()
    lst = subprocess.run([luot, "--db", db, "list", "--json"],
                         capture_output=True, text=True).stdout.strip()
    if not lst:
        return None, (r.stderr.strip() or "nothing imported")
    item = json.loads(lst.splitlines()[0])
    show = subprocess.run([luot, "--db", db, "show", "--json", str(item["id"])],
                          capture_output=True, text=True).stdout
    return json.loads(show), None


def main():
    d = sys.argv[1]
    fields = ["title", "date", "author", "first", "last", "junk"]
    right = {f: 0 for f in fields}
    n = 0
    with tempfile.TemporaryDirectory() as work, open(os.path.join(d, "truth.jsonl")) as f:
        for line in f:
            if not line.strip():
                continue
            t = json.loads(line)
            n += 1
            a, err = extract(os.path.join(d, t["file"]), work)
            miss = []
            if a is None:
                print(f"{t['file']}: no article ({err})")
                continue
            text = norm("\n".join(a["paragraphs"]))
            ok = {
                "title": norm(a["title"]) == norm(t["title"]),
                "date": (a.get("published") or "").startswith(t["date"] or "-") and
                        (not t.get("time") or (a.get("published") or "")[11:16] == t["time"]),
                "author": names(a.get("author")) == names(t.get("author")),
                "first": norm(t["first_words"]) in text if t.get("first_words") else True,
                "last": norm(t["last_words"]) in text if t.get("last_words") else True,
                "junk": not any(norm(j) in text for j in t.get("junk", []) if j),
            }
            for k in fields:
                if ok[k]:
                    right[k] += 1
                else:
                    miss.append(k)
            if miss:
                got = {"title": a["title"], "published": a.get("published"),
                       "author": a.get("author")}
                print(f"{t['file']} ({t.get('site', '?')}): wrong {', '.join(miss)}; got "
                      f"{json.dumps(got, ensure_ascii=False)}")
    print(f"{n} pages")
    for k in fields:
        print(f"  {k:7s} {right[k]:4d} / {n}  {100.0 * right[k] / max(n, 1):5.1f}%")


if __name__ == "__main__":
    main()
