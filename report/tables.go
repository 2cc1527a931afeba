package report

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/framing/compare"
	"github.com/framingkit/framing/framing/stats"
	"github.com/framingkit/framing/token"
)

// Section is a titled table with the lines that go under it.
type Section struct {
	Name  string // file name stem for tables/NAME.csv
	Title string
	Table *Table
	Notes []string
}

// Sections are the tables of a comparison, in reading order: one per
// concept, then the framing index, the distances, the distinctive terms and
// the overview of groups. `framing compare` prints them; the report writes
// them as CSV and Markdown.
func Sections(c *compare.Comparison) []Section {
	docs := map[string]int{}
	for _, g := range c.Groups {
		docs[g.Name] = g.Documents
	}
	conf := c.Settings.Conf * 100
	var out []Section
	for _, cr := range c.Concepts {
		out = append(out, conceptSection(cr, docs, conf, c.Voices))
	}

	t := indexTable(c.Index, docs)
	out = append(out, Section{Name: "index", Title: fmt.Sprintf("Framing index, own voice: (positive - negative) / (positive + negative), %g%% interval", conf), Table: t,
		Notes: []string{"do the groups differ? " + PValueText(c.IndexTest)}})
	out = append(out, driversSection(c))

	t = &Table{Header: append([]string{"group"}, c.Distance.Groups...)}
	for i, g := range c.Distance.Groups {
		row := []string{g}
		for _, d := range c.Distance.Matrix[i] {
			row = append(row, FormatFloat(float64(d), 2))
		}
		t.Rows = append(t.Rows, row)
	}
	smoothing := "unsmoothed: 0 for the same distribution"
	if c.Distance.Alpha > 0 {
		smoothing = fmt.Sprintf("smoothing %g per label", c.Distance.Alpha)
	}
	out = append(out, Section{Name: "distance", Title: fmt.Sprintf("Jensen-Shannon distance between groups (base 2, all labels compared, %s, %s)", VoicesPhrase(c.Voices), smoothing), Table: t})

	t = &Table{Header: []string{"group", "kind", "label or term", "count", "z"}, Right: []bool{false, false, false, true, true}}
	for _, d := range c.Distinctive {
		t.Rows = append(t.Rows, []string{d.Group, d.Kind, d.Name, itoa(d.Count), FormatFloat(float64(d.Z), 2)})
	}
	s := Section{Name: "distinctive", Title: fmt.Sprintf("Distinctive labels and terms (log-odds with informative Dirichlet prior, z against the rest; labels within their concept, terms over all matched terms; top %d)", c.Settings.Top), Table: t}
	if len(t.Rows) == 0 {
		s.Notes = append(s.Notes, "n/a: needs at least two groups with hits")
	}
	out = append(out, s)
	if len(c.Phrases) > 0 {
		out = append(out, phrasesSection(c))
	}

	out = append(out, testsSection(c), ratesSection(c), categoriesSection(c))
	out = append(out, reliabilitySections(c)...)
	if len(c.Timeline) > 0 {
		out = append(out, timelineSection(c, conf))
	}

	out = append(out, methodsSection(c))

	t = &Table{Header: []string{"group", "documents", "own tokens", "quoted tokens", "boilerplate tokens", "undated documents"}, Right: []bool{false, true, true, true, true, true}}
	for _, g := range c.Groups {
		t.Rows = append(t.Rows, []string{g.Name, itoa(g.Documents), itoa(g.Tokens.Own), itoa(g.Tokens.Quoted), itoa(g.Tokens.Boilerplate), itoa(g.Undated)})
	}
	out = append(out, Section{Name: "groups", Title: "Groups", Table: t})

	t = &Table{Header: []string{"reason", "documents"}, Right: []bool{false, true}}
	for _, k := range slices.Sorted(maps.Keys(c.Corpus.Skipped)) {
		t.Rows = append(t.Rows, []string{k, itoa(c.Corpus.Skipped[k])})
	}
	s = Section{Name: "skipped", Title: fmt.Sprintf("Skipped documents: %d read, %d scored", c.Corpus.Read, c.Corpus.Scored), Table: t}
	if len(t.Rows) == 0 {
		s.Notes = append(s.Notes, "none skipped")
	}
	return append(out, s)
}

// phrasesSection is each group's distinctive words and two-word phrases
// over all the corpus' phrases (--phrases), those the lexicon matched
// marked.
func phrasesSection(c *compare.Comparison) Section {
	t := &Table{Header: []string{"group", "phrase", "count", "z", "a lexicon term"}, Right: []bool{false, false, true, true, false}}
	for _, d := range c.Phrases {
		known := ""
		if d.InLexicon {
			known = "yes"
		}
		t.Rows = append(t.Rows, []string{d.Group, d.Name, itoa(d.Count), FormatFloat(float64(d.Z), 2), known})
	}
	return Section{Name: "phrases", Title: fmt.Sprintf("Distinctive phrases over all words and two-word phrases of the corpus, lexicon or not (log-odds with informative Dirichlet prior, z against the rest, phrases seen %d times or more, top %d)",
		compare.MinPhraseCount, c.Settings.Top), Table: t}
}

// driversSection is what drives each group's index: each concept's pole
// hits, their own index, and their contribution, which add up to the
// group's index.
func driversSection(c *compare.Comparison) Section {
	t := &Table{Header: []string{"group", "concept", "pos", "neg", "index of the concept", "contribution to the group's index"}, Right: []bool{false, false, true, true, true, true}}
	for _, d := range c.Drivers {
		t.Rows = append(t.Rows, []string{d.Group, d.Concept, itoa(d.Pos), itoa(d.Neg), FormatFloat(float64(d.Index), 2), FormatFloat(float64(d.Contribution), 2)})
	}
	s := Section{Name: "drivers", Title: "What drives the index: each concept's pole hits and its contribution, (pos − neg) / all pole hits of the group (the contributions add up to the group's index)", Table: t}
	if len(t.Rows) == 0 {
		t.Rows = nil
		s.Notes = append(s.Notes, "no hits on the axis' poles")
	}
	return s
}

// methodsSection says how each kind of number was made and what it
// counts as independent, one sentence each (Comparison.Inference).
func methodsSection(c *compare.Comparison) Section {
	t := &Table{Header: []string{"numbers", "how they were made"}}
	for _, k := range slices.Sorted(maps.Keys(c.Inference.Methods)) {
		t.Rows = append(t.Rows, []string{k, c.Inference.Methods[k]})
	}
	return Section{Name: "methods", Title: fmt.Sprintf("How the numbers were made: %s as the unit of evidence (%s)", c.Inference.Unit, c.Inference.Units), Table: t}
}

// testsSection is every concept's test in one table, the p-value to read
// with its unit and method.
func testsSection(c *compare.Comparison) Section {
	t := &Table{Header: append([]string{"concept"}, testHeader...), Right: append([]bool{false}, testRight...)}
	for _, cr := range c.Concepts {
		t.Rows = append(t.Rows, append([]string{cr.ID}, testCells(cr.TableTest)...))
	}
	return Section{Name: "tests", Title: "Tests of groups against labels, per concept (own voice)", Table: t}
}

// testHeader and testRight are the columns of testCells.
var (
	testHeader = []string{"p to read", "unit", "statistic", "p", "BH-adjusted", "how", "Cramér's V", "V corrected"}
	testRight  = []bool{false, false, true, true, true, false, true, true}
)

// testCells are the cells of a table test that every tests table shows:
// the test whose p-value to read, its unit, statistic, p and adjusted p,
// how it was made, and Cramér's V of the hits table.
func testCells(tt compare.TableTest) []string {
	stat, p, adj, how := "", "", "", ""
	switch {
	case tt.PValue == "permutation" && tt.Permutation != nil:
		pt := tt.Permutation
		stat, p, adj = "X² "+FormatFloat(float64(pt.Stat), 2), FormatP(float64(pt.P)), FormatP(float64(pt.PAdjusted))
		how = fmt.Sprintf("exact, %d arrangements of %d documents with hits", pt.Arrangements, pt.Units)
		if pt.Method == "monte-carlo" {
			how = fmt.Sprintf("%d arrangements of %d documents with hits, seed %d", pt.Draws, pt.Units, pt.Seed)
			if pt.StoppedAt > 0 {
				how += fmt.Sprintf(", stopped at %d exceedances", pt.StoppedAt)
			}
		}
	case tt.PValue == "quasi-f" && tt.QuasiF != nil:
		q := tt.QuasiF
		stat, p, adj = "F "+FormatFloat(float64(q.F), 2), FormatP(float64(q.P)), FormatP(float64(q.PAdjusted))
		how = fmt.Sprintf("df %s and %s, dispersion %s", FormatFloat(float64(q.DF1), 0), FormatFloat(float64(q.DF2), 0), FormatFloat(float64(q.Phi), 2))
	case tt.HitLevel != nil && tt.PValue != "none":
		h := tt.HitLevel
		stat, p, adj = "X² "+FormatFloat(float64(h.ChiSquare.Stat), 2), FormatP(float64(h.ChiSquare.P)), FormatP(float64(h.ChiSquare.PAdjusted))
		how = fmt.Sprintf("df %s; G %s, p %s", FormatFloat(float64(h.ChiSquare.DF), 0), FormatFloat(float64(h.GTest.Stat), 2), FormatP(float64(h.GTest.P)))
		if tt.PValue == "exact" && h.Exact != nil {
			p, adj = FormatP(float64(h.Exact.P)), FormatP(float64(h.Exact.PAdjusted))
			how = fmt.Sprintf("%s; chi-square p %s, %s", h.Exact.Method, FormatP(float64(h.ChiSquare.P)), how)
		}
	default:
		how = orNoHits(tt.Note)
	}
	return []string{tt.PValue, tt.Unit, stat, p, adj, how, FormatFloat(float64(tt.CramersV), 2), FormatFloat(float64(tt.CramersVBC), 2)}
}

// categoriesSection is every group's rate of each category (the word lists
// of the reliability indicators, or an imported dictionary's) with its
// interval: groups down, categories across.
func categoriesSection(c *compare.Comparison) Section {
	var cats []string
	seen := map[string]bool{}
	rate := map[[2]string]compare.Rate{}
	for _, r := range c.CategoryRates {
		if !seen[r.Label] {
			seen[r.Label] = true
			cats = append(cats, r.Label)
		}
		rate[[2]string{r.Group, r.Label}] = r
	}
	t := &Table{Header: append([]string{"group"}, cats...), Right: []bool{false}}
	for range cats {
		t.Right = append(t.Right, true)
	}
	for _, g := range c.Groups {
		row := []string{g.Name}
		for _, cat := range cats {
			r := rate[[2]string{g.Name, cat}]
			row = append(row, fmt.Sprintf("%s (%s–%s)", FormatFloat(float64(r.Rate), 2), FormatFloat(float64(r.Lo), 2), FormatFloat(float64(r.Hi), 2)))
		}
		t.Rows = append(t.Rows, row)
	}
	unit := c.Inference.Unit
	s := Section{Name: "categories", Title: fmt.Sprintf("Categories: %s hits per %s tokens, %g%% interval with %s as the unit", VoicesPhrase(c.Voices), perTokens(c.Settings.PerTokens), c.Settings.Conf*100, unit), Table: t}
	if len(cats) == 0 {
		t.Rows = nil
		s.Notes = append(s.Notes, "the lexicon has no categories")
	}
	return s
}

// ratesSection is every used label's own-voice rate per group: groups down,
// labels across, what the heatmap shows.
func ratesSection(c *compare.Comparison) Section {
	var labels []string
	used := map[string]bool{}
	rate := map[[2]string]compare.Rate{}
	for _, r := range c.Rates {
		if _, ok := used[r.Label]; !ok {
			labels = append(labels, r.Label)
		}
		used[r.Label] = used[r.Label] || r.Count > 0
		rate[[2]string{r.Group, r.Label}] = r
	}
	t := &Table{Header: []string{"group"}, Right: []bool{false}}
	var cols []string
	for _, l := range labels {
		if used[l] {
			cols = append(cols, l)
			t.Header = append(t.Header, l)
			t.Right = append(t.Right, true)
		}
	}
	for _, g := range c.Groups {
		row := []string{g.Name}
		for _, l := range cols {
			row = append(row, FormatFloat(float64(rate[[2]string{g.Name, l}].Rate), 2))
		}
		t.Rows = append(t.Rows, row)
	}
	s := Section{Name: "rates", Title: fmt.Sprintf("Own-voice hits per %s own-voice tokens (intervals, their unit and method in results.json)", perTokens(c.Settings.PerTokens)), Table: t}
	if len(cols) == 0 {
		t.Rows = nil
		s.Notes = append(s.Notes, "no own-voice hits")
	}
	return s
}

// timelineSection is the framing index of every group by ISO week.
func timelineSection(c *compare.Comparison, conf float64) Section {
	t := &Table{Header: []string{"group", "week", "starts", "docs", "pos", "neg", "index", "interval"}, Right: []bool{false, false, false, true, true, true, true, true}}
	for _, p := range c.Timeline {
		t.Rows = append(t.Rows, []string{p.Group, p.Week, p.Start, itoa(p.Documents), itoa(p.Pos), itoa(p.Neg), FormatFloat(float64(p.Index), 2),
			fmt.Sprintf("%s to %s", FormatFloat(float64(p.Lo), 2), FormatFloat(float64(p.Hi), 2))})
	}
	return Section{Name: "timeline", Title: fmt.Sprintf("Framing index by ISO week, own voice, %g%% Wilson interval of the week's pole hits (hits as the unit)", conf), Table: t}
}

func conceptSection(cr compare.ConceptResult, docs map[string]int, conf float64, voices token.VoiceSet) Section {
	method := "Wilson interval"
	if len(cr.Dispersion) > 0 {
		method = "interval with documents as the unit"
	}
	s := Section{Name: "concept-" + cr.ID, Title: fmt.Sprintf("Concept %s: %s hits (share of the concept, %g%% %s)", cr.ID, VoicesPhrase(voices), conf, method)}
	var cols []int // labels with any hit, in any voice
	for k := range cr.Labels {
		for r := range cr.Groups {
			if cr.ByVoice[r][k].In(allVoices) > 0 {
				cols = append(cols, k)
				break
			}
		}
	}
	t := &Table{Header: []string{"group", "docs"}, Right: []bool{false, true}}
	for _, k := range cols {
		t.Header = append(t.Header, cr.Labels[k].Label)
		t.Right = append(t.Right, true)
	}
	t.Header = append(t.Header, "other voices (by label)")
	pct := func(x stats.Num) string { return FormatFloat(float64(x)*100, 0) }
	for r, g := range cr.Groups {
		row := []string{g, itoa(docs[g])}
		for _, k := range cols {
			sh := cr.Shares[r][k]
			cell := itoa(cr.Counts[r][k])
			if !sh.P.IsNaN() {
				cell += fmt.Sprintf(" (%s%% %s–%s)", pct(sh.P), pct(sh.Lo), pct(sh.Hi))
			}
			row = append(row, cell)
		}
		t.Rows = append(t.Rows, append(row, OtherVoices(cr, r, voices)))
	}
	s.Table = t
	if len(cols) == 0 {
		t.Rows = nil
		s.Notes = append(s.Notes, "no hits of this concept's labels")
		return s
	}
	s.Notes = append(s.Notes, TestLine(cr))
	if cr.Note != "" && cr.PValue != "none" {
		s.Notes = append(s.Notes, "note: "+cr.Note)
	}
	return s
}

// allVoices are the voices a label hit may have.
var allVoices = token.VoiceSet(1<<token.Own | 1<<token.Quoted | 1<<token.Reported | 1<<token.Distanced)

// VoicesPhrase names the voices counted in a title: "own-voice",
// "own+reported".
func VoicesPhrase(v token.VoiceSet) string {
	if v == token.OwnVoice || v == 0 {
		return "own-voice"
	}
	return v.String()
}

// OtherVoices is a group's hits of a concept in the voices not counted,
// by voice and label: "0", or "quoted: invasion 2, war 1; reported:
// mutiny 1".
func OtherVoices(cr compare.ConceptResult, r int, counted token.VoiceSet) string {
	var parts []string
	for _, v := range token.Voices {
		if counted.Has(v) {
			continue
		}
		var labels []string
		for k, c := range cr.ByVoice[r] {
			if n := c.Of(v); n > 0 {
				labels = append(labels, fmt.Sprintf("%s %d", cr.Labels[k].Label, n))
			}
		}
		if len(labels) > 0 {
			parts = append(parts, v.String()+": "+strings.Join(labels, ", "))
		}
	}
	if len(parts) == 0 {
		return "0"
	}
	return strings.Join(parts, "; ")
}

// TestLine states a concept's test in one line: the p-value to read, its
// unit and method, and Cramér's V of the hits.
func TestLine(cr compare.ConceptResult) string {
	if cr.PValue == "none" {
		return "test: n/a (" + orNoHits(cr.Note) + ")"
	}
	return fmt.Sprintf("%s; Cramér's V of the hits = %s (bias-corrected %s)", PValueText(cr.TableTest), FormatFloat(float64(cr.CramersV), 2), FormatFloat(float64(cr.CramersVBC), 2))
}

// perTokens writes the rate base with a thousands separator.
func perTokens(x float64) string {
	if x == float64(int(x)) && x >= 1000 {
		n := itoa(int(x))
		var b strings.Builder
		for i, r := range n {
			if i > 0 && (len(n)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	return fmt.Sprint(x)
}

func itoa(n int) string { return fmt.Sprint(n) }

// LongTable is the comparison's counts in tidy form, for pandas, R and
// DuckDB: one row per group, label and voice, with the group's tokens in
// that voice, the rate per 1,000 of them, and for the own voice the
// label's share of its concept with its interval.
func LongTable(c *compare.Comparison) *Table {
	t := &Table{Header: []string{"group", "concept", "label", "voice", "count", "tokens", "rate_per_1000", "share", "share_lo", "share_hi"}}
	tokens := map[string]framing.TokenCounts{}
	for _, g := range c.Groups {
		tokens[g.Name] = g.Tokens
	}
	for _, cr := range c.Concepts {
		for r, g := range cr.Groups {
			for k, id := range cr.Labels {
				label := id.Label
				tok := tokens[g]
				sh := cr.Shares[r][k]
				for _, v := range token.Voices {
					count, vtok := cr.ByVoice[r][k].Of(v), tok.In(token.VoiceSet(1<<v))
					rate := stats.Rate(float64(count), float64(vtok), 1000)
					row := []string{g, cr.ID, label, v.String(), itoa(count), itoa(vtok), CSVFloat(rate), "", "", ""}
					if v == token.Own {
						row[7], row[8], row[9] = CSVFloat(float64(sh.P)), CSVFloat(float64(sh.Lo)), CSVFloat(float64(sh.Hi))
					}
					t.Rows = append(t.Rows, row)
				}
			}
		}
	}
	return t
}

// indexTable is the framing index of each row's group (docs its documents):
// count, index, interval and how it was made, and the dispersion.
func indexTable(rows []compare.IndexRow, docs map[string]int) *Table {
	t := &Table{Header: []string{"group", "docs", "pos", "neg", "index", "interval", "unit", "method", "docs with hits", "effective docs", "design effect"},
		Right: []bool{false, true, true, true, true, false, false, false, true, true, true}}
	for _, r := range rows {
		method := r.Method
		if r.Draws > 0 {
			method = fmt.Sprintf("%s, %d resamples, seed %d", r.Method, r.Draws, r.Seed)
		}
		if r.Note != "" {
			method += "; " + r.Note
		}
		withHits, eff, deff := "", "", ""
		if d := r.Dispersion; d != nil {
			withHits, eff, deff = itoa(d.UnitsWithHits), FormatFloat(float64(d.EffectiveUnits), 1), FormatFloat(float64(d.DesignEffect), 2)
		}
		t.Rows = append(t.Rows, []string{r.Group, itoa(docs[r.Group]), itoa(r.Pos), itoa(r.Neg), FormatFloat(float64(r.Index), 2),
			fmt.Sprintf("%s to %s", FormatFloat(float64(r.Lo), 2), FormatFloat(float64(r.Hi), 2)), r.Unit, method, withHits, eff, deff})
	}
	return t
}
