// Package syndication finds documents of different outlets that carry the
// same running text, such as one wire story republished with each outlet's
// own intro or closing, and says which parts of each later copy are the
// shared copy, so that a syndicated story can be counted once.
//
// The method is an exact index of 8-word shingles. A shingle is ShingleWords
// consecutive own-voice tokens of a document. Quoted and boilerplate tokens
// are taken out of the sequence before shingling: they form no shingles and
// do not break a run of own text around them, so two stories that merely
// quote the same statement share nothing, while a copied story with a quote
// inside stays one run. A shingle's hash is FNV-1a 64 of its tokens' Norm
// strings, each followed by the byte 0xFF; valid UTF-8 never holds that byte,
// so "ab c" and "a bc" differ. FNV needs no seed, so results are the same run
// to run. The index keeps per document its shingle hashes in text order with
// the positions of their tokens, and postings from each hash to the
// documents holding it.
//
// Two documents of different outlets are linked when they share at least
// Options.MinShared distinct shingles and at least Options.MinFraction of the
// shorter document's distinct shingles. Clusters are the connected groups of
// links (union-find). Documents are ordered by (order, id), the order being
// what the caller passes as the publication date; the first member of a
// cluster is the one whose text counts, and Copied gives the spans of a later
// member that occur in an earlier member of another outlet.
//
// Cost: per own-voice token the index keeps 8 bytes of hash and 12 of
// positions, plus the postings: a map entry per distinct shingle (a few tens
// of bytes) and 4 bytes for each further document that holds it. Linking
// counts every pair of documents under each shared shingle, so a shingle held
// by n documents costs n² steps; recurring boilerplate should be marked as not
// own voice. That makes an exact index right up to some hundred thousand
// documents. Beyond that MinHash with locality-sensitive hashing would bound
// both memory and pair counting; it is not built.
package syndication
