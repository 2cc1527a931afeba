package lexicon

import (
	"slices"
	"strings"
	"testing"

	"github.com/framingkit/framing/token"
)

const apartLexicon = `lexicon: x
version: "1"
concepts:
  - id: war
    labels:
      - id: war
        terms: {ru: [{term: "война на Украине", inflect: false}, {term: "война в Украине", inflect: false}]}
  - id: preposition
    APART
    labels:
      - id: na
        terms: {ru: [{term: "на Украине", inflect: false}]}
      - id: v
        terms: {ru: [{term: "в Украине", inflect: false}, {term: "война в", inflect: false}]}
`

// TestApart: a concept matched apart counts the words that another
// concept's longer term has taken; without apart, the longer term takes
// them. Within the apart concept, the longest match still wins.
func TestApart(t *testing.T) {
	text := "Война на Украине идёт. Война в Украине, пишет он."
	tests := []struct {
		apart string
		want  []string
	}{
		{"apart: true", []string{"war.war война на украине", "preposition.na на украине", "war.war война в украине", "preposition.v война в"}},
		{"apart: false", []string{"war.war война на украине", "war.war война в украине"}},
	}
	for _, tc := range tests {
		t.Run(tc.apart, func(t *testing.T) {
			l, err := Parse("x.yaml", []byte(strings.Replace(apartLexicon, "APART", tc.apart, 1)))
			if err != nil {
				t.Fatal(err)
			}
			m := MustCompile(l)
			toks := token.NewTokenizer().Tokenize(text)
			var got []string
			for _, h := range m.MatchLabels(nil, toks) {
				var words []string
				for _, tk := range toks[h.First:h.End] {
					words = append(words, tk.Norm)
				}
				got = append(got, m.Labels()[h.ID].ID+" "+strings.Join(words, " "))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("hits\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// TestApartHashAndDiff: matching a concept apart moves scores, so it
// changes the hash and the inventory diff names it.
func TestApartHashAndDiff(t *testing.T) {
	compile := func(apart string) *Matcher {
		l, err := Parse("x.yaml", []byte(strings.Replace(apartLexicon, "APART", apart, 1)))
		if err != nil {
			t.Fatal(err)
		}
		return MustCompile(l)
	}
	with, without := compile("apart: true"), compile("")
	if with.Hash() == without.Hash() {
		t.Error("apart: true did not change the hash")
	}
	changes := DiffInventory(without.Inventory(), with.Inventory())
	if len(changes) != 1 || changes[0].String() != "preposition: matched apart" {
		t.Errorf("changes %v, want preposition: matched apart", changes)
	}
	back := DiffInventory(with.Inventory(), without.Inventory())
	if len(back) != 1 || back[0].String() != "preposition: matched with the others" {
		t.Errorf("changes %v, want preposition: matched with the others", back)
	}
}

// TestApartValidation: a term may stand in an apart concept and in
// another concept, but twice within one group it is still refused, and
// apart must be a boolean.
func TestApartValidation(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"same term in and out of apart", `lexicon: x
version: "1"
concepts:
  - id: a
    labels:
      - id: x
        terms: ["on the ground"]
  - id: b
    apart: true
    labels:
      - id: y
        terms: ["on the ground"]
`, ""},
		{"same term twice in the apart concept", `lexicon: x
version: "1"
concepts:
  - id: b
    apart: true
    labels:
      - id: x
        terms: ["ground"]
      - id: y
        terms: ["ground"]
`, `x.yaml:10:17: term "ground" is already under label b.x at 8:17`},
		{"two apart concepts are apart from each other", `lexicon: x
version: "1"
concepts:
  - id: a
    apart: true
    labels:
      - id: x
        terms: ["ground"]
  - id: b
    apart: true
    labels:
      - id: y
        terms: ["ground"]
`, ""},
		{"apart not a boolean", `lexicon: x
version: "1"
concepts:
  - id: a
    apart: yes please
    labels:
      - id: x
        terms: ["ground"]
`, "x.yaml:5:12: apart must be true or false"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.yaml", []byte(tc.src))
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}
