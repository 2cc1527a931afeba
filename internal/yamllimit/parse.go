package yamllimit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/scanner"
	"github.com/goccy/go-yaml/token"
)

// Limits bound what one YAML file may cost. The YAML library holds 310 to
// 470 bytes per token once it has parsed a file (the heap in use, measured
// on 16 MB files of manifest entries, of one flow list and of one block
// list: 1.2 to 5.1 GB), so MaxTokens is what bounds memory; MaxBytes
// bounds what is read at all.
type Limits struct {
	// MaxBytes is the largest file read.
	MaxBytes int64
	// MaxTokens is the most tokens (keys, values, and marks such as "-",
	// ":" and "[") a file may have. A manifest entry of three fields is
	// about ten.
	MaxTokens int
	// MaxDepth is the deepest nesting of lists and mappings. The library's
	// parser takes memory quadratic in the depth (parsing 20,000 nested
	// flow lists, 40 KB, allocated 640 MB); framing's files nest a few
	// levels.
	MaxDepth int
	// ExpandFactor caps what aliases expand a file to: at most
	// ExpandFactor times the values it writes out, or MinExpand values,
	// whichever is more. A "billion laughs" of nine levels of ten aliases
	// writes a hundred values and expands to a billion.
	ExpandFactor, MinExpand int
}

// Defaults are the limits of every YAML file framing reads: 16 MB, a
// million tokens (about 100,000 manifest entries; about 450 MB while
// parsing), 64 levels, aliases expanding a file at most ten times.
func Defaults() Limits {
	return Limits{MaxBytes: 16 << 20, MaxTokens: 1_000_000, MaxDepth: 64, ExpandFactor: 10, MinExpand: 10_000}
}

// Error is a file over a limit, at the line and column (1-based) where it
// goes over: which limit, what happened, and what to do (a caller that
// knows better what its file is may say something else).
type Error struct {
	Line, Col int
	Limit     Limit
	Msg       string
	Advice    string
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Message()) }

// Message is what happened, and what to do, without the place.
func (e *Error) Message() string {
	if e.Advice == "" {
		return e.Msg
	}
	return e.Msg + " (" + e.Advice + ")"
}

// Limit names a limit of Limits.
type Limit int

// The limits a file can go over; NoLimit is a file the parser cannot
// parse at all.
const (
	NoLimit Limit = iota
	Size
	Tokens
	Depth
	Aliases
)

// adviceRightFile is what to do about a file too large or too deep: what
// framing reads is neither.
const adviceRightFile = "is it the right file?"

// ReadFile reads a YAML file with the default limits.
func ReadFile(path string) ([]byte, error) { return Defaults().ReadFile(path) }

// Parse parses a YAML file's content with the default limits.
func Parse(data []byte) (*ast.File, error) { return Defaults().Parse(data) }

// ReadFile reads the file at path, but no more than MaxBytes of it: a
// larger file is an *Error at the place it goes over. A file is read into
// one buffer of its size (or of the limit); a named pipe, as it comes.
func (l Limits) ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var data []byte
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		// One byte more than the file, or than the limit, says it is over
		// the limit or grew since.
		data = make([]byte, min(info.Size(), l.MaxBytes)+1)
		n, err := io.ReadFull(f, data)
		if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
			return nil, err
		}
		data = data[:n]
	}
	if int64(len(data)) <= l.MaxBytes {
		// A pipe, or a file that grew: read on, up to the limit.
		rest, err := io.ReadAll(io.LimitReader(f, l.MaxBytes+1-int64(len(data))))
		if err != nil {
			return nil, err
		}
		data = append(data, rest...)
	}
	if err := l.checkSize(data); err != nil {
		return nil, err
	}
	return data, nil
}

func (l Limits) checkSize(data []byte) error {
	if int64(len(data)) <= l.MaxBytes {
		return nil
	}
	head := data[:l.MaxBytes]
	line := bytes.Count(head, []byte("\n")) + 1
	col := utf8.RuneCount(head[bytes.LastIndexByte(head, '\n')+1:]) + 1
	return &Error{Line: line, Col: col, Limit: Size, Msg: fmt.Sprintf("the file is over %s, the most read from a YAML file", size(l.MaxBytes)), Advice: adviceRightFile}
}

func size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Parse parses data after checking its size, then its tokens as they are
// scanned (their number and the nesting they make), and before anything
// decodes it, how far its aliases expand. A file over a limit is an
// *Error; a file that is not YAML is the parser's error, which carries
// its token. The parser has panicked on some malformed input; that is an
// error too.
func (l Limits) Parse(data []byte) (f *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, &Error{Line: 1, Col: 1, Msg: fmt.Sprintf("cannot parse YAML: %v", r)}
		}
	}()
	if err := l.checkSize(data); err != nil {
		return nil, err
	}
	tokens, err := l.scan(string(data))
	if err != nil {
		return nil, err
	}
	f, err = parser.Parse(tokens, 0)
	if err != nil {
		return nil, err
	}
	if err := l.checkAliases(f); err != nil {
		return nil, err
	}
	return f, nil
}

// scan tokenizes src as the library's lexer does, stopping at the first
// token over MaxTokens or MaxDepth.
func (l Limits) scan(src string) (token.Tokens, error) {
	var s scanner.Scanner
	s.Init(src)
	var tokens token.Tokens
	var d depth
	for {
		sub, err := s.Scan()
		if errors.Is(err, io.EOF) {
			return tokens, nil
		}
		for _, tk := range sub {
			if len(tokens) >= l.MaxTokens {
				return nil, errorAt(tk, Tokens, fmt.Sprintf("the YAML has over %d tokens (keys, values and marks), the most read from a YAML file", l.MaxTokens), adviceRightFile)
			}
			if d.add(tk) > l.MaxDepth {
				return nil, errorAt(tk, Depth, fmt.Sprintf("the YAML nests deeper than %d levels", l.MaxDepth), adviceRightFile)
			}
			tokens.Add(tk)
		}
		// A scan error comes as an invalid token, which the parser reports.
	}
}

// errorAt is an *Error at a token.
func errorAt(tk *token.Token, limit Limit, msg, advice string) *Error {
	e := &Error{Line: 1, Col: 1, Limit: limit, Msg: msg, Advice: advice}
	if tk != nil && tk.Position != nil {
		e.Line, e.Col = max(1, tk.Position.Line), max(1, tk.Position.Column)
	}
	return e
}

// Unwrap looks through anchors and tags to the node they decorate: what
// a reader of the parsed tree means by a node.
func Unwrap(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		default:
			return n
		}
	}
}
