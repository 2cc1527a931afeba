package pdfcanvas

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// FillString draws text with its baseline starting at pt, in the colour set
// and fnt's size in points. Text in a size of 0 is not drawn.
//
// fpdf does not kern, while vg measures text with the font's kerning, so a
// right-aligned or centred string can sit a fraction of a point off (as
// with vgpdf).
func (c *Canvas) FillString(fnt font.Face, pt vg.Point, text string) {
	if fnt.Font.Size == 0 || text == "" {
		return
	}
	family, ok := c.font(fnt)
	if !ok {
		return
	}
	c.syncColor()
	c.doc.SetFont(family, "", fnt.Font.Size.Points())
	c.doc.Text(pt.X.Points(), c.y(pt.Y), bmpOnly(text))
}

// bmpOnly replaces the characters outside Unicode's Basic Multilingual
// Plane (emoji, say, in an outlet's name) with U+FFFD. fpdf addresses a
// glyph by a 16-bit code, the character's own, and panics on writing a
// font that was asked for a larger one; the fonts of the charts have no
// glyph there anyway.
func bmpOnly(s string) string {
	for _, r := range s {
		if r > 0xFFFF {
			return strings.Map(func(r rune) rune {
				if r > 0xFFFF {
					return unicode.ReplacementChar
				}
				return r
			}, s)
		}
	}
	return s
}

// font registers fnt with the document the first time it is used and
// returns its fpdf family. The font goes in as UTF-8 TrueType: fpdf then
// embeds the subset of glyphs the text uses, addressed by code point, with
// a map back to Unicode for copying and searching, where a single-byte
// code page (vgpdf's cp1252) has no room for Cyrillic.
func (c *Canvas) font(fnt font.Face) (family string, ok bool) {
	name := fnt.Name()
	if family, ok := c.fonts[name]; ok {
		return family, family != ""
	}
	c.fonts[name] = "" // tried: an error is reported once
	if fnt.Face == nil {
		c.doc.SetErrorf("pdfcanvas: font %q has no face (is it in the font cache?)", name)
		return "", false
	}
	var ttf bytes.Buffer
	if _, err := fnt.Face.WriteSourceTo(nil, &ttf); err != nil {
		c.doc.SetErrorf("pdfcanvas: font %q: %v", name, err)
		return "", false
	}
	family = c.family(name)
	c.doc.AddUTF8FontFromBytes(family, "", ttf.Bytes())
	if c.doc.Err() {
		return "", false
	}
	c.fonts[name] = family
	return family, true
}

// family is the fpdf family of font name: the name lower-cased (fpdf keys
// families so) and cut to what is safe in a PDF name (it becomes the
// embedded font's name), with a number added should two names cut to the
// same family.
func (c *Canvas) family(name string) string {
	base := strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9', r == '-':
			return r
		case 'A' <= r && r <= 'Z':
			return r - 'A' + 'a'
		}
		return -1
	}, name)
	if base == "" {
		base = "font"
	}
	taken := map[string]bool{}
	for _, f := range c.fonts {
		taken[f] = true
	}
	family := base
	for i := 2; taken[family]; i++ {
		family = fmt.Sprintf("%s-%d", base, i)
	}
	return family
}
