// Package lang holds what the analysis rules read for each language, as
// data: the words and patterns of site furniture (navigation, appeals,
// captions, bylines) and the words the sourcing rules read (pronouns,
// titles, days). A language is a YAML pack embedded from packs/, with the
// examples its tests run; a new language is a pack and its examples, not
// code.
package lang
