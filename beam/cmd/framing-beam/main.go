// Command framing-beam runs framing's scoring and tally as an Apache Beam
// pipeline and writes the merged tally that `framing compare --tally` and
// `framing report --tally` read. The runner is Beam's --runner flag (Prism,
// in this process, by default).
//
//	go run ./cmd/framing-beam --input 'corpus/*.jsonl.gz' --output tally.json
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs" // gs:// inputs and output, for Dataflow
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/framingkit/framing/beam/pipeline"
)

var (
	input    = flag.String("input", "", "glob of corpus files (local paths, gs://, s3://, … as Beam's filesystems allow): .txt, .jsonl, .csv, .html, .warc, also .gz and .zst")
	output   = flag.String("output", "tally.json", "file to write the merged tally to")
	lexPath  = flag.String("lexicon", "", "lexicon YAML file the workers can read (default: the built-in ru-ua-war)")
	manifest = flag.String("manifest", "", "manifest file the workers can read (CSV or YAML)")
	by       = flag.String("by", "outlet", "group documents by this field")
)

func main() {
	flag.Parse()
	beam.Init()
	if *input == "" {
		fmt.Fprintln(os.Stderr, "framing-beam: give --input GLOB (and --output FILE)")
		os.Exit(2)
	}
	p, s := beam.NewPipelineWithRoot()
	tally := pipeline.Build(s, *input, pipeline.Options{Lexicon: *lexPath, Manifest: *manifest, By: *by})
	textio.Write(s, *output, beam.ParDo(s, pipeline.ForTextio, tally))
	if err := beamx.Run(context.Background(), p); err != nil {
		fmt.Fprintln(os.Stderr, "framing-beam:", err)
		os.Exit(1)
	}
}
