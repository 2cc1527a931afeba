package framing

import "github.com/framingkit/framing/framing/corpus"

// Document is one article. The type lives in framing/corpus, which reads
// documents and imports nothing of ours; this alias lets callers of framing
// name it without importing the reader.
type Document = corpus.Document
