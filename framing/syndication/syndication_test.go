package syndication

import (
	"github.com/framingkit/framing/token"

	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// The stories below are written for these tests. The wire story is one text
// republished by three outlets, each with its own intro; the independent
// stories report the same event in their own words, sharing names and short
// phrases but no run of eight own-voice words with each other or the wire.

const wire = `The regional water authority said on Tuesday it would cut supplies to farms in the Lower Vale district by a third from next month, after the driest spring since records began in 1891 left its three main reservoirs less than half full. The authority's chief engineer, Maria Okonkwo, told reporters that households would not face restrictions this summer but that irrigation licences would be reviewed field by field. “We are asking everyone to share the burden,” Okonkwo said. Farmers' groups warned that the cuts would fall hardest on smallholders who grow vegetables for local markets and cannot afford to drill private wells. The authority plans to spend 40 million euros over five years on new pipes to reduce leakage, which it estimates at nearly a quarter of the water it treats. A decision on a proposed desalination plant near the port of Castrel is expected in the autumn, officials said.`

// A sentence found only in the wire text.
const wireSentence = "Farmers' groups warned that the cuts would fall hardest on smallholders"

const (
	ledgerIntro  = "Farmers across the south are bracing for a hard summer. The Ledger has followed the drought since March, when the first wells in the Lower Vale began to run dry."
	courierIntro = "Vegetable prices in city markets could climb again this autumn, growers fear, as the latest ruling from water managers lands on the desks of those who feed the capital."
	postIntro    = "Our correspondent in the south sends this report on a decision that will be felt from the orchards of Tarn to the kitchen tables of northern towns this summer."
	postClosing  = "The Northern Post will publish a guide next week to saving water at home and in the garden, with advice from readers who lived through the shortages of 1976."
)

const (
	starOwn   = `Farms in the Lower Vale will get a third less water from July. The regional water authority blamed a spring so dry that its reservoirs are now below half capacity, the worst level since 1891. Maria Okonkwo, its chief engineer, said homes were safe for now. Growers who sell vegetables at local markets say they have no money for wells of their own and fear for their harvests. The authority also wants to replace leaking pipes, a programme costing 40 million euros, and will decide this autumn whether to build a desalination plant at Castrel.`
	heraldOwn = `Irrigation in the Lower Vale is to be cut by a third next month, the regional water authority announced on Tuesday. Reservoir levels have fallen below half after months without meaningful rain, and Maria Okonkwo, who runs the engineering side of the authority, said each licence would be examined separately. Smallholders told the Herald that drilling a private well costs more than a year of profits. Leakage, which the authority puts at close to a quarter of treated water, will be tackled with new pipes. Officials expect to rule on the Castrel desalination scheme in the autumn.`
	timesOwn  = `Castrel could yet get its desalination plant. As the regional water authority ordered a one-third cut to farm supplies in the Lower Vale on Tuesday, officials said a ruling on the long-delayed project would come in the autumn. The driest spring since records began has left reservoirs less than half full, chief engineer Maria Okonkwo said, though households will escape restrictions. Port businesses have lobbied for the plant for a decade, arguing that the valley's farms cannot rely on rain alone. Vegetable growers, many of them smallholders, said the cuts threatened their livelihoods.`
)

// Two stories that quote the same long statement around different own text.
const (
	okonkwoQuote  = `“We have asked every farmer in the valley to share the burden fairly, and we will review each licence field by field, because the reservoirs cannot recover unless everyone draws less water this summer than they did last year,”`
	starQuoting   = "The head of the Lower Vale water authority defended the cuts on Wednesday. " + okonkwoQuote + " said Maria Okonkwo, speaking at a packed meeting in the town hall. Farmers in the hall shouted questions about compensation, and several walked out before she had finished. The authority has promised to publish the full list of licences by Friday."
	heraldQuoting = "Maria Okonkwo faced an angry crowd of growers at the town hall. " + okonkwoQuote + " she told them. Her critics say the authority wasted a wet decade without fixing its pipes. A spokesman for the growers' union said members would consider legal action if the licence reviews were not finished before the harvest."
)

// story is one document to add.
type story struct {
	id, outlet, order, text string
}

// syndicated is the wire story as three outlets ran it. The Ledger ran it
// first; the Northern Post added a closing paragraph.
var syndicated = []story{
	{"courier-1", "Daily Courier", "2023-06-25", courierIntro + "\n\n" + wire},
	{"post-1", "Northern Post", "2023-06-26", postIntro + "\n\n" + wire + "\n\n" + postClosing},
	{"ledger-1", "The Ledger", "2023-06-24", ledgerIntro + "\n\n" + wire},
}

var independent = []story{
	{"star-1", "Evening Star", "2023-06-25", starOwn},
	{"herald-1", "Valley Herald", "2023-06-25", heraldOwn},
	{"times-1", "Coastal Times", "2023-06-26", timesOwn},
}

var quoting = []story{
	{"star-2", "Evening Star", "2023-06-28", starQuoting},
	{"herald-2", "Valley Herald", "2023-06-28", heraldQuoting},
}

// ownVoice marks the tokens inside straight or curly double quotes as not
// own voice; enough for these texts, which close every quote they open.
func ownVoice(text string, toks []token.Token) []bool {
	inside := make([]bool, len(text)+1)
	in := false
	for i, r := range text {
		switch r {
		case '"':
			in = !in
		case '“':
			in = true
		case '”':
			in = false
		}
		inside[i] = in
	}
	own := make([]bool, len(toks))
	for i, t := range toks {
		own[i] = !inside[t.Start]
	}
	return own
}

func allOwn(_ string, toks []token.Token) []bool {
	own := make([]bool, len(toks))
	for i := range own {
		own[i] = true
	}
	return own
}

func index(stories []story, voice func(string, []token.Token) []bool) *Index {
	x := NewIndex()
	tz := token.NewTokenizer()
	for _, s := range stories {
		toks := tz.Tokenize(s.text)
		x.Add(s.id, s.outlet, s.order, voiced(toks, voice(s.text, toks)))
	}
	return x
}

func textOf(stories []story, id string) string {
	for _, s := range stories {
		if s.id == id {
			return s.text
		}
	}
	return ""
}

func memberIDs(c Cluster) []string {
	var ids []string
	for _, m := range c.Members {
		ids = append(ids, m.ID)
	}
	return ids
}

func TestSyndicatedStory(t *testing.T) {
	x := index(syndicated, ownVoice)
	cs := x.Clusters(DefaultOptions())
	if len(cs) != 1 {
		t.Fatalf("got %d clusters, want 1: %+v", len(cs), cs)
	}
	c := cs[0]
	if got, want := memberIDs(c), []string{"ledger-1", "courier-1", "post-1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("members %v, want %v (by date)", got, want)
	}
	if got, want := c.Outlets, []string{"Daily Courier", "Northern Post", "The Ledger"}; !reflect.DeepEqual(got, want) {
		t.Errorf("outlets %v, want %v", got, want)
	}
	if !c.Members[0].First || c.Members[1].First || c.Members[2].First {
		t.Errorf("First flags wrong: %+v", c.Members)
	}
	if got := x.Copied("ledger-1", DefaultOptions()); got != nil {
		t.Errorf("Copied(first member) = %v, want nil", got)
	}

	tests := []struct {
		id     string
		intro  string
		ownEnd string // own text after the wire, if any
	}{
		{"courier-1", courierIntro, ""},
		{"post-1", postIntro, postClosing},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			text := textOf(syndicated, tt.id)
			spans := x.Copied(tt.id, DefaultOptions())
			// The copy is the whole wire text, from its first word to the
			// end of its last word (the final full stop is not a token).
			start := strings.Index(text, wire)
			want := []Span{{Start: start, End: start + len(wire) - len(".")}}
			if !reflect.DeepEqual(spans, want) {
				t.Fatalf("Copied = %v, want %v", spans, want)
			}
			var copied []string
			for _, sp := range spans {
				copied = append(copied, text[sp.Start:sp.End])
			}
			all := strings.Join(copied, "\n")
			if !strings.Contains(all, wireSentence) {
				t.Errorf("wire sentence not in copied text %q", all)
			}
			for _, own := range []string{tt.intro, tt.ownEnd} {
				if own == "" {
					continue
				}
				lo := strings.Index(text, own)
				for _, sp := range spans {
					if sp.Start < lo+len(own) && lo < sp.End {
						t.Errorf("span %v overlaps own text %q", sp, own)
					}
				}
			}
		})
	}
}

func TestNoCluster(t *testing.T) {
	// The loosest options link two documents that share a single run of
	// eight own-voice words; none of these pairs has one.
	loose := Options{MinShared: 1, MinFraction: 0}
	sameOutlet := []story{
		{"courier-1", "Daily Courier", "2023-06-25", courierIntro + "\n\n" + wire},
		{"courier-2", "Daily Courier", "2023-06-25", courierIntro + "\n\n" + wire},
	}
	tests := []struct {
		name    string
		stories []story
		voice   func(string, []token.Token) []bool
	}{
		{"independent reports of one event", independent, ownVoice},
		{"independent reports and the wire", append([]story{{"wire", "Wire", "2023-06-24", wire}}, independent...), ownVoice},
		{"shared quotation only", quoting, ownVoice},
		{"same outlet twice", sameOutlet, ownVoice},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := index(tt.stories, tt.voice)
			for _, opt := range []Options{DefaultOptions(), loose} {
				if cs := x.Clusters(opt); len(cs) != 0 {
					t.Errorf("Clusters(%+v) = %+v, want none", opt, cs)
				}
				for _, s := range tt.stories {
					if got := x.Copied(s.id, opt); got != nil {
						t.Errorf("Copied(%s, %+v) = %v, want nil", s.id, opt, got)
					}
				}
			}
		})
	}

	// The quotation alone would link the two stories, were it own voice;
	// without this the case above would prove nothing.
	if cs := index(quoting, allOwn).Clusters(DefaultOptions()); len(cs) != 1 {
		t.Errorf("with the quotation as own voice: %d clusters, want 1", len(cs))
	}
}

// words returns n distinct words p0 … p(n-1) separated by spaces; distinct
// prefixes give texts that share nothing.
func words(prefix string, from, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = prefix + strconv.Itoa(from+i)
	}
	return strings.Join(ws, " ")
}

func TestThresholds(t *testing.T) {
	// A run of r identical words holds r-7 shingles. The pairs: equal
	// documents of 20+r+20 words; and a short document of 19 shared plus 48
	// own words (60 shingles, 12 shared: a fraction of exactly 0.2) against
	// a long one of 300+19+300 words (612 shingles).
	pair := func(r int) []story {
		return []story{
			{"a", "Outlet A", "1", words("a", 0, 20) + " " + words("s", 0, r) + " " + words("a", 20, 20)},
			{"b", "Outlet B", "2", words("b", 0, 20) + " " + words("s", 0, r) + " " + words("b", 20, 20)},
		}
	}
	shortLong := []story{
		{"short", "Outlet A", "1", words("s", 0, 19) + " " + words("a", 0, 48)},
		{"long", "Outlet B", "2", words("b", 0, 300) + " " + words("s", 0, 19) + " " + words("b", 300, 300)},
	}
	tests := []struct {
		name    string
		stories []story
		opt     Options
		linked  bool
	}{
		{"9 shingles, MinShared 10", pair(16), DefaultOptions(), false},
		{"10 shingles, MinShared 10", pair(17), DefaultOptions(), true},
		{"12 of 60, MinFraction 0.2", shortLong, Options{MinShared: 10, MinFraction: 0.2}, true},
		{"12 of 60, MinFraction 0.21", shortLong, Options{MinShared: 10, MinFraction: 0.21}, false},
		{"12 of 60, MinFraction 0.1", shortLong, Options{MinShared: 10, MinFraction: 0.1}, true},
		{"12 of 60, MinShared 12", shortLong, Options{MinShared: 12, MinFraction: 0.2}, true},
		{"12 of 60, MinShared 13", shortLong, Options{MinShared: 13, MinFraction: 0.2}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := index(tt.stories, allOwn).Clusters(tt.opt)
			if got := len(cs) == 1; got != tt.linked {
				t.Errorf("linked = %v, want %v (%+v)", got, tt.linked, cs)
			}
		})
	}
}

func TestMembers(t *testing.T) {
	// Counted by hand from the construction in TestThresholds: the short
	// document has 67-7 = 60 shingles, the long one 619-7 = 612, and they
	// share the 19-7 = 12 shingles of the common run.
	shortLong := []story{
		{"long", "Outlet B", "2", words("b", 0, 300) + " " + words("s", 0, 19) + " " + words("b", 300, 300)},
		{"short", "Outlet A", "1", words("s", 0, 19) + " " + words("a", 0, 48)},
	}
	x := index(shortLong, allOwn)
	cs := x.Clusters(DefaultOptions())
	want := []Cluster{{
		Members: []Member{
			{ID: "short", Outlet: "Outlet A", Shingles: 60, Shared: 12, SharedFraction: 0.2, First: true},
			{ID: "long", Outlet: "Outlet B", Shingles: 612, Shared: 12, SharedFraction: 12.0 / 612},
		},
		Outlets: []string{"Outlet A", "Outlet B"},
	}}
	if !reflect.DeepEqual(cs, want) {
		t.Fatalf("Clusters = %+v, want %+v", cs, want)
	}
	// The shared run is the 19 words of the long document from word 300.
	text := shortLong[0].text
	run := words("s", 0, 19)
	start := strings.Index(text, run)
	if got, want := x.Copied("long", DefaultOptions()), []Span{{Start: start, End: start + len(run)}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Copied(long) = %v, want %v", got, want)
	}
}

func TestDeterministic(t *testing.T) {
	var all []story
	all = append(all, syndicated...)
	all = append(all, independent...)
	all = append(all, quoting...)
	all = append(all, story{"courier-2", "Daily Courier", "2023-06-27", wire})

	type result struct {
		Clusters []Cluster
		Copied   map[string][]Span
	}
	run := func(stories []story) result {
		x := index(stories, ownVoice)
		r := result{Clusters: x.Clusters(DefaultOptions()), Copied: map[string][]Span{}}
		for _, s := range stories {
			r.Copied[s.id] = x.Copied(s.id, DefaultOptions())
		}
		return r
	}
	want := run(all)
	if len(want.Clusters) != 1 || len(want.Clusters[0].Members) != 4 {
		t.Fatalf("want one cluster of the four wire copies, got %+v", want.Clusters)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 20 {
		shuffled := append([]story(nil), all...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := run(shuffled); !reflect.DeepEqual(got, want) {
			t.Fatalf("order %d: got %+v, want %+v", i, got, want)
		}
	}
}

func TestSameOutletJoinedThroughAnother(t *testing.T) {
	// The Courier ran the wire twice, with its sign-off; each copy links to
	// the Ledger's, so all three are one cluster though the two Courier
	// copies never link to each other.
	stories := []story{
		{"courier-1", "Daily Courier", "2023-06-24", courierIntro + "\n\n" + wire + "\n\n" + courierSignOff},
		{"ledger-1", "The Ledger", "2023-06-25", ledgerIntro + "\n\n" + wire},
		{"courier-2", "Daily Courier", "2023-06-26", wire + "\n\n" + courierSignOff},
	}
	x := index(stories, ownVoice)
	cs := x.Clusters(DefaultOptions())
	if len(cs) != 1 || !reflect.DeepEqual(memberIDs(cs[0]), []string{"courier-1", "ledger-1", "courier-2"}) {
		t.Fatalf("Clusters = %+v", cs)
	}
	// The second Courier copy repeats the first's sign-off too, but an
	// outlet repeating itself is not copy: only the wire text is.
	for _, id := range []string{"ledger-1", "courier-2"} {
		text := textOf(stories, id)
		start := strings.Index(text, wire)
		if got, want := x.Copied(id, DefaultOptions()), []Span{{Start: start, End: start + len(wire) - 1}}; !reflect.DeepEqual(got, want) {
			t.Errorf("Copied(%s) = %v, want %v", id, got, want)
		}
	}
}

func TestDuplicateID(t *testing.T) {
	stories := []story{
		{"ledger-1", "The Ledger", "2023-06-24", ledgerIntro + "\n\n" + wire},
		{"dup", "Daily Courier", "2023-06-25", courierIntro + "\n\n" + wire},
		{"dup", "Northern Post", "2023-06-26", postIntro + "\n\n" + wire},
	}
	x := index(stories, ownVoice)
	cs := x.Clusters(DefaultOptions())
	if len(cs) != 1 || len(cs[0].Members) != 3 {
		t.Fatalf("the second dup is its own document: want 3 members, got %+v", cs)
	}
	start := len(courierIntro + "\n\n")
	if got, want := x.Copied("dup", DefaultOptions()), []Span{{Start: start, End: start + len(wire) - 1}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Copied(dup) = %v, want %v (the first dup, the Courier's)", got, want)
	}
}

func TestCopiedUnknown(t *testing.T) {
	x := index(syndicated, ownVoice)
	if got := x.Copied("nope", DefaultOptions()); got != nil {
		t.Errorf("Copied(unknown id) = %v, want nil", got)
	}
	var zero Index
	if got := zero.Clusters(DefaultOptions()); len(got) != 0 {
		t.Errorf("empty index: %v", got)
	}
}

// courierSignOff ends every Daily Courier story. A caller that does not mark
// it as boilerplate leaves it in own voice.
const courierSignOff = "The Daily Courier is an independent newspaper funded by its readers. To support our reporting on farming and the environment, become a member today for less than the price of a coffee a week."

func TestSameOutletNotLinked(t *testing.T) {
	// Two Courier stories share only the Courier's sign-off, 35 words and 28
	// shingles, enough to link them were they of two outlets. The first is
	// also a copy of the Ledger's wire story; the second must stay out.
	stories := []story{
		{"ledger-1", "The Ledger", "2023-06-24", ledgerIntro + "\n\n" + wire},
		{"courier-1", "Daily Courier", "2023-06-25", courierIntro + "\n\n" + wire + "\n\n" + courierSignOff},
		{"courier-2", "Daily Courier", "2023-06-25", heraldOwn + "\n\n" + courierSignOff},
	}
	cs := index(stories, ownVoice).Clusters(DefaultOptions())
	if len(cs) != 1 || !reflect.DeepEqual(memberIDs(cs[0]), []string{"ledger-1", "courier-1"}) {
		t.Fatalf("Clusters = %+v, want only ledger-1 and courier-1", cs)
	}
	// As two outlets, the same sign-off does link them: the case above tests
	// the outlet rule, not a threshold.
	stories[2].outlet = "Valley Herald"
	if cs := index(stories, ownVoice).Clusters(DefaultOptions()); len(cs) != 1 || len(cs[0].Members) != 3 {
		t.Fatalf("with courier-2 as another outlet: %+v, want three members", cs)
	}
}

// wireUpdate is a paragraph the wire added after the Ledger had run the story.
const wireUpdate = "In a later statement, the authority said it would also ask industrial users to cut their consumption by a tenth and would publish weekly reservoir figures on its website."

func TestCopiedOnlyFromEarlier(t *testing.T) {
	// The Courier and the Post ran the updated wire. The update is copy in
	// the Post, which the Courier preceded, but not in the Courier, whose
	// only source for it is later.
	stories := []story{
		{"ledger-1", "The Ledger", "2023-06-24", ledgerIntro + "\n\n" + wire},
		{"courier-1", "Daily Courier", "2023-06-25", courierIntro + "\n\n" + wire + "\n\n" + wireUpdate},
		{"post-1", "Northern Post", "2023-06-26", postIntro + "\n\n" + wire + "\n\n" + wireUpdate},
	}
	x := index(stories, ownVoice)
	tests := []struct {
		id   string
		want string // the copied text
	}{
		{"courier-1", strings.TrimSuffix(wire, ".")},
		{"post-1", wire + "\n\n" + strings.TrimSuffix(wireUpdate, ".")},
	}
	for _, tt := range tests {
		text := textOf(stories, tt.id)
		start := strings.Index(text, tt.want)
		want := []Span{{Start: start, End: start + len(tt.want)}}
		if got := x.Copied(tt.id, DefaultOptions()); !reflect.DeepEqual(got, want) {
			t.Errorf("Copied(%s) = %v, want %v", tt.id, got, want)
		}
	}
}

func TestCopiedSpans(t *testing.T) {
	// Runs of the later document found in the earlier one, and how they
	// merge. s0…s15 are sixteen words: two shingles' worth side by side.
	loose := Options{MinShared: 1}
	first, second := words("s", 0, 8), words("s", 8, 8)
	tests := []struct {
		name           string
		earlier, later string
		want           []string // copied text of later
	}{
		{"touching runs merge", first + " e0 " + second, first + " " + second, []string{first + " " + second}},
		{"an own word between runs splits", first + " e0 " + second, first + " l0 " + second, []string{first, second}},
		{"a quote inside the later copy is inside the span", first + " " + second, first + " “q0” " + second, []string{first + " “q0” " + second}},
		{"a quote inside the earlier copy breaks nothing", first + " “q0” " + second, first + " " + second, []string{first + " " + second}},
		{"a run of seven words is no shingle", words("s", 0, 7) + " e0", words("s", 0, 7) + " l0", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := index([]story{{"e", "E", "1", tt.earlier}, {"l", "L", "2", tt.later}}, ownVoice)
			var got []string
			for _, sp := range x.Copied("l", loose) {
				got = append(got, tt.later[sp.Start:sp.End])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("copied %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAddAfterClusters(t *testing.T) {
	// Clusters keeps its linking for Copied; an Add must make it stale.
	x := index(syndicated[:1], ownVoice)
	if cs := x.Clusters(DefaultOptions()); len(cs) != 0 {
		t.Fatalf("one document: %+v", cs)
	}
	tz := token.NewTokenizer()
	s := syndicated[2]
	toks := tz.Tokenize(s.text)
	x.Add(s.id, s.outlet, s.order, voiced(toks, ownVoice(s.text, toks)))
	if cs := x.Clusters(DefaultOptions()); len(cs) != 1 {
		t.Fatalf("after Add: %d clusters, want 1", len(cs))
	}
	if x.Copied("courier-1", DefaultOptions()) == nil {
		t.Error("after Add: courier-1 copies nothing")
	}
}

// voiced gives toks the voices own says: own, or quoted.
func voiced(toks []token.Token, own []bool) []token.Token {
	for i := range toks {
		toks[i].Voice = token.Own
		if !own[i] {
			toks[i].Voice = token.Quoted
		}
	}
	return toks
}
