package main

import (
	"io"
	"os"

	"golang.org/x/term"
)

// Env is the command's world: its streams and whether they are terminals.
// Commands get it injected so tests run them without a terminal.
type Env struct {
	In       io.Reader
	Out, Err io.Writer
	OutIsTTY bool // stdout is a terminal: tables, colour
	ErrIsTTY bool // stderr is a terminal: progress
}

func systemEnv() Env {
	return Env{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		OutIsTTY: term.IsTerminal(int(os.Stdout.Fd())),
		ErrIsTTY: term.IsTerminal(int(os.Stderr.Fd())),
	}
}
