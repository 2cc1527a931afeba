package corpus

import (
	"bytes"
	"encoding/json"
	"strings"
)

// rawField is json.RawMessage without the copy: the bytes of a field's
// value in the line being read (parseObject), valid until the reader reads
// the next line into the same memory; jsonlLine copies what it keeps.
// (RawMessage copies every value, the article text among them, once more.)
type rawField []byte

// UnmarshalJSON keeps data, a part of the line being read, which nothing
// changes before the line's fields are copied out.
func (r *rawField) UnmarshalJSON(data []byte) error {
	*r = data
	return nil
}

// stringField decodes a JSON value known to be valid (a field of an object
// json.Unmarshal read) into s when it is a string, as json.Unmarshal does.
// A string with no escapes but the one-letter ones (\n, \", ...), which is
// every article text of a scraper's JSONL, is decoded here in one pass:
// json.Unmarshal would validate it again and scan it twice, a third of the
// reader's time. Others (\u escapes, which need the surrogate rules) go to
// json.Unmarshal. The input must be valid UTF-8, as the reader has checked,
// for the result to be json.Unmarshal's.
func stringField(v rawField, s *string) bool {
	if out, ok := plainString(v); ok {
		*s = out
		return true
	}
	return json.Unmarshal(v, s) == nil
}

// plainString is the string a valid JSON string literal v holds, when it
// has no \u escape; ok is false otherwise (and for any other value).
func plainString(v []byte) (string, bool) {
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		return "", false
	}
	in := v[1 : len(v)-1]
	i := bytes.IndexByte(in, '\\')
	if i < 0 {
		return string(in), true
	}
	var out strings.Builder // its String is the bytes written, not a copy
	out.Grow(len(in))
	for i >= 0 {
		out.Write(in[:i])
		if i+1 >= len(in) {
			return "", false // not a valid literal: left to json
		}
		c := unescape[in[i+1]]
		if c == 0 {
			return "", false // \u, or not valid JSON
		}
		out.WriteByte(c)
		in = in[i+2:]
		i = bytes.IndexByte(in, '\\')
	}
	out.Write(in)
	return out.String(), true
}

// unescape maps the letter of a one-letter JSON escape to its byte (RFC
// 8259, section 7); 0 for the rest.
var unescape = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
