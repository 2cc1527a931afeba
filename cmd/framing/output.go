package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/pflag"
)

// outputFlag adds -o/--output FILE to a command that writes its data to
// standard output.
func outputFlag(f *pflag.FlagSet, path *string) {
	f.StringVarP(path, "output", "o", "", "write to `file` instead of standard output (all or nothing: the file appears when the command succeeds)")
}

// redirect runs fn with its output going to path, when path is not "": to
// a temporary file beside it, renamed to path when fn succeeds and removed
// when it fails, so that a failed run never leaves half a result where a
// script expects a whole one. The file is not a terminal, so a command
// chooses the format it writes to a pipe.
func redirect(env Env, path string, fn func(Env) error) error {
	if path == "" {
		return fn(env)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return usagef("-o %s: cannot write there (%v)", path, err)
	}
	out := env
	out.Out, out.OutIsTTY = f, false
	err = fn(out)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return err
	}
	fmt.Fprintf(env.Err, "wrote %s\n", path)
	return nil
}

// normalizeOut reads the older --out as --output.
func normalizeOut(_ *pflag.FlagSet, name string) pflag.NormalizedName {
	if name == "out" {
		name = "output"
	}
	return pflag.NormalizedName(name)
}
