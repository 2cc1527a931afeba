#!/usr/bin/python3
"""Writes the lexicon's terms as one regular expression for ripgrep: an
alternation of every term, its words joined by \\s+, a trailing * as \\w*.
Used with rg -i -w (case-insensitive, whole words).

    /usr/bin/python3 bench/pyref/rgpattern.py lexicon.json > pattern.txt
"""
import json
import re
import sys

WORD = re.compile(r"[\w'’-]+")

alts = []
for e in json.load(open(sys.argv[1]))["entries"]:
    for term in e["terms"]:
        # Terms are objects ({"text": ..., "inflects": ...}) since the
        # lexicon gained per-term options; plain strings before.
        if isinstance(term, dict):
            term = term["text"]
        words = WORD.findall(term)
        if not words:
            continue
        parts = [re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in words]
        if term.endswith("*") and not words[-1].endswith("*"):
            parts[-1] += r"\w*"
        alts.append(r"\s+".join(parts))
print("(?:" + "|".join(sorted(set(alts), key=len, reverse=True)) + ")")
