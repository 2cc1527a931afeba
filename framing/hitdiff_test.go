package framing

import (
	"strings"
	"testing"

	"github.com/framingkit/framing/lexicon"
)

func TestDiffHits(t *testing.T) {
	compile := func(yaml string) *lexicon.Matcher {
		t.Helper()
		l, err := lexicon.Parse("test.yaml", []byte(yaml))
		if err != nil {
			t.Fatal(err)
		}
		return lexicon.MustCompile(l)
	}
	const head = "lexicon: t\nversion: \"1\"\nlanguage: en\nconcepts:\n  - id: war\n    labels:\n"
	was := compile(head + `      - id: invasion
        terms: ["invasion"]
      - id: war
        terms: ["war", "conflict"]
`)
	now := compile(head + `      - id: invasion
        terms: ["invasion", "invaded"]
      - id: war
        terms: ["war"]
      - id: conflict
        terms: ["conflict"]
`)
	doc := Document{ID: "d", Text: `Russia invaded. The war, the conflict and the invasion went on.`}
	got := DiffHits(NewScorer(was).Score(doc), NewScorer(now).Score(doc))
	var lines []string
	for _, c := range got {
		lines = append(lines, c.Change+" "+c.Was.Label+">"+c.Now.Label+" "+c.At().Text)
	}
	want := []string{
		"appears >war.invasion invaded",
		"relabelled war.war>war.conflict conflict",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if d := DiffHits(NewScorer(was).Score(doc), NewScorer(was).Score(doc)); len(d) != 0 {
		t.Errorf("a lexicon differs from itself: %v", d)
	}
	gone := DiffHits(NewScorer(now).Score(doc), NewScorer(was).Score(doc))
	if len(gone) != 2 || gone[0].Change != "disappears" || gone[0].Was.Text != "invaded" {
		t.Errorf("reversed: %+v", gone)
	}
}
