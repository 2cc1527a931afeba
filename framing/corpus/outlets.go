package corpus

import (
	_ "embed"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// Outlet is a news outlet known by name and web domains.
type Outlet struct {
	Name string `yaml:"name"`
	// Aliases are the names an article calls the outlet by ("Korean
	// Central News Agency", "KCNA"); the name is always one.
	Aliases    []string `yaml:"aliases"`
	Domains    []string `yaml:"domains"`
	StateMedia bool     `yaml:"state_media"`
	Group      string   `yaml:"group"`
}

// Outlets names outlets from URLs, and lists the state media among them.
type Outlets struct {
	byDomain map[string]Outlet
	all      []Outlet
}

//go:embed builtin/outlets.yaml
var builtinOutlets []byte

// BuiltinOutletsName is how the built-in outlets list is named in messages.
const BuiltinOutletsName = "builtin:outlets.yaml"

// BuiltinOutlets is the built-in list of state media (see
// builtin/outlets.yaml): what the reliability indicators use when no
// outlets file is given.
func BuiltinOutlets() (*Outlets, error) { return ParseOutlets(BuiltinOutletsName, builtinOutlets) }

// StateMedia lists the outlets marked state_media, in file order.
func (o *Outlets) StateMedia() []Outlet {
	var out []Outlet
	for _, x := range o.all {
		if x.StateMedia {
			out = append(out, x)
		}
	}
	return out
}

// LoadOutlets reads an outlets file:
//
//	outlets:
//	  - {name: TASS, aliases: [ITAR-TASS], domains: [tass.com, tass.ru], state_media: true, group: russian-state}
func LoadOutlets(file string) (*Outlets, error) {
	data, err := readYAML(file, "")
	if err != nil {
		return nil, err
	}
	return ParseOutlets(file, data)
}

// ParseOutlets reads an outlets file's content; file names it in errors.
func ParseOutlets(file string, data []byte) (*Outlets, error) {
	var doc struct {
		Outlets []Outlet `yaml:"outlets"`
	}
	if err := decodeYAML(file, data, &doc); err != nil {
		return nil, err
	}
	o := &Outlets{byDomain: map[string]Outlet{}}
	for _, out := range doc.Outlets {
		if out.Name == "" {
			return nil, fmt.Errorf("%s: an outlet has no name", file)
		}
		if !slices.Contains(out.Aliases, out.Name) {
			out.Aliases = append([]string{out.Name}, out.Aliases...)
		}
		o.all = append(o.all, out)
		for _, d := range out.Domains {
			d = normalHost(d)
			if prev, dup := o.byDomain[d]; dup {
				return nil, fmt.Errorf("%s: domain %q is under both %q and %q", file, d, prev.Name, out.Name)
			}
			o.byDomain[d] = out
		}
	}
	return o, nil
}

func normalHost(h string) string {
	return strings.TrimPrefix(strings.TrimSuffix(strings.ToLower(strings.TrimSpace(h)), "."), "www.")
}

// ByURL returns the outlet whose domain hosts rawURL: the host itself, then
// each parent domain (news.tass.com, then tass.com).
func (o *Outlets) ByURL(rawURL string) (Outlet, bool) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || u.Hostname() == "" {
		return Outlet{}, false
	}
	host := normalHost(u.Hostname())
	for {
		if out, ok := o.byDomain[host]; ok {
			return out, true
		}
		i := strings.IndexByte(host, '.')
		if i < 0 {
			return Outlet{}, false
		}
		host = host[i+1:]
	}
}
