package main

import (
	"errors"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/framingkit/framing/lexicon"
)

func newLexiconInitCmd(env Env) *cobra.Command {
	var out string
	var copyBuiltin bool
	cmd := &cobra.Command{
		Use:   "init [-o FILE] [--copy-builtin]",
		Short: "Start a lexicon of your own: a commented starter, or a copy of the built-in one",
		Long: `init writes a lexicon to start from: a small commented one (a concept with
three labels on a framing axis, a category, example sentences), or with
--copy-builtin the built-in lexicon ru-ua-war, whose every term has an example.
Its first line names the lexicon's JSON Schema, so an editor with the YAML
language server (VS Code's YAML extension, Neovim, Helix, JetBrains) checks
and completes it as you write. The README's "Lexicon format" lists every key.
init does not write over a file that exists.`,
		Example: `  framing lexicon init -o my.yaml
  framing lexicon init --copy-builtin -o war.yaml
  framing lexicon test my.yaml
  framing compare --lexicon my.yaml corpus/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" && env.OutIsTTY {
				return usagef("give -o FILE (or redirect standard output)")
			}
			if out != "" {
				if _, err := os.Stat(out); err == nil {
					return usagef("%s exists: give another name, or remove it first", out)
				} else if !errors.Is(err, fs.ErrNotExist) {
					return err
				}
			}
			src := lexicon.Starter
			if copyBuiltin {
				src = append([]byte("# yaml-language-server: $schema="+lexicon.SchemaURL+"\n"), lexicon.BuiltinYAML()...)
			}
			return redirect(env, out, func(env Env) error {
				_, err := env.Out.Write(src)
				return err
			})
		},
	}
	outputFlag(cmd.Flags(), &out)
	cmd.Flags().BoolVar(&copyBuiltin, "copy-builtin", false, "start from a copy of the built-in lexicon ru-ua-war (lexicon/builtin/ru-ua-war.yaml in the repository)")
	return cmd
}
