package corpus

import (
	"fmt"

	"github.com/goccy/go-yaml"
)

// decodeYAML decodes strictly (unknown keys are errors). The YAML library
// can panic on some malformed input (found by FuzzManifest: a tag on a
// sequence's place); that is bad input, not a crash, so it becomes an error.
func decodeYAML(file string, data []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: cannot decode YAML: %v", file, r)
		}
	}()
	if err := yaml.UnmarshalWithOptions(data, v, yaml.DisallowUnknownField()); err != nil {
		return fmt.Errorf("%s: %s", file, yaml.FormatError(err, false, false))
	}
	return nil
}
