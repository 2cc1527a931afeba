package corpus

import "io"

// readChecked is Read followed by the document rules the pipeline applies
// to what it reads (Check): what a run of framing makes of paths, skips
// counted in the summary and reported to opt.OnSkip.
func readChecked(paths []string, opt Options, yield func(Document) error) (Summary, error) {
	var skipped []Skip
	sum, err := Read(paths, opt, checking(opt, &skipped, yield))
	return withSkips(sum, skipped), err
}

// readStreamChecked is ReadStream with the document rules (readChecked).
func readStreamChecked(name, rel string, in io.Reader, opt Options, yield func(Document) error) (Summary, error) {
	var skipped []Skip
	sum, err := ReadStream(name, rel, in, opt, checking(opt, &skipped, yield))
	return withSkips(sum, skipped), err
}

func checking(opt Options, skipped *[]Skip, yield func(Document) error) func(Document) error {
	var ids IDs
	return func(d Document) error {
		if s, ok := Check(d, &ids); !ok {
			*skipped = append(*skipped, s)
			if opt.OnSkip != nil {
				opt.OnSkip(s)
			}
			if opt.Strict {
				return s
			}
			return nil
		}
		return yield(d)
	}
}

func withSkips(sum Summary, skipped []Skip) Summary {
	if sum.Skipped == nil {
		sum.Skipped = map[Reason]int{}
	}
	for _, s := range skipped {
		sum.Skipped[s.Reason]++
	}
	return sum
}
