package yamllimit

import "github.com/goccy/go-yaml/token"

// depth follows the nesting of a token stream, before it is parsed: flow
// collections ("[", "{") by their brackets, block ones by indentation.
// A block collection is entered by a "-", a "?" or a key (the token before
// a ":") further right than the one it is in; a list may also start in
// the column of the key it belongs to. The count is the nesting the
// parser will build, give or take a level for that list.
type depth struct {
	flow  int
	block []blockLevel
	prev  *token.Token
}

// blockLevel is a block collection open at a column.
type blockLevel struct {
	col  int
	list bool
}

// add takes the next token and returns the depth at it.
func (d *depth) add(tk *token.Token) int {
	prev := d.prev
	d.prev = tk
	switch tk.Type {
	case token.SequenceStartType, token.MappingStartType:
		d.flow++
	case token.SequenceEndType, token.MappingEndType:
		d.flow = max(0, d.flow-1)
	case token.DocumentHeaderType, token.DocumentEndType:
		d.flow, d.block = 0, d.block[:0]
	case token.SequenceEntryType, token.MappingKeyType:
		if d.flow == 0 {
			d.enter(column(tk), tk.Type == token.SequenceEntryType)
		}
	case token.MappingValueType:
		if d.flow == 0 && prev != nil {
			d.enter(column(prev), false)
		}
	}
	return d.flow + len(d.block)
}

// enter notes a block entry (a list item or a key) at col.
func (d *depth) enter(col int, list bool) {
	for len(d.block) > 0 && d.block[len(d.block)-1].col > col {
		d.block = d.block[:len(d.block)-1]
	}
	if n := len(d.block); n > 0 && d.block[n-1].col == col {
		top := d.block[n-1]
		switch {
		case top.list == list: // the next item or key of the same collection
			return
		case list: // a list in the column of the key it belongs to
			d.block = append(d.block, blockLevel{col, true})
			return
		}
		// A key in the column of a list: the list has ended.
		d.block = d.block[:n-1]
		if n > 1 && d.block[n-2].col == col {
			return
		}
	}
	d.block = append(d.block, blockLevel{col, list})
}

func column(tk *token.Token) int {
	if tk.Position == nil {
		return 0
	}
	return tk.Position.Column
}
