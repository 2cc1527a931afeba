package lexicon

import (
	"fmt"
	"strings"
)

// LabelKey names a label: its concept's id and its own. Outputs write it
// "concept.label" (ids hold no dot, so the first dot parts the two); code
// keeps the two apart, so that no place splits a joined name.
type LabelKey struct {
	Concept, Label string
}

func (k LabelKey) String() string { return k.Concept + "." + k.Label }

// MarshalText writes "concept.label".
func (k LabelKey) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads "concept.label".
func (k *LabelKey) UnmarshalText(b []byte) error {
	parsed, err := ParseLabelKey(string(b))
	if err != nil {
		return err
	}
	*k = parsed
	return nil
}

// ParseLabelKey reads "concept.label".
func ParseLabelKey(s string) (LabelKey, error) {
	concept, label, ok := strings.Cut(s, ".")
	if !ok || concept == "" || label == "" {
		return LabelKey{}, fmt.Errorf("label %q is not concept.label", s)
	}
	return LabelKey{Concept: concept, Label: label}, nil
}
