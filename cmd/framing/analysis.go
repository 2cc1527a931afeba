package main

import (
	"github.com/framingkit/framing/framing/compare"

	"errors"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/framingkit/framing/framing"
	"github.com/framingkit/framing/lexicon"
	"github.com/framingkit/framing/report"
)

// analysisOptions are what compare, report and plot share: a corpus, or
// tallies, turned into a comparison.
type analysisOptions struct {
	corpusOptions
	compare.Options
	By      string
	Tallies []string
	// Evidence is the snippets kept per group and label for a report; 0
	// keeps none. Window is the words of context on each side.
	Evidence, Window int
	// PerOutlet keeps each outlet's index beside groups that are not
	// outlets (the report's per-outlet view).
	PerOutlet bool
}

func newAnalysisOptions() *analysisOptions {
	return &analysisOptions{Options: compare.DefaultOptions(), Window: 8}
}

func (o *analysisOptions) addFlags(f *pflag.FlagSet) {
	o.corpusOptions.addFlags(f)
	f.StringVar(&o.By, "by", "outlet", "group documents by this `field`: outlet, date, or any manifest or metadata field")
	f.StringSliceVar(&o.Tallies, "tally", nil, "read tally `files` (merged) instead of a corpus")
	f.Uint64Var(&o.Seed, "seed", o.Seed, "seed of the permutation and Monte Carlo tests and the bootstrap")
	f.IntVar(&o.MonteCarlo, "draws", o.MonteCarlo, "arrangements for permutation p-values (exact up to this many), tables for Monte Carlo p-values")
	f.IntVar(&o.Bootstrap, "bootstrap", o.Bootstrap, "resamples of the cluster bootstrap intervals")
	f.StringVar(&o.Unit, "unit", o.Unit, "what p-values and intervals count as independent: `documents` (with --dedupe a story's copies in one group as one), or hits (the hit-level tests, too narrow when hits cluster in documents)")
	f.Float64Var(&o.Conf, "conf", o.Conf, "confidence level of intervals")
	f.IntVar(&o.Top, "top", o.Top, "distinctive labels, terms and phrases to list per group")
	f.BoolVar(&o.Phrases, "phrases", false, "count every word and two-word phrase of the voices counted, for the phrases that set each group apart beyond the lexicon's terms (distinctive_phrases; a tally grows by the corpus' vocabulary)")
}

// check refuses contradictory inputs before any work is done.
func (o *analysisOptions) check(cmd *cobra.Command, args []string) error {
	if len(args) == 0 && len(o.Tallies) == 0 {
		return usagef("give a corpus PATH or --tally FILE")
	}
	if len(args) > 0 && len(o.Tallies) > 0 {
		return usagef("give a corpus PATH or --tally FILE, not both")
	}
	if o.Unit != compare.UnitDocuments && o.Unit != compare.UnitHits {
		return usagef("--unit must be %s or %s (got %q)", compare.UnitDocuments, compare.UnitHits, o.Unit)
	}
	if len(o.Tallies) > 0 && cmd.Flags().Changed("by") {
		return usagef("--by applies when reading a corpus; a tally is grouped when it is written (score --format tally --by FIELD)")
	}
	return nil // the numeric flags are checked before any command runs (checkFlags)
}

// analyse reads the corpus at paths (or the tallies) and compares its
// groups. With Evidence > 0 it keeps snippets of the hits; from tallies
// there is no text, so there is no evidence.
func (o *analysisOptions) analyse(env Env, paths []string) (*report.Input, error) {
	in, t, err := o.collect(env, paths, nil)
	if err != nil {
		return nil, err
	}
	done := stage(env, "statistics")
	c, err := compare.Groups(t, o.Options)
	done()
	if err != nil {
		return nil, err
	}
	in.Comparison = c
	return in, nil
}

// collect reads the corpus at paths (or the tallies) into a tally and the
// report's input without its comparison; each, when not nil, also sees
// every scored document.
func (o *analysisOptions) collect(env Env, paths []string, each func(*framing.Score, *lexicon.Matcher)) (*report.Input, *framing.Tally, error) {
	in := &report.Input{Dropped: map[string]report.DroppedCount{}}
	var t *framing.Tally
	if len(o.Tallies) > 0 {
		var err error
		if t, err = readTallies(o.Tallies); err != nil {
			return nil, nil, err
		}
		// The axis names come from the lexicon, when the one at hand made
		// the tallies.
		if m, err := o.matcher(); err == nil && m.Hash() == t.Lexicon.Hash {
			in.Axis = axisOf(m)
		}
	} else {
		m, err := o.matcher()
		if err != nil {
			return nil, nil, err
		}
		in.Axis = axisOf(m)
		t = framing.NewTally(m, o.By)
		t.Voices, t.Phrases = o.voiceSet(), o.Phrases
		if o.Evidence > 0 {
			in.Evidence = report.NewEvidenceSample(o.Evidence, o.Window)
		}
		var outlets *report.OutletCollector
		var ot *framing.Tally // by outlet, beside groups that are not
		if o.PerOutlet && o.By != "outlet" {
			ot = framing.NewTally(m, "outlet")
			ot.Voices = t.Voices
			outlets = report.NewOutletCollector(ot, o.By)
		}
		// Without evidence to show, or a caller to see each score, the
		// tallies are all that is kept of a score.
		countsOnly := func(opt *framing.Options) { opt.CountsOnly = in.Evidence == nil && each == nil }
		sum, man, err := o.scoreCorpus(env, paths, m, countsOnly, func(r *framing.Result) error {
			doc, s := r.Doc, r.Score
			t.Add(s)
			if each != nil {
				each(s, m)
			}
			if in.Evidence != nil {
				in.Evidence.Add(framing.GroupOf(s, o.By), doc, s)
			}
			if outlets != nil {
				outlets.Add(s)
			}
			for _, d := range s.Dropped {
				dc := in.Dropped[d.Reason]
				dc.Lines++
				dc.Tokens += d.Tokens
				in.Dropped[d.Reason] = dc
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		t.AddSummary(sum)
		// The tallies spill to the same directory: one note says it.
		note := t.Note()
		if note == "" && ot != nil {
			note = ot.Note()
		}
		sum.AddNote(note)
		o.finish(env, sum, man)
		if err := t.CheckBy(); err != nil {
			return nil, nil, byError(err)
		}
		if o.FindCopies || o.Dedupe {
			in.Syndication = nonNil(o.Clusters)
		}
		in.Deduplicated = o.Dedupe
		if outlets != nil {
			done := stage(env, "statistics by outlet")
			in.Outlets, err = outlets.View(o.Options)
			done()
			if err != nil {
				return nil, nil, err
			}
		}
	}
	return in, t, nil
}

// byError is err as a usage error when it says that no document has the
// --by field, and err otherwise.
func byError(err error) error {
	var fe *framing.FieldError
	if errors.As(err, &fe) {
		return usagef("--by %s: no document has this field; group by one of %s", fe.Field, strings.Join(fe.Have, ", "))
	}
	return err
}

func axisOf(m *lexicon.Matcher) [2]string {
	if a := m.Lexicon().Axis; a != nil {
		return [2]string{a.Negative, a.Positive}
	}
	return [2]string{}
}
