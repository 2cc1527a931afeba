package token

import (
	"fmt"
	"strings"
)

// Voice says whose words a token or a hit is: the outlet's own, a source's
// inside a direct quotation, a source's reported in indirect speech, named
// by the outlet only to distance itself from them, or site furniture
// (boilerplate) that is not the article. The tokeniser leaves every token
// Own; the analysis decides. Distanced is a voice of hits, never of
// tokens: the marker ("so-called") is the outlet's, the term after it not.
type Voice uint8

const (
	// Own is the outlet's voice.
	Own Voice = iota
	// Quoted is inside direct quotation marks or dash dialogue: the
	// source's words.
	Quoted
	// Boilerplate is navigation, related links, appeals, captions and
	// metadata lines; never counted.
	Boilerplate
	// Reported is indirect speech: the clause after "Putin said", "Moscow
	// calls it", "according to the Kremlin,", «как заявил Песков,».
	Reported
	// Distanced is a term the outlet names to reject it: "so-called",
	// «так называемая», "self-proclaimed" right before it.
	Distanced
)

// Voices are the voices a count is made of, in output order.
var Voices = []Voice{Own, Quoted, Reported, Distanced}

func (v Voice) String() string {
	switch v {
	case Own:
		return "own"
	case Quoted:
		return "quoted"
	case Boilerplate:
		return "boilerplate"
	case Reported:
		return "reported"
	case Distanced:
		return "distanced"
	}
	return "unknown"
}

// MarshalText writes the voice's name, so JSON carries "own", not 0.
func (v Voice) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// UnmarshalText reads a voice's name.
func (v *Voice) UnmarshalText(b []byte) error {
	p, err := ParseVoice(string(b))
	*v = p
	return err
}

// ParseVoice reads a voice's name.
func ParseVoice(s string) (Voice, error) {
	for _, v := range []Voice{Own, Quoted, Boilerplate, Reported, Distanced} {
		if s == v.String() {
			return v, nil
		}
	}
	return Own, fmt.Errorf("no voice %q (own, quoted, reported, distanced, boilerplate)", s)
}

// Prose reports whether the words are the outlet's writing: its own voice
// or its report of someone's speech, not a quotation or site furniture.
// Sourcing measures and syndication read prose.
func (v Voice) Prose() bool { return v == Own || v == Reported }

// VoiceSet is a set of voices: the ones a framing index counts.
type VoiceSet uint8

// OwnVoice is the default set: the outlet's own words only.
const OwnVoice = VoiceSet(1 << Own)

// Has reports whether v is in the set.
func (s VoiceSet) Has(v Voice) bool { return s&(1<<v) != 0 }

// String writes the set as ParseVoiceSet reads it: "own+reported".
func (s VoiceSet) String() string {
	var names []string
	for _, v := range Voices {
		if s.Has(v) {
			names = append(names, v.String())
		}
	}
	return strings.Join(names, "+")
}

// ParseVoiceSet reads voices joined by + or ,: "own", "own+reported".
// Boilerplate is never counted.
func ParseVoiceSet(s string) (VoiceSet, error) {
	var set VoiceSet
	for _, name := range strings.FieldsFunc(s, func(r rune) bool { return r == '+' || r == ',' }) {
		v, err := ParseVoice(strings.TrimSpace(name))
		if err != nil || v == Boilerplate {
			return 0, fmt.Errorf("--voice %q: %q is not a voice to count (own, quoted, reported, distanced)", s, name)
		}
		set |= 1 << v
	}
	if set == 0 {
		return 0, fmt.Errorf("--voice %q: name at least one voice (own, quoted, reported, distanced)", s)
	}
	return set, nil
}

// MarshalText writes the set as "own+reported".
func (s VoiceSet) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a set written by MarshalText.
func (s *VoiceSet) UnmarshalText(b []byte) error {
	v, err := ParseVoiceSet(string(b))
	*s = v
	return err
}
