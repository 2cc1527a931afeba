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

	t := &Table{Header: []string{"group", "docs", "pos", "neg", "index", "interval", "method"}, Right: []bool{false, true, true, true, true}}
	for _, r := range c.Index {
		method := r.Method
		if r.Method == "bootstrap" {
			method = fmt.Sprintf("bootstrap, %d draws, seed %d", r.Draws, r.Seed)
		}
		if r.Note != "" {
			method += "; " + r.Note
		}
		t.Rows = append(t.Rows, []string{r.Group, itoa(docs[r.Group]), itoa(r.Pos), itoa(r.Neg), FormatFloat(float64(r.Index), 2),
			fmt.Sprintf("%s to %s", FormatFloat(float64(r.Lo), 2), FormatFloat(float64(r.Hi), 2)), method})
	}
	out = append(out, Section{Name: "index", Title: fmt.Sprintf("Framing index, own voice: (positive - negative) / (positive + negative), %g%% interval", conf), Table: t})

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
	s := Section{Name: "distinctive", Title: fmt.Sprintf("Distinctive labels and terms (log-odds with informative Dirichlet prior, z against the rest, top %d)", c.Settings.Top), Table: t}
	if len(t.Rows) == 0 {
		s.Notes = append(s.Notes, "n/a: needs at least two groups with hits")
	}
	out = append(out, s)

	out = append(out, testsSection(c), ratesSection(c))
	out = append(out, reliabilitySections(c)...)
	if len(c.Timeline) > 0 {
		out = append(out, timelineSection(c, conf))
	}

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

// testsSection is every concept's tests in one table, the p-value to read
// named in its own column.
func testsSection(c *compare.Comparison) Section {
	t := &Table{Header: []string{"concept", "chi-square", "df", "p", "G", "p (G)", "Cramér's V", "V corrected", "small-sample test", "p (small-sample)", "p to read", "BH-adjusted"},
		Right: []bool{false, true, true, true, true, true, true, true, false, true, false, true}}
	for _, cr := range c.Concepts {
		chi, small := testCells(cr.TableTest)
		g := []string{FormatFloat(float64(cr.GTest.Stat), 2), FormatP(float64(cr.GTest.P)), FormatFloat(float64(cr.CramersV), 2), FormatFloat(float64(cr.CramersVBC), 2)}
		t.Rows = append(t.Rows, slices.Concat([]string{cr.ID}, chi, g, small))
	}
	return Section{Name: "tests", Title: "Tests of groups against labels, per concept (own voice)", Table: t}
}

// testCells are the cells of a table test that every tests table shows:
// chi are Pearson's chi-square, its degrees of freedom and p; small are
// the small-sample test and its p (empty when there is none), the test
// whose p-value to read, and the Benjamini-Hochberg adjusted p of that
// one.
func testCells(tt compare.TableTest) (chi, small []string) {
	exact, exactP, adj := "", "", tt.ChiSquare.PAdjusted
	if tt.Exact != nil {
		exact, exactP = tt.Exact.Method, FormatP(float64(tt.Exact.P))
		if tt.PValue == "exact" {
			adj = tt.Exact.PAdjusted
		}
	}
	chi = []string{FormatFloat(float64(tt.ChiSquare.Stat), 2), FormatFloat(float64(tt.ChiSquare.DF), 0), FormatP(float64(tt.ChiSquare.P))}
	return chi, []string{exact, exactP, pToRead(tt), FormatP(float64(adj))}
}

// pToRead names the test whose p-value to read.
func pToRead(tt compare.TableTest) string {
	if tt.PValue == "exact" && tt.Exact != nil {
		return tt.Exact.Method
	}
	return tt.PValue
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
	s := Section{Name: "rates", Title: fmt.Sprintf("Own-voice hits per %s own-voice tokens (exact Poisson intervals in results.json)", perTokens(c.Settings.PerTokens)), Table: t}
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
	return Section{Name: "timeline", Title: fmt.Sprintf("Framing index by ISO week, own voice, %g%% interval from counts", conf), Table: t}
}

func conceptSection(cr compare.ConceptResult, docs map[string]int, conf float64, voices token.VoiceSet) Section {
	s := Section{Name: "concept-" + cr.ID, Title: fmt.Sprintf("Concept %s: %s hits (share of the concept, %g%% Wilson interval)", cr.ID, VoicesPhrase(voices), conf)}
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
	if cr.Note != "" && !cr.ChiSquare.Stat.IsNaN() {
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

// TestLine states a concept's tests in one line, the p-value to read first.
func TestLine(cr compare.ConceptResult) string {
	if cr.ChiSquare.Stat.IsNaN() {
		return "tests: n/a (" + orNoHits(cr.Note) + ")"
	}
	rest := fmt.Sprintf("chi-square X² = %s, df = %s, p = %s; G = %s, p = %s; Cramér's V = %s (bias-corrected %s)",
		FormatFloat(float64(cr.ChiSquare.Stat), 2), FormatFloat(float64(cr.ChiSquare.DF), 0), FormatP(float64(cr.ChiSquare.P)),
		FormatFloat(float64(cr.GTest.Stat), 2), FormatP(float64(cr.GTest.P)), FormatFloat(float64(cr.CramersV), 2), FormatFloat(float64(cr.CramersVBC), 2))
	if cr.Exact != nil {
		return PValueText(cr) + "; " + rest
	}
	return rest + fmt.Sprintf(" (BH-adjusted p = %s)", FormatP(float64(cr.ChiSquare.PAdjusted)))
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
