package report

import "testing"

func TestNamedGroups(t *testing.T) {
	for _, tc := range []struct {
		groups []string
		want   string
	}{
		{nil, ""},
		{[]string{"ru"}, "ru"},
		{[]string{"2023-W01", "2023-W02", "2023-W03", "2023-W04"}, "2023-W01, 2023-W02, 2023-W03, 2023-W04"},
		{[]string{"2023-W01", "2023-W02", "2023-W03", "2023-W04", "2023-W05", "2023-W06"}, "2023-W01, 2023-W02, 2023-W03, 2023-W04 and 2 more"},
	} {
		if got := namedGroups(tc.groups); got != tc.want {
			t.Errorf("namedGroups(%q) = %q, want %q", tc.groups, got, tc.want)
		}
	}
}
