// Command framing measures how news outlets frame events: the loaded terms
// each uses in its own voice, against those it quotes, how it sources what
// it says, and how outlets differ, with the evidence behind every number.
// Every command reads its corpus through framing.Run; see the README.
package main
