#!/usr/bin/python3
"""What quanteda's rules count on the seeds, for the differential test.

R's quanteda cannot be installed on this project's machines (it is not among
Debian's packages, and neither CRAN nor its GitHub sources can be reached),
so this script follows quanteda 3's documented rules with the same Unicode
word-boundary rules that quanteda gets from stringi (ICU):

  tokens(x, what = "word", remove_punct = TRUE)   # split_hyphens = FALSE
  tokens_lookup(toks, dict, valuetype = "glob",
                case_insensitive = TRUE, nested_scope = "dictionary")

  1. tokenize_word(): drop variation selectors; keep hyphenated words whole
     by rewriting "(\\w)\\p{Pd}+" as "$1_hy_" before segmenting and
     "_hy_" back to "-" after; segment with ICU's word break iterator.
  2. remove_separators (the default) drops whitespace tokens and
     remove_punct drops tokens matching ^\\p{P}+$; nothing else is removed.
  3. A dictionary value is a sequence of globs split at whitespace ("*" any
     characters, "?" one), matched in full against lower-cased tokens.
  4. nested_scope = "dictionary" (quanteda's C++ lookup, overlap = global):
     sequences are tried longest first, at each position from the left; a
     span whose tokens all belong to earlier matches of any key is passed
     over; otherwise every key with a value matching the span counts once,
     unless that key already holds one of the span's tokens.

Keys are named as quanteda names them: "concept.label" for nested keys and
the key itself for a top-level list.

Run with Debian's Python and PyICU (apt-get install python3-icu python3-yaml):

    /usr/bin/python3 testdata/quanteda/reference.py

It reads ru-ua-war.yml beside itself, the seeds and the texts under
constructed/, and writes reference.json beside itself: every match with its
key and its byte offsets in the document's UTF-8 text. Go's
TestQuantedaDifferential reads that file; it never runs Python.
"""

import hashlib
import json
import os
import re
import sys
import unicodedata

import icu
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
# The seeds, and constructed sentences that show each difference.
CORPORA = [os.path.join(HERE, "..", "seeds"), os.path.join(HERE, "constructed")]
DICT = os.path.join(HERE, "ru-ua-war.yml")
OUT = os.path.join(HERE, "reference.json")

DASHES = "".join(chr(c) for c in range(sys.maxunicode + 1)
                 if unicodedata.category(chr(c)) == "Pd")
HYPHENS = re.compile(r"(\w)([" + re.escape(DASHES) + r"]+)")
VARIATION = re.compile("[\ufe00-\ufe0f]|\\s[\u0300-\u036f]")


def keys_of(node, prefix=""):
    """Flattens a quanteda dictionary into (key, [value, ...])."""
    out = []
    for k, v in node.items():
        name = prefix + str(k)
        if isinstance(v, dict):
            out += keys_of(v, name + ".")
        else:
            out.append((name, [str(x) for x in v]))
    return out


def glob_regex(g):
    parts = []
    for ch in g.lower():
        if ch == "*":
            parts.append(".*")
        elif ch == "?":
            parts.append(".")
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts), re.S)


def tokens(text):
    """quanteda's tokens(remove_punct = TRUE): (token, start, end) with
    start and end as character offsets into text."""
    if VARIATION.search(text):
        # The rewrite would move offsets; no seed needs it.
        raise SystemExit("variation selectors in a seed: extend reference.py")
    # Step 1, keeping a map from each rewritten character to its original.
    out, origin, last = [], [], 0
    for m in HYPHENS.finditer(text):
        for i in range(last, m.end(1)):
            out.append(text[i])
            origin.append(i)
        for ch in "_hy_":
            out.append(ch)
            origin.append(m.start(2))
        last = m.end(2)
    for i in range(last, len(text)):
        out.append(text[i])
        origin.append(i)
    origin.append(len(text))
    rewritten = "".join(out)

    # ICU counts in UTF-16 code units; map them to Python characters.
    unit_to_char, u = {}, 0
    for i, ch in enumerate(rewritten):
        unit_to_char[u] = i
        u += 2 if ord(ch) > 0xFFFF else 1
    unit_to_char[u] = len(rewritten)

    bi = icu.BreakIterator.createWordInstance(icu.Locale.getRoot())
    bi.setText(icu.UnicodeString(rewritten))
    toks = []
    start = bi.first()
    for end in bi:
        a, b = unit_to_char[start], unit_to_char[end]
        start = end
        tok = rewritten[a:b]
        if tok.strip() == "":
            continue  # separators
        if all(unicodedata.category(c).startswith("P") for c in tok):
            continue  # ^\p{P}+$
        tok = tok.replace("_hy_", "-")
        toks.append((tok, origin[a], origin[b]))
    return toks


def lookup(toks, patterns):
    """tokens_lookup(nested_scope = "dictionary"): (key, first, end) token
    spans. Longest sequences first; a span whose tokens all belong to
    earlier matches is passed over, and a key does not match again where it
    already holds one of the span's tokens."""
    lower = [unicodedata.normalize("NFC", t[0]).lower() for t in toks]
    by_len = {}
    for key, seq in patterns:
        by_len.setdefault(len(seq), []).append((key, seq))
    taken = [False] * len(toks)   # by any key
    held = {}                     # key -> tokens it holds
    found = []
    for n in sorted(by_len, reverse=True):
        for i in range(len(toks) - n + 1):
            if all(taken[i:i + n]):
                continue
            matched = False
            for key, seq in by_len[n]:
                if not all(seq[j].fullmatch(lower[i + j]) for j in range(n)):
                    continue
                mine = held.setdefault(key, [False] * len(toks))
                if any(mine[i:i + n]):
                    continue
                found.append((key, i, i + n))
                mine[i:i + n] = [True] * n
                matched = True
            if matched:
                taken[i:i + n] = [True] * n
    return found


def byte_offsets(text):
    offs, b = [], 0
    for ch in text:
        offs.append(b)
        b += len(ch.encode("utf-8"))
    offs.append(b)
    return offs


def self_check():
    """Examples from quanteda's tokens() documentation, with the tokens its
    manual prints for remove_punct = TRUE."""
    cases = {
        "A sentence, showing how tokens() works.":
            ["A", "sentence", "showing", "how", "tokens", "works"],
        "Self-documenting code??": ["Self-documenting", "code"],
    }
    for text, want in cases.items():
        got = [t[0] for t in tokens(text)]
        if got != want:
            raise SystemExit(f"tokens({text!r}) = {got}, quanteda gives {want}")


def main():
    self_check()
    raw = open(DICT, "rb").read()
    patterns = []
    for key, values in keys_of(yaml.safe_load(raw)):
        for v in values:
            patterns.append((key, [glob_regex(w) for w in v.split()]))
    docs = {}
    for name, path in sorted((n, os.path.join(d, n)) for d in CORPORA
                             for n in os.listdir(d) if n.endswith(".txt")):
        data = open(path, "rb").read()
        text = data.decode("utf-8")
        toks = tokens(text)
        offs = byte_offsets(text)
        matches = []
        for key, first, end in lookup(toks, patterns):
            s, e = offs[toks[first][1]], offs[toks[end - 1][2]]
            matches.append({"key": key, "start": s, "end": e,
                            "text": data[s:e].decode("utf-8")})
        matches.sort(key=lambda m: (m["start"], m["end"], m["key"]))
        docs[name[:-len(".txt")]] = {
            "sha256": hashlib.sha256(data).hexdigest(),
            "tokens": len(toks),
            "matches": matches,
        }
    out = {
        "about": "quanteda 3 rules (see reference.py) on ../seeds and constructed/ with ru-ua-war.yml",
        "icu": icu.ICU_VERSION,
        "dictionary_sha256": hashlib.sha256(raw).hexdigest(),
        "documents": docs,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
