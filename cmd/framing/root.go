package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/framingkit/framing/framing"
)

// run builds the command tree for env, runs it on args and returns the exit
// status. Nothing is global: each call builds its own commands.
func run(env Env, args []string) int {
	root := newRootCmd(env)
	root.SetArgs(args)
	root.SetIn(env.In)
	root.SetOut(env.Out)
	root.SetErr(env.Err)
	err := root.Execute()
	if err != nil && !errors.Is(err, errFailed) {
		fmt.Fprintf(env.Err, "framing: %v\n", err)
	}
	return exitCode(err)
}

func newRootCmd(env Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "framing",
		Short: "Measure how news outlets frame events, in their own voice and in what they quote",
		Long: `framing counts the loaded terms news outlets use for contested things
("special military operation" or "invasion", "mutiny" or "rebellion"),
separating the outlet's own voice from the words it quotes, and shows the
evidence behind every count.`,
		Example: `  framing score testdata/seeds
  framing score --format jsonl testdata/seeds
  framing report testdata/seeds -o out
  framing plot index testdata/seeds -o index.svg
  framing reliability testdata/seeds
  framing check --baseline testdata/seeds.baseline.json testdata/seeds
  framing kwic invasion testdata/seeds
  framing lexicon show`,
		Version:       framing.Version,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetVersionTemplate("framing {{.Version}}\n")
	root.SetFlagErrorFunc(flagError)
	root.SetGlobalNormalizationFunc(normalizeOut)
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if err := applyConfig(env, cmd, args); err != nil {
			return err
		}
		return checkFlags(cmd)
	}
	root.AddCommand(newScoreCmd(env), newCompareCmd(env), newReportCmd(env), newPlotCmd(env), newMergeCmd(env), newKwicCmd(env), newLexiconCmd(env), newBaselineCmd(env), newCheckCmd(env), newReliabilityCmd(env))
	return root
}
