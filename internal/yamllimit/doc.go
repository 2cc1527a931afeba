// Package yamllimit parses the YAML files framing reads (manifests, outlets
// lists, lexicons) within limits on their size, tokens, nesting depth and
// alias expansion, so that no file takes memory out of proportion to its
// size; a file over a limit is refused at the line and column where it
// goes over.
package yamllimit
