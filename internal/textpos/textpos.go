package textpos

// LineCol turns a byte offset into data into a 1-based line and column
// (columns count bytes), for messages that point into a file.
func LineCol(data []byte, off int) (line, col int) {
	line, col = 1, 1
	for _, c := range data[:min(max(off, 0), len(data))] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}
