package analysis

import (
	"regexp/syntax"
	"slices"
	"unicode/utf8"
)

// prefixTest is a cheap test for a pattern anchored at the text's start
// (^ without (?m)): a match there reads the text's runes from the first
// on, so the pattern's program, run as an automaton over the first runes
// of a text, tells most texts it cannot match after a rune or two. The
// related-link rule runs on every line, and its pattern is such an
// anchored alternation of phrases ("Read also:"), which the regexp
// package would try on the whole line.
//
// The automaton takes every empty-width assertion as holding, which can
// only keep more threads alive: it refuses a text only when no thread is
// left, which no text the pattern matches leaves. It reads runes below
// 0x800 (the one- and two-byte runes); at another rune, an invalid byte,
// a thread at the match, the text's end or maxPrefixRunes it lets the
// text through to the pattern. Its states are made as they are first
// needed and remembered: it is not safe for concurrent use.
type prefixTest struct {
	prog  *syntax.Prog
	start *prefixState
	// states are the states made, by their instructions; moves counts the
	// moves they remember, which maxPrefixMoves bounds.
	states map[string]*prefixState
	moves  int
}

// prefixState is a set of threads: the rune instructions they wait at,
// and whether one is at the match.
type prefixState struct {
	pcs   []uint32
	match bool
	// next is the state after each rune read, as it is first needed: the
	// start's for every rune below 0x800, made at once (every line reads
	// it), the others' in a map; nil for a state not remembered.
	first *[0x800]*prefixState
	next  map[rune]*prefixState
}

// The bounds of a prefixTest: how many runes it reads of a text, how many
// states it remembers and how many moves between them (past those, a
// state or a move is made each time it is needed).
const (
	maxPrefixRunes  = 32
	maxPrefixStates = 1 << 10
	maxPrefixMoves  = 1 << 14
)

// newPrefixTest returns the test of a pattern, or nil when the pattern is
// not anchored at the text's start on every path or may match the empty
// string: then any text may match, and the pattern must run.
func newPrefixTest(pattern string) *prefixTest {
	re, err := syntax.Parse(pattern, syntax.Perl) // as regexp.Compile parses it
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil || !anchoredAtStart(prog) {
		return nil
	}
	t := &prefixTest{prog: prog, states: map[string]*prefixState{}}
	t.start = t.state(t.closure([]uint32{uint32(prog.Start)}))
	t.start.first = new([0x800]*prefixState)
	for r := range rune(len(t.start.first)) {
		t.start.first[r] = t.step(t.start, r)
	}
	return t
}

// anchoredAtStart reports whether every path of the program from its
// start passes a \A (^) before it reads a rune, and none reaches the
// match without reading one.
func anchoredAtStart(prog *syntax.Prog) bool {
	type state struct {
		pc       uint32
		anchored bool
	}
	seen := map[state]bool{}
	var visit func(s state) bool
	visit = func(s state) bool {
		if seen[s] {
			return true
		}
		seen[s] = true
		in := &prog.Inst[s.pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			return visit(state{in.Out, s.anchored}) && visit(state{in.Arg, s.anchored})
		case syntax.InstCapture, syntax.InstNop:
			return visit(state{in.Out, s.anchored})
		case syntax.InstEmptyWidth:
			return visit(state{in.Out, s.anchored || syntax.EmptyOp(in.Arg)&syntax.EmptyBeginText != 0})
		case syntax.InstMatch:
			return false
		case syntax.InstFail:
			return true
		}
		return s.anchored // a rune instruction
	}
	return visit(state{pc: uint32(prog.Start)})
}

// closure is the rune instructions reached from the instructions todo
// without reading a rune (the match instruction among them), sorted, each
// once.
func (t *prefixTest) closure(todo []uint32) []uint32 {
	var pcs []uint32
	seen := map[uint32]bool{}
	for len(todo) > 0 {
		pc := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if seen[pc] {
			continue
		}
		seen[pc] = true
		switch in := &t.prog.Inst[pc]; in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			todo = append(todo, in.Out, in.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			todo = append(todo, in.Out)
		case syntax.InstFail:
		default: // a rune instruction, or the match
			pcs = append(pcs, pc)
		}
	}
	slices.Sort(pcs)
	return pcs
}

// state is the state of the instructions pcs, made if new.
func (t *prefixTest) state(pcs []uint32) *prefixState {
	key := make([]byte, 0, 4*len(pcs))
	for _, pc := range pcs {
		key = append(key, byte(pc), byte(pc>>8), byte(pc>>16), byte(pc>>24))
	}
	if s, ok := t.states[string(key)]; ok {
		return s
	}
	s := &prefixState{pcs: pcs}
	for _, pc := range pcs {
		s.match = s.match || t.prog.Inst[pc].Op == syntax.InstMatch
	}
	if len(t.states) < maxPrefixStates {
		s.next = map[rune]*prefixState{}
		t.states[string(key)] = s
	}
	return s
}

// step is the state after s reads r.
func (t *prefixTest) step(s *prefixState, r rune) *prefixState {
	var todo []uint32
	for _, pc := range s.pcs {
		if in := &t.prog.Inst[pc]; in.Op != syntax.InstMatch && in.MatchRune(r) {
			todo = append(todo, in.Out)
		}
	}
	return t.state(t.closure(todo))
}

// mayMatch reports whether the pattern may match s: false only when no
// thread of the automaton is left after some of its first runes.
func (t *prefixTest) mayMatch(s string) bool {
	if t == nil {
		return true
	}
	st := t.start
	for i, n := 0, 0; i < len(s) && n < maxPrefixRunes && !st.match; n++ {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if r >= 0x800 {
			return true // and an invalid byte, utf8.RuneError
		}
		st = t.next(st, r)
		if len(st.pcs) == 0 {
			return false
		}
		i += size
	}
	return true
}

// next is the state after s reads r < 0x800, remembered.
func (t *prefixTest) next(s *prefixState, r rune) *prefixState {
	if s.first != nil {
		return s.first[r]
	}
	if n, ok := s.next[r]; ok {
		return n
	}
	n := t.step(s, r)
	if s.next != nil && t.moves < maxPrefixMoves { // s is remembered
		s.next[r] = n
		t.moves++
	}
	return n
}
