package pipeline

import (
	"os"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/framingkit/framing/framing/corpus"
)

func mustManifest(t *testing.T, path string) *corpus.Manifest {
	t.Helper()
	m, err := corpus.LoadManifest(path)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestMain(m *testing.M) {
	beam.Init()
	os.Exit(m.Run())
}
