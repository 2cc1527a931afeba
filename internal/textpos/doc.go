// Package textpos turns byte offsets into the line and column a person
// looks for in a file.
package textpos
