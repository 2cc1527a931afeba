package pdfcanvas

import (
	"bytes"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

func TestFamily(t *testing.T) {
	for _, tt := range []struct {
		name  string
		taken []string // families of fonts already registered
		want  string
	}{
		{"LiberationSans-Regular", nil, "liberationsans-regular"},
		{"LiberationSans-Bold", []string{"liberationsans-regular"}, "liberationsans-bold"},
		{"Odd Name (Beta)/2", nil, "oddnamebeta2"},
		{"Liberation Sans-Regular", []string{"liberationsans-regular"}, "liberationsans-regular-2"},
		{"Liberation_Sans-Regular", []string{"liberationsans-regular", "liberationsans-regular-2"}, "liberationsans-regular-3"},
		{"Гарнитура", nil, "font"},
	} {
		c := New(10, 10)
		for i, f := range tt.taken {
			c.fonts[string(rune('a'+i))] = f
		}
		if got := c.family(tt.name); got != tt.want {
			t.Errorf("family(%q) with %v taken = %q, want %q", tt.name, tt.taken, got, tt.want)
		}
	}
}

// TestFontError: a face without its font data cannot be embedded, and
// WriteTo says so rather than writing a PDF without the text.
func TestFontError(t *testing.T) {
	c := New(100, 100)
	c.FillString(font.Face{Font: font.Font{Typeface: "Missing", Size: 10}}, vg.Point{X: 10, Y: 10}, "text")
	c.FillString(font.Face{Font: font.Font{Typeface: "Missing", Size: 10}}, vg.Point{X: 10, Y: 30}, "again")
	var b bytes.Buffer
	if _, err := c.WriteTo(&b); err == nil || b.Len() > 0 {
		t.Errorf("WriteTo: error %v, %d bytes written", err, b.Len())
	}
}
