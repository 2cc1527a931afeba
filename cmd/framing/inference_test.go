package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// clusteredCorpus writes a corpus whose outlets differ in how their
// documents frame the war, with hits clustered in documents: each document
// leans one way, with a few hits or many, and the wire outlets run the
// same agency stories. It returns the path of the JSONL file.
func clusteredCorpus(t *testing.T) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(18, 18))
	own := []string{"the special military operation", "the invasion", "the war"}
	wagner := []string{"PMC Wagner", "the mercenaries", "the Wagner Group"}
	wire := []string{
		"The agency reported that convoys moved along the highway overnight while officials in the region counted the damage to bridges, power lines and a grain terminal near the river port.",
		"Local authorities said the evacuation of two villages was completed by morning and that schools in the district would stay closed until the end of the week at least.",
	}
	var b strings.Builder
	for _, outlet := range []struct {
		name string
		lean []float64 // chance of each own-voice term
		docs int
	}{
		{"State A", []float64{0.8, 0.1, 0.1}, 40},
		{"State B", []float64{0.7, 0.1, 0.2}, 36},
		{"Independent C", []float64{0.1, 0.6, 0.3}, 38},
	} {
		for d := range outlet.docs {
			// Each document draws its own leaning around its outlet's, and
			// one in ten is long and full of hits.
			hits := 1 + rng.IntN(3)
			if d%10 == 0 {
				hits = 8 + rng.IntN(6)
			}
			doc := []string{}
			if d%6 == 0 {
				doc = append(doc, wire[d%len(wire)])
			}
			lean := outlet.lean
			if rng.Float64() < 0.3 { // a document against its outlet's grain
				lean = []float64{lean[2], lean[0], lean[1]}
			}
			for range hits {
				r, k := rng.Float64(), 0
				for r > lean[k] && k < len(lean)-1 {
					r -= lean[k]
					k++
				}
				// Numbers and places vary the wording, so that only the wire
				// stories are copies of each other (--dedupe).
				doc = append(doc, fmt.Sprintf("On day %d of %s the shelling went on near %s and %s.", rng.IntN(500), own[k], town(rng), town(rng)))
				if rng.IntN(3) == 0 {
					doc = append(doc, fmt.Sprintf("Some %d fighters of %s were seen near %s.", 10+rng.IntN(900), wagner[rng.IntN(len(wagner))], town(rng)))
				}
			}
			doc = append(doc, fmt.Sprintf("Residents of %s counted %d nights of shelling.", town(rng), rng.IntN(90)))
			rec, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("%s-%d", strings.ReplaceAll(outlet.name, " ", ""), d),
				"outlet": outlet.name, "date": fmt.Sprintf("2023-06-%02d", 1+d%28), "text": strings.Join(doc, " ")})
			b.Write(rec)
			b.WriteByte('\n')
		}
	}
	path := filepath.Join(t.TempDir(), "clustered.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// town is a made-up place name.
func town(rng *rand.Rand) string {
	a := []string{"Ber", "Vol", "Kor", "Sol", "Mar", "Pok", "Lis", "Dru"}
	b := []string{"ivka", "ansk", "ove", "yne", "edar", "ino"}
	return a[rng.IntN(len(a))] + b[rng.IntN(len(b))]
}

// TestInferenceStated (issue 18): compare --format json states, for every
// p-value, the unit and the test that made it, and for every interval its
// unit and method — on the seeds, on a generated corpus with hits
// clustered in documents, with --dedupe and with --unit hits.
func TestInferenceStated(t *testing.T) {
	corpus := clusteredCorpus(t)
	for _, tc := range []struct {
		name string
		args []string
		unit string
	}{
		{"seeds", []string{seeds}, "documents"},
		{"seeds, hits", []string{"--unit", "hits", seeds}, "hits"},
		{"clustered", []string{corpus}, "documents"},
		{"clustered, dedupe", []string{"--dedupe", corpus}, "documents"},
		{"clustered, hits", []string{"--unit", "hits", corpus}, "hits"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI("", append([]string{"compare", "-q", "--format", "json"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var c map[string]any
			if err := json.Unmarshal([]byte(out), &c); err != nil {
				t.Fatal(err)
			}
			inf := c["inference"].(map[string]any)
			if inf["unit"] != tc.unit || len(inf["methods"].(map[string]any)) < 5 {
				t.Errorf("inference %v", inf)
			}
			seen := map[string]int{}
			walk(t, "", c, nil, seen)
			if seen["interval"] == 0 || seen["p"] == 0 && tc.name != "seeds" {
				t.Errorf("checked %v: nothing to check?", seen)
			}
			if strings.HasPrefix(tc.name, "clustered") && tc.unit == "documents" {
				// 36 to 40 documents an outlet: the bootstrap-t for the
				// index, and the concepts tested by permutation.
				if !strings.Contains(out, `"method": "cluster-bootstrap-t"`) || !strings.Contains(out, `"p_value": "permutation"`) {
					t.Error("no cluster bootstrap or permutation test on the clustered corpus")
				}
			}
			if tc.name == "clustered, dedupe" && !strings.Contains(inf["units"].(string), "syndicated story") {
				t.Errorf("with --dedupe the units are %q", inf["units"])
			}
		})
	}
}

// walk checks every object under v (at path): an interval (lo and hi, not
// both null) names its unit and method; a p-value is inside a test that
// names its unit and the p-value to read.
func walk(t *testing.T, path string, v any, tests []map[string]any, seen map[string]int) {
	switch x := v.(type) {
	case []any:
		for i, e := range x {
			walk(t, fmt.Sprintf("%s[%d]", path, i), e, tests, seen)
		}
	case map[string]any:
		if _, ok := x["p_value"]; ok {
			if u, _ := x["unit"].(string); u != "documents" && u != "hits" {
				t.Errorf("%s: a test without its unit: %v", path, x)
			}
			tests = append(tests, x)
		}
		lo, hasLo := x["lo"]
		hi, hasHi := x["hi"]
		if hasLo && hasHi && (lo != nil || hi != nil) {
			seen["interval"]++
			u, _ := x["unit"].(string)
			m, _ := x["method"].(string)
			if (u != "documents" && u != "hits") || m == "" {
				t.Errorf("%s: an interval without its unit and method: %v", path, x)
			}
		}
		if p, ok := x["p"].(float64); ok && !(hasLo && hasHi) {
			seen["p"]++
			if len(tests) == 0 {
				t.Errorf("%s: p = %v outside any test that names its unit", path, p)
			}
		}
		for k, e := range x {
			walk(t, path+"."+k, e, tests, seen)
		}
	}
}
