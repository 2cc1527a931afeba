package framing

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/framing/syndication"
	"github.com/framingkit/framing/lexicon"
)

// UnknownOutlet names the outlet of a document that has none in its fields,
// its manifest entry, or its URL's domain in the outlets file.
const UnknownOutlet = "unknown"

// NoContent is the skip reason of a document that has words but all of them
// on boilerplate lines: there is nothing of the article left to score.
const NoContent corpus.Reason = "no-content"

// RunOptions control Run.
type RunOptions struct {
	Corpus corpus.Options
	// Outlets names a document's outlet from its URL's domain when neither
	// the document nor the manifest does, and lists the state media the
	// reliability indicators look for; nil: the built-in list.
	Outlets *corpus.Outlets
	// Syndication, when not nil, indexes every scored document's own-voice
	// text, to find the stories that several outlets ran.
	Syndication *syndication.Index
	// Exclude, when not nil, gives the spans of a document not to count:
	// another outlet's copy of a story (see Dedupe).
	Exclude func(id string) []Span
}

// Summary accounts for every document of a run: read = scored + skipped.
type Summary struct {
	Read    int
	Scored  int
	Skipped map[corpus.Reason]int
	// IgnoredFiles counts files in the corpus directories that are not
	// documents (unknown extensions).
	IgnoredFiles int
}

// TotalSkipped is the number of documents and rows skipped for any reason.
func (s Summary) TotalSkipped() int {
	n := 0
	for _, k := range s.Skipped {
		n += k
	}
	return n
}

// String is the run summary line: "read 5, scored 4, skipped 1 (empty 1)".
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "read %d, scored %d, skipped %d", s.Read, s.Scored, s.TotalSkipped())
	if len(s.Skipped) > 0 {
		var parts []string
		for _, r := range slices.Sorted(maps.Keys(s.Skipped)) {
			parts = append(parts, fmt.Sprintf("%s %d", r, s.Skipped[r]))
		}
		fmt.Fprintf(&b, " (%s)", strings.Join(parts, ", "))
	}
	return b.String()
}

// Dedupe reads the corpus at paths once to find syndicated stories, and
// returns the index and the Exclude function of RunOptions that counts each
// story once: in its earliest outlet, with every later copy counting only
// its own additions (its intro, its closing). Skipped documents are
// reported in this pass; the second pass should not report them again.
func Dedupe(paths []string, m *lexicon.Matcher, opt RunOptions, so syndication.Options) (*syndication.Index, func(string) []Span, error) {
	idx := syndication.NewIndex()
	opt.Syndication, opt.Exclude = idx, nil
	if _, err := Run(paths, m, opt, func(Document, *Score) error { return nil }); err != nil {
		return nil, nil, err
	}
	exclude := func(id string) []Span {
		var out []Span
		for _, sp := range idx.Copied(id, so) {
			out = append(out, Span{Start: sp.Start, End: sp.End})
		}
		return out
	}
	return idx, exclude, nil
}

// Run reads the corpus at paths and scores every document with m, handing
// each document and its score to yield in corpus order. Skipped documents go to
// opt.Corpus.OnSkip and are counted; yield returning an error stops the run.
func Run(paths []string, m *lexicon.Matcher, opt RunOptions, yield func(Document, *Score) error) (Summary, error) {
	s := NewScorer(m)
	if opt.Outlets != nil {
		s.SetOutlets(opt.Outlets)
	}
	sum := Summary{Skipped: map[corpus.Reason]int{}}
	copts := opt.Corpus
	cs, err := corpus.Read(paths, copts, func(doc corpus.Document) error {
		var exclude []Span
		if opt.Exclude != nil {
			exclude = opt.Exclude(doc.ID)
		}
		sc := s.ScoreExcluding(doc, exclude)
		if sc.Tokens.Own+sc.Tokens.Quoted == 0 {
			sum.Skipped[NoContent]++
			skip := corpus.Skip{File: doc.Source, Reason: NoContent, Msg: "no article text left after dropping boilerplate lines"}
			if copts.OnSkip != nil {
				copts.OnSkip(skip)
			}
			if copts.Strict {
				return skip
			}
			return nil
		}
		if sc.Outlet == "" && opt.Outlets != nil && sc.URL != "" {
			if o, ok := opt.Outlets.ByURL(sc.URL); ok {
				sc.Outlet = o.Name
			}
		}
		if sc.Outlet == "" {
			sc.Outlet = UnknownOutlet
		}
		if opt.Syndication != nil {
			own := make([]bool, len(s.last.Tokens))
			for i, v := range s.last.Voices {
				own[i] = v == Own
			}
			opt.Syndication.Add(sc.ID, sc.Outlet, sc.Date, s.last.Tokens, own)
		}
		sum.Scored++
		return yield(doc, sc)
	})
	sum.Read = cs.Read
	sum.IgnoredFiles = cs.IgnoredFiles
	for r, n := range cs.Skipped {
		sum.Skipped[r] += n
	}
	return sum, err
}
