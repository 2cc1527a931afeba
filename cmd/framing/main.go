// Command framing measures how news outlets frame events: the loaded terms
// each uses in its own voice, against those it quotes. See the README.
package main

import "os"

func main() {
	os.Exit(run(systemEnv(), os.Args[1:]))
}
