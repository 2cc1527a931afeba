package corpus

import "encoding/json"

// parseObject reads a JSONL line as json.Unmarshal reads it into a
// map[string]rawField: each key to the bytes of its value, a later key
// winning over an earlier one, and json.Unmarshal's error when the line
// is not one JSON object. A line of the shape every scraper writes — one
// object of plain keys whose values are strings, numbers, true, false or
// null — is split here in one pass; json.Unmarshal validates the whole
// line first and then scans it again, a third of the reader's time. Any
// other line (a nested value, an escaped key, anything invalid) goes to
// json.Unmarshal, so its result and its error are json's. The line must
// be valid UTF-8, as the reader has checked. FuzzParseObject compares the
// two.
func parseObject(raw []byte) (map[string]rawField, error) {
	if obj, ok := flatObject(raw); ok {
		return obj, nil
	}
	var obj map[string]rawField
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, err
	}
	return obj, nil
}

// flatObject splits a flat JSON object (RFC 8259) into its keys and the
// bytes of their values; ok is false for anything else, valid or not.
func flatObject(b []byte) (obj map[string]rawField, ok bool) {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return nil, false
	}
	obj = make(map[string]rawField, 8)
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return obj, skipSpace(b, i+1) == len(b)
	}
	for {
		// A key without escapes: one with escapes is json's to decode.
		if i >= len(b) || b[i] != '"' {
			return nil, false
		}
		end := stringEnd(b, i)
		if end < 0 {
			return nil, false
		}
		key := b[i+1 : end-1]
		for _, c := range key {
			if c == '\\' {
				return nil, false
			}
		}
		i = skipSpace(b, end)
		if i >= len(b) || b[i] != ':' {
			return nil, false
		}
		i = skipSpace(b, i+1)
		end = valueEnd(b, i)
		if end < 0 {
			return nil, false
		}
		obj[string(key)] = rawField(b[i:end])
		i = skipSpace(b, end)
		if i >= len(b) {
			return nil, false
		}
		switch b[i] {
		case ',':
			i = skipSpace(b, i+1)
		case '}':
			return obj, skipSpace(b, i+1) == len(b)
		default:
			return nil, false
		}
	}
}

// skipSpace returns the index of the first byte at or after i that is
// not JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// valueEnd returns the index just past the string, number or literal
// that starts at b[i]; -1 when none does (objects and arrays too).
func valueEnd(b []byte, i int) int {
	if i >= len(b) {
		return -1
	}
	switch c := b[i]; {
	case c == '"':
		return stringEnd(b, i)
	case c == '-' || '0' <= c && c <= '9':
		return numberEnd(b, i)
	}
	for _, lit := range [...]string{"true", "false", "null"} {
		if len(b)-i >= len(lit) && string(b[i:i+len(lit)]) == lit {
			return i + len(lit)
		}
	}
	return -1
}

// stringEnd returns the index just past the string literal that starts
// at b[i] (a quote), checking its escapes; -1 when it is not valid.
func stringEnd(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			return i + 1
		case c < 0x20:
			return -1 // control characters must be escaped
		case c == '\\':
			if i+1 >= len(b) {
				return -1
			}
			i++
			switch b[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(b) {
					return -1
				}
				for _, h := range b[i+1 : i+5] {
					if !isHex(h) {
						return -1
					}
				}
				i += 4
			default:
				return -1
			}
		}
	}
	return -1
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// numberEnd returns the index just past the number that starts at b[i]
// (RFC 8259, section 6); -1 when it is not one.
func numberEnd(b []byte, i int) int {
	digits := func(i int) int {
		j := i
		for j < len(b) && '0' <= b[j] && b[j] <= '9' {
			j++
		}
		return j
	}
	if b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		i = digits(i)
	default:
		return -1
	}
	if i < len(b) && b[i] == '.' {
		j := digits(i + 1)
		if j == i+1 {
			return -1
		}
		i = j
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		j := digits(i)
		if j == i {
			return -1
		}
		i = j
	}
	return i
}
