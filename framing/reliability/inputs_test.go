package reliability

import (
	"errors"
	"testing"

	"github.com/framingkit/framing/framing/analysis"
	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/lexicon"
)

// input is one document as the scorer hands it to Measure: its text and
// outlet, the pack of its language, its analysis, its category hits (in
// text order, with the voice of their first token) and its loaded count.
type input struct {
	text, outlet string
	pack         *lang.Pack
	an           *analysis.Analysis
	hits         []Hit
	loaded       int
}

// preparer analyses documents as the scorer does (framing.Scorer), with
// the built-in lexicon, one analyser per language.
type preparer struct {
	m         *lexicon.Matcher
	analyzers map[string]*analysis.Analyzer
}

func newPreparer(tb testing.TB) *preparer {
	tb.Helper()
	m, err := lexicon.CompileBuiltin()
	if err != nil {
		tb.Fatal(err)
	}
	return &preparer{m: m, analyzers: map[string]*analysis.Analyzer{}}
}

// prepare analyses text, whose language code is code ("" to detect it).
func (p *preparer) prepare(tb testing.TB, text, code, outlet string) input {
	tb.Helper()
	code = lang.Code(code)
	if code == "" {
		code = lang.Detect(text)
	}
	pack := lang.ForText(code, text)
	a := p.analyzers[pack.Language]
	if a == nil {
		var err error
		if a, err = analysis.New(pack); err != nil {
			tb.Fatal(err)
		}
		p.analyzers[pack.Language] = a
	}
	in := analysis.Input{Text: text}
	if header, _, _, ok := analysis.Header(text); ok {
		in.Header = header
	}
	an := a.Analyze(in)
	enc := p.m.Encode(an.Tokens, nil)
	loaded := 0
	for _, h := range p.m.MatchLabelsIn(nil, enc) {
		if an.Tokens[h.First].Voice.Prose() && p.m.Labels()[h.ID].Pole != 0 {
			loaded++
		}
	}
	var hits []Hit
	for _, h := range p.m.MatchCategoriesIn(nil, enc) {
		hits = append(hits, Hit{Category: p.m.Categories()[h.ID], First: h.First, End: h.End, Voice: an.Tokens[h.First].Voice})
	}
	return input{text: text, outlet: outlet, pack: pack, an: an, hits: hits, loaded: loaded}
}

// readCorpus reads the documents under paths as a run does (a
// directory's manifest gives their outlets and languages), at most limit
// bytes of text of them (0: all).
func readCorpus(tb testing.TB, limit int, paths ...string) []corpus.Document {
	tb.Helper()
	var docs []corpus.Document
	size := 0
	_, err := corpus.Read(paths, corpus.Options{}, func(d corpus.Document) error {
		if limit > 0 && size >= limit {
			return errEnough
		}
		docs = append(docs, d)
		size += len(d.Text)
		return nil
	})
	if err != nil && err != errEnough {
		tb.Fatal(err)
	}
	return docs
}

var errEnough = errors.New("enough documents")
