package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/report"
)

func newLexiconImportCmd(env Env) *cobra.Command {
	var from, out, name string
	cmd := &cobra.Command{
		Use:   "import --from liwc|quanteda FILE -o LEXICON.yaml",
		Short: "Turn a LIWC .dic or a quanteda YAML dictionary into a framing lexicon",
		Long: `import reads a dictionary built for another tool and writes it as a framing
lexicon:

  liwc      a LIWC-style .dic file: each category becomes a category (a word
            list); trailing * wildcards and phrases come over
  quanteda  a quanteda YAML dictionary: top-level keys become concepts, their
            keys labels, glob patterns terms

What cannot be carried over is listed on stderr with its line: LIWC's
conditional "(02 134)125/464" forms, emoticons and other entries with no
word, quanteda patterns with ? or an inner *, a pattern under two labels,
nesting deeper than two levels. Nothing is dropped without a word.`,
		Example: `  framing lexicon import --from liwc mydict.dic -o mydict.yaml
  framing lexicon import --from quanteda dict.yml --name mine -o mine.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := os.ReadFile(args[0])
			if err != nil {
				return err
			}
			if name == "" {
				name = strings.TrimSuffix(filepath.Base(args[0]), filepath.Ext(args[0]))
			}
			var l *lexicon.Lexicon
			var notes []lexicon.ImportNote
			switch from {
			case "liwc":
				l, notes, err = lexicon.ImportLIWC(args[0], name, data)
			case "quanteda":
				l, notes, err = lexicon.ImportQuanteda(args[0], name, data)
			default:
				return usagef("--from %q: give liwc or quanteda", from)
			}
			if err != nil {
				return err
			}
			for _, n := range notes {
				fmt.Fprintf(env.Err, "not imported: %s\n", n)
			}
			var b bytes.Buffer
			if err := lexicon.WriteYAML(&b, l); err != nil {
				return err
			}
			// What is written must load: a check, not a hope.
			if _, err := lexicon.Parse("imported.yaml", b.Bytes()); err != nil {
				return fmt.Errorf("the imported lexicon does not validate: %w", err)
			}
			if out == "" {
				_, err = env.Out.Write(b.Bytes())
				return err
			}
			if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
				return err
			}
			fmt.Fprintf(env.Err, "wrote %s: %s, %s; %s not imported\n", out, report.Count(len(l.Concepts), "concept", "concepts"), report.Count(len(l.Categories), "category", "categories"), report.Count(len(notes), "entry", "entries"))
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "the `format` of FILE: liwc or quanteda")
	cmd.Flags().StringVarP(&out, "output", "o", "", "lexicon `file` to write (default: standard output)")
	cmd.Flags().StringVar(&name, "name", "", "the lexicon's `name` (default: the file's name)")
	return cmd
}

func newLexiconExportCmd(env Env) *cobra.Command {
	var to, out string
	cmd := &cobra.Command{
		Use:   "export --to quanteda [FILE] [-o DICT.yml]",
		Short: "Write a lexicon as a quanteda dictionary, to cross-check results in R",
		Long: `export writes a lexicon (default: the built-in one) as a quanteda YAML
dictionary: concepts as keys, their labels below them, categories as keys of
their own, terms as glob patterns (use valuetype = "glob"). Case-sensitive
terms, which quanteda's dictionary cannot mark, are listed on stderr.`,
		Example: `  framing lexicon export --to quanteda -o ru-ua-war.yml
  framing lexicon export --to quanteda my.yaml > my.yml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if to != "quanteda" {
				return usagef("--to %q: the one export is quanteda", to)
			}
			l, err := lexicon.LoadLexicon(optionalPath(args))
			if err != nil {
				return err
			}
			var b bytes.Buffer
			notes, err := lexicon.ExportQuanteda(&b, l)
			if err != nil {
				return err
			}
			for _, n := range notes {
				fmt.Fprintf(env.Err, "note: %s\n", n)
			}
			if out == "" {
				_, err = env.Out.Write(b.Bytes())
				return err
			}
			return os.WriteFile(out, b.Bytes(), 0o644)
		},
	}
	cmd.Flags().StringVar(&to, "to", "", "the `format` to write: quanteda")
	cmd.Flags().StringVarP(&out, "output", "o", "", "`file` to write (default: standard output)")
	return cmd
}
