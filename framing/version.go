package framing

// Version is this release of framing, recorded in baselines so that a
// check can say when the tool that wrote one differs from the one reading it.
const Version = "0.6.0-dev"
