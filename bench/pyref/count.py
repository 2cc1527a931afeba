#!/usr/bin/python3
"""The Python reference of bench/compare.sh: counts the lexicon's terms in a
JSONL corpus with Debian's python3-ahocorasick, over tokens.

    /usr/bin/python3 bench/pyref/count.py lexicon.json corpus.jsonl

Tokens are the words of each document's text, lower case (\\w+, with an
inner apostrophe); a term is its words joined by one space, matched on whole
tokens; a term ending in * matches any token that starts with its last word.
It prints the total number of hits. It is a fair, simple counter of the kind
a researcher writes, not an imitation of framing's voice and statistics.
"""
import json
import re
import sys

import ahocorasick

WORD = re.compile(r"\w+(?:['’]\w+)*")


def automaton(lexicon_path):
    entries = json.load(open(lexicon_path))["entries"]
    a = ahocorasick.Automaton()
    for e in entries:
        for term in e["terms"]:
            if isinstance(term, dict):  # {"text": ..., "inflects": ...}
                term = term["text"]
            words = WORD.findall(term.lower())
            if not words:
                continue
            prefix = term.endswith("*")
            key = " " + " ".join(words) + ("" if prefix else " ")
            a.add_word(key, key)
    a.make_automaton()
    return a


def main():
    a = automaton(sys.argv[1])
    hits = 0
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            joined = " " + " ".join(WORD.findall(text.lower())) + " "
            for _end, _key in a.iter(joined):
                hits += 1
    print(hits)


if __name__ == "__main__":
    main()
