package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"

	"github.com/framingkit/framing/framing/corpus"
)

// applyConfig sets, from the project's configuration file (framing.yaml
// or .framing.yaml at the corpus's root, else in the current directory),
// every flag of cmd that the command line left unset, and says which file
// it used. A flag the command does not have is not an error: one file
// serves every command.
func applyConfig(env Env, cmd *cobra.Command, args []string) error {
	var dirs []string
	for _, a := range args {
		if st, err := os.Stat(a); err == nil {
			if st.IsDir() {
				dirs = append(dirs, a)
			} else {
				dirs = append(dirs, filepath.Dir(a))
			}
			break // the corpus's root: its first path
		}
	}
	dirs = append(dirs, ".")
	c, err := corpus.FindConfig(dirs...)
	if err != nil || c == nil {
		return err
	}
	applied := false
	for name, value := range c.Flags() {
		f := cmd.Flags().Lookup(name)
		switch {
		case f == nil || f.Changed:
			continue
		case name == "voice" && cmd.Name() == "kwic": // there, the voices to show
			continue
		case name == "by" && slices.Contains([]string{"compare", "report", "plot"}, cmd.Name()) && cmd.Flags().Changed("tally"):
			continue // a tally is grouped when it is written
		}
		if err := cmd.Flags().Set(name, value); err != nil {
			return usagef("%s: %s: %v", c.File, name, err)
		}
		applied = true
	}
	if applied {
		fmt.Fprintf(env.Err, "using config %s\n", c.File)
	}
	return nil
}
