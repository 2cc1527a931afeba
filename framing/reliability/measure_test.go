package reliability

import (
	"reflect"
	"strings"
	"testing"

	"github.com/framingkit/framing/framing/analysis"
	"github.com/framingkit/framing/framing/corpus"
	"github.com/framingkit/framing/lang"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/token"
)

// TestReliabilityConstructed checks every indicator's counts on short
// texts written for the purpose, hard cases included: attribution after
// and before a quotation, an inverted "said Peskov", a pronoun whose source
// is named in the previous sentence, nested quotations, scare quotes,
// anonymous and unspecified sources, and state-media labels before, inside
// and after the name.
func TestReliabilityConstructed(t *testing.T) {
	tests := []struct {
		name, outlet, text string
		check              func(t *testing.T, r Counts)
	}{
		{"attribution after the quote, source in the previous sentence", "", `Dmitry Peskov spoke on Monday. "We will win," he said.`, func(t *testing.T, r Counts) {
			want(t, "sentences, attributed, named", []int{r.Sentences, r.Attributed, r.Named}, []int{2, 1, 1})
			wantSources(t, r, map[string]int{"Dmitry Peskov": 1})
		}},
		{"attribution before the quote", "", `Peskov said: "We will win."`, func(t *testing.T, r Counts) {
			want(t, "attributed, named, quotations", []int{r.Attributed, r.Named, r.Quotations}, []int{1, 1, 1})
			wantSources(t, r, map[string]int{"Peskov": 1})
		}},
		{"inverted attribution", "", `"We will win," said Dmitry Peskov.`, func(t *testing.T, r Counts) {
			wantSources(t, r, map[string]int{"Dmitry Peskov": 1})
		}},
		{"according to", "", `The war will end soon, according to the Kremlin.`, func(t *testing.T, r Counts) {
			wantSources(t, r, map[string]int{"Kremlin": 1})
		}},
		{"a pronoun with no one named before", "", `"We will win," he said.`, func(t *testing.T, r Counts) {
			want(t, "named, unspecified", []int{r.Named, r.Unspecified}, []int{0, 1})
		}},
		{"the agency: the source named before", "", `KCNA published a statement. The agency said the mutiny failed.`, func(t *testing.T, r Counts) {
			wantSources(t, r, map[string]int{"KCNA": 1})
		}},
		{"reported speech: the subject, not what was said", "", `Leif-Eric Easley, a professor in Seoul, said Russian President Vladimir Putin's war threatens Russia.`, func(t *testing.T, r Counts) {
			wantSources(t, r, map[string]int{"Leif-Eric Easley": 1})
		}},
		{"anonymous sources", "", `Officials who asked not to be named said the talks failed. It is reported that the army left.`, func(t *testing.T, r Counts) {
			want(t, "attributions, anonymous, named", []int{r.Attributions, r.Anonymous, r.Named}, []int{2, 2, 0})
		}},
		{"a description that names no one", "", `Officials said the talks failed.`, func(t *testing.T, r Counts) {
			want(t, "unspecified, named, anonymous", []int{r.Unspecified, r.Named, r.Anonymous}, []int{1, 0, 0})
		}},
		{"a noun is not an attribution", "", `The Defense Ministry dismissed the claims.`, func(t *testing.T, r Counts) {
			want(t, "attributions, attributed", []int{r.Attributions, r.Attributed}, []int{0, 0})
		}},
		{"nested quotations", "", `The minister said: «They call it "a special operation", but it is a war.»`, func(t *testing.T, r Counts) {
			// One quotation holds the other: one direct quotation, and the
			// inner words are not a scare quote of the outlet's.
			want(t, "quotations, scare quotes, attributed", []int{r.Quotations, r.ScareQuotes, r.Attributed}, []int{1, 0, 1})
		}},
		{"scare quotes and distancing words", "", `Russia's "special operation" went on. The so-called referendum was held.`, func(t *testing.T, r Counts) {
			want(t, "scare quotes, distancing", []int{r.ScareQuotes, r.Distancing}, []int{1, 1})
			var targets []string
			for _, x := range r.Targets {
				targets = append(targets, x.Marker+" → "+x.Target)
			}
			if got := strings.Join(targets, "; "); got != `so-called → referendum was held; scare quotes → "special operation"` {
				t.Errorf("targets %q", got)
			}
		}},
		{"hedges, boosters, superlatives", "", `The claims may be unverified, but Russia will certainly win an unprecedented victory in May.`, func(t *testing.T, r Counts) {
			want(t, "hedges, boosters, superlatives", []int{r.Hedges, r.Boosters, r.Superlatives}, []int{2, 1, 1})
		}},
		{"source concentration", "", `KCNA said the army won. KCNA said the talks failed. Peskov said nothing.`, func(t *testing.T, r Counts) {
			wantSources(t, r, map[string]int{"KCNA": 2, "Peskov": 1})
		}},
		{"state media named without a label", "", `KCNA said the mutiny failed.`, func(t *testing.T, r Counts) {
			want(t, "cited, labelled", []int{r.StateMediaCited, r.StateMediaLabelled}, []int{1, 0})
		}},
		{"a label before the name", "", `North Korea's state news agency KCNA said the mutiny failed.`, func(t *testing.T, r Counts) {
			want(t, "cited, labelled", []int{r.StateMediaCited, r.StateMediaLabelled}, []int{1, 1})
		}},
		{"a modifier inside the name, and the acronym after it", "", `The official Korean Central News Agency (KCNA) said so. State KCNA news agency said more.`, func(t *testing.T, r Counts) {
			want(t, "cited, labelled", []int{r.StateMediaCited, r.StateMediaLabelled}, []int{2, 2})
		}},
		{"a label in apposition", "", `TASS, the state news agency, said the mutiny failed.`, func(t *testing.T, r Counts) {
			want(t, "cited, labelled", []int{r.StateMediaCited, r.StateMediaLabelled}, []int{1, 1})
		}},
		{"a label in another sentence does not count", "", `State media reported the news. Hours later KCNA said the mutiny failed.`, func(t *testing.T, r Counts) {
			want(t, "cited, labelled", []int{r.StateMediaCited, r.StateMediaLabelled}, []int{1, 0})
		}},
		{"an outlet naming itself", "TASS", `MOSCOW, June 25. /TASS/. The Kremlin said the mutiny failed.`, func(t *testing.T, r Counts) {
			want(t, "cited", []int{r.StateMediaCited}, []int{0})
		}},
		{"quoted mentions are the source's", "", `Peskov said: "KCNA is right."`, func(t *testing.T, r Counts) {
			want(t, "cited", []int{r.StateMediaCited}, []int{0})
		}},
		{"loaded terms", "", `The invasion went on. The special military operation went on.`, func(t *testing.T, r Counts) {
			want(t, "loaded", []int{r.Loaded}, []int{2})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.check(t, measure(t, tt.outlet, tt.text))
		})
	}
}

func want(t *testing.T, what string, got, want []int) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func wantSources(t *testing.T, r Counts, want map[string]int) {
	t.Helper()
	if !reflect.DeepEqual(r.Sources, want) {
		t.Errorf("sources %v, want %v (citations %+v)", r.Sources, want, r.Citations)
	}
}

// measure measures text as the scorer does: analysed with the English
// pack, its categories and poled labels those of the built-in lexicon, the
// state media those of the built-in outlets list.
func measure(t *testing.T, outlet, text string) Counts {
	t.Helper()
	m, err := lexicon.CompileBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	a, err := analysis.New(lang.English())
	if err != nil {
		t.Fatal(err)
	}
	outlets, err := corpus.BuiltinOutlets()
	if err != nil {
		t.Fatal(err)
	}
	sm, err := NewStateMedia(outlets)
	if err != nil {
		t.Fatal(err)
	}
	an := a.Analyze(analysis.Input{Text: text})
	loaded := 0
	for _, h := range m.MatchLabels(nil, an.Tokens) {
		if an.Tokens[h.First].Voice == token.Own && m.Labels()[h.ID].Pole != 0 {
			loaded++
		}
	}
	var hits []Hit
	for _, h := range m.MatchCategories(nil, an.Tokens) {
		hits = append(hits, Hit{Category: m.Categories()[h.ID], First: h.First, End: h.End, Voice: an.Tokens[h.First].Voice})
	}
	return NewMeasurer(lang.English(), sm).Measure(text, an, hits, loaded, outlet)
}
