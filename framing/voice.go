package framing

import "github.com/framingkit/framing/token"

// Voice says whose words a token is (see token.Voice).
type Voice = token.Voice

// The voices.
const (
	Own         = token.Own
	Quoted      = token.Quoted
	Boilerplate = token.Boilerplate
)
