package corpus

import (
	"fmt"
	"net/url"
	"os"
	"strings"
)

// Outlet is a news outlet known by name and web domains.
type Outlet struct {
	Name       string   `yaml:"name"`
	Domains    []string `yaml:"domains"`
	StateMedia bool     `yaml:"state_media"`
	Group      string   `yaml:"group"`
}

// Outlets names outlets from URLs.
type Outlets struct {
	byDomain map[string]Outlet
}

// LoadOutlets reads an outlets file:
//
//	outlets:
//	  - {name: TASS, domains: [tass.com, tass.ru], state_media: true, group: russian-state}
func LoadOutlets(file string) (*Outlets, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, unwrapPath(err))
	}
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
