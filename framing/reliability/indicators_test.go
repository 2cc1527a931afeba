package reliability

import (
	"strings"
	"testing"
)

// TestIndicators checks the indicators made from counts against their
// definitions, worked by hand.
func TestIndicators(t *testing.T) {
	r := Counts{Sentences: 10, Attributed: 4, Quotations: 3, Attributions: 5, Named: 3, Anonymous: 1, Unspecified: 1,
		Sources: map[string]int{"KCNA": 2, "Peskov": 1}, StateMediaCited: 2, StateMediaLabelled: 1,
		Distancing: 1, ScareQuotes: 1, Hedges: 1, Boosters: 2, Superlatives: 1, Loaded: 4, Documents: 8, ForeignAgent: 2}
	got := map[string]float64{}
	for _, in := range Indicators(r, 400, 100, 0.95, nil) {
		got[in.Name] = float64(in.Value)
		if in.Kind != "count" && !(float64(in.Lo) <= float64(in.Value) && float64(in.Value) <= float64(in.Hi)) {
			t.Errorf("%s: %v outside its interval [%v, %v]", in.Name, in.Value, in.Lo, in.Hi)
		}
	}
	wantV := map[string]float64{
		"attribution_rate": 0.4, "quotation_share": 0.2, "quotations": 3, "named_share": 0.6, "anonymous_share": 0.2,
		"sources": 2, "top_source_share": 2.0 / 3, "state_media_cited": 2, "state_media_labelled": 1, "state_media_labelled_share": 0.5,
		"distancing_rate": 5, "hedge_rate": 2.5, "booster_rate": 7.5, "certainty_balance": 0.5, "loaded_density": 10,
		"foreign_agent_notice": 0.25,
	}
	if len(got) != len(IndicatorList) {
		t.Errorf("%d indicators, %d described", len(got), len(IndicatorList))
	}
	for name, w := range wantV {
		if d := got[name] - w; d > 1e-12 || d < -1e-12 {
			t.Errorf("%s = %v, want %v", name, got[name], w)
		}
	}
}

// TestIndicatorsLexiconLacks: an indicator whose lexicon category is missing
// (or, for loaded_density, a lexicon without poled labels) is n/a with the
// reason, in a document's indicators, a group's and the tests across groups,
// never a rate of 0 with an interval (issue 14, item 13).
func TestIndicatorsLexiconLacks(t *testing.T) {
	all := []string{CatAttribution, CatAnonymous, CatHedge, CatDistancing, CatBooster, CatSuperlative, CatStateLabel, CatStateModifier}
	for _, tt := range []struct {
		name  string
		cats  []string
		poles []int
		want  map[string]string // indicator → reason; the others are measured
	}{
		{"everything", all, []int{1, -1}, nil},
		{"hedges only", []string{CatHedge}, []int{1, -1, 0}, map[string]string{
			"attribution_rate": "the lexicon has no category attribution", "named_share": "the lexicon has no category attribution",
			"anonymous_share": "the lexicon has no categories attribution, anonymous_source", "sources": "the lexicon has no category attribution",
			"top_source_share": "the lexicon has no category attribution", "state_media_labelled": "the lexicon has no categories state_media_label, state_media_modifier",
			"state_media_labelled_share": "the lexicon has no categories state_media_label, state_media_modifier",
			"distancing_rate":            "the lexicon has no categories distancing, attribution", "booster_rate": "the lexicon has no categories booster, superlative",
			"certainty_balance": "the lexicon has no categories booster, superlative",
		}},
		{"no poles", all, []int{0, 0}, map[string]string{"loaded_density": "the lexicon has no labels on the framing axis' poles"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			missing := MissingIndicators(tt.cats, tt.poles)
			r := Counts{Sentences: 10, Attributed: 0, Hedges: 1}
			for _, in := range Indicators(r, 100, 0, 0.95, missing) {
				why, lacks := tt.want[in.Name]
				switch {
				case lacks && (!in.Value.IsNaN() || !in.Lo.IsNaN() || !in.Hi.IsNaN() || in.Note != why):
					t.Errorf("%s = %v (%v–%v), note %q; want n/a, note %q", in.Name, in.Value, in.Lo, in.Hi, in.Note, why)
				case !lacks && in.Note != "":
					t.Errorf("%s: note %q, want none", in.Name, in.Note)
				}
			}
		})
	}
}

// TestIndicatorTitles: every indicator has a title for a reader, no
// underscores.
func TestIndicatorTitles(t *testing.T) {
	for _, info := range IndicatorList {
		if title := info.Title(); title == "" || strings.Contains(title, "_") || title[:1] != strings.ToUpper(title[:1]) {
			t.Errorf("%s: title %q", info.Name, title)
		}
	}
	if got := (IndicatorInfo{Name: "state_media_labelled_share"}).Title(); got != "State media labelled share" {
		t.Errorf("title %q", got)
	}
}
