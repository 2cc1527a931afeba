// Package pdfcanvas is a gonum/plot vg.Canvas that writes PDF through fpdf,
// embedding each font as a UTF-8 TrueType subset so that any glyph the font
// has is drawn and the text can be selected and extracted.
package pdfcanvas
