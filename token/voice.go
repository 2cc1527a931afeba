package token

// Voice says whose words a token is: the outlet's own, a source's inside a
// direct quotation, or site furniture (boilerplate) that is not the
// article. The tokeniser leaves every token Own; the analysis decides.
type Voice uint8

const (
	// Own is the outlet's voice, reported speech included.
	Own Voice = iota
	// Quoted is inside direct quotation marks: the source's words.
	Quoted
	// Boilerplate is navigation, related links, appeals, captions and
	// metadata lines; never counted.
	Boilerplate
)

func (v Voice) String() string {
	switch v {
	case Own:
		return "own"
	case Quoted:
		return "quoted"
	case Boilerplate:
		return "boilerplate"
	}
	return "unknown"
}

// MarshalText writes the voice's name, so JSON carries "own", not 0.
func (v Voice) MarshalText() ([]byte, error) { return []byte(v.String()), nil }
