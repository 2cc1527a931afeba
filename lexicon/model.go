package lexicon

// Lexicon is a parsed lexicon file. Its YAML form mirrors these types field
// for field (see DESIGN.md and the README's "Lexicon format").
type Lexicon struct {
	Name       string     `yaml:"lexicon"`
	Version    string     `yaml:"version"`
	Language   string     `yaml:"language"`
	About      string     `yaml:"about,omitempty"`
	Axis       *Axis      `yaml:"axis,omitempty"`
	Concepts   []Concept  `yaml:"concepts"`
	Categories []Category `yaml:"categories,omitempty"`

	// File is where the lexicon was read from ("" for one built from code);
	// it prefixes error positions and example failures.
	File string `yaml:"-"`
}

// Axis names the two poles of the framing index. The index of a text is
// (positive - negative) / (positive + negative) over own-voice hits of labels
// on those poles.
type Axis struct {
	Negative string `yaml:"negative"`
	Positive string `yaml:"positive"`
}

// Concept is one thing that outlets name with competing labels.
type Concept struct {
	ID     string  `yaml:"id"`
	About  string  `yaml:"about,omitempty"`
	Labels []Label `yaml:"labels"`
	// Apart matches the concept's labels apart from the other concepts',
	// as categories are: a word of its terms may count for a label of
	// another concept too. For a marker inside other terms' phrases: the
	// preposition of «война на Украине» is read whatever the phrase counts
	// for. Among its own labels the longest match still wins.
	Apart bool `yaml:"apart,omitempty"`

	Pos Pos `yaml:"-"` // where the concept's id stands in the source file
}

// Label is one way of naming a concept. Pole, when set, is one of the axis
// poles.
type Label struct {
	ID       string    `yaml:"id"`
	About    string    `yaml:"about,omitempty"`
	Pole     string    `yaml:"pole,omitempty"`
	Terms    []Term    `yaml:"terms"`
	Examples *Examples `yaml:"examples,omitempty"`

	// Pos is where the label's id stands in the source file, PolePos its
	// pole.
	Pos, PolePos Pos `yaml:"-"`
}

// Examples are sentences a label (or category) must match, and sentences it
// must not; `framing lexicon test` runs them, and counts a term as tested
// when one of the match sentences is matched by that term.
type Examples struct {
	Match   []string `yaml:"match,omitempty"`
	NoMatch []string `yaml:"nomatch,omitempty"`

	MatchPos   []Pos `yaml:"-"` // position of each Match item
	NoMatchPos []Pos `yaml:"-"` // position of each NoMatch item
}

// Category is a plain word list (hedges, attribution verbs, ...) used for
// reliability indicators. Categories may share terms with labels and with
// each other: a category hit never takes a token away from a label.
// Examples, as a label's, are run by `framing lexicon test`.
type Category struct {
	ID       string    `yaml:"id"`
	About    string    `yaml:"about,omitempty"`
	Terms    []Term    `yaml:"terms"`
	Examples *Examples `yaml:"examples,omitempty"`

	Pos Pos `yaml:"-"`
}

// Term is one entry of a terms list. In YAML it is either a plain string
// ("special military operation", "invade*") or a mapping
// {term: SMO, case_sensitive: true}. A trailing "*" on a word makes it a
// prefix glob over one token.
type Term struct {
	Text          string
	CaseSensitive bool
	// Lang is the language the term is written in: the key it is listed
	// under (terms: {ru: [...]}), else the lexicon's language. In a language
	// whose pack has declension endings (ru, uk), a term matches its
	// inflected forms (lang.Inflection), unless Exact.
	Lang string
	// Exact keeps a term of an inflecting language to its words as
	// written ({term: "на Украине", inflect: false}).
	Exact bool

	Pos Pos // where the term stands in the source file

	// capitalsExact makes the words of the term written in capitals
	// case-sensitive, the others not: a name ("RIA Novosti") whose acronym
	// must not match an ordinary word. Set by CompileNames only.
	capitalsExact bool
}

// Pos is a 1-based line and column in a lexicon file.
type Pos struct {
	Line, Col int
}
