package vettool

import "testing"

func TestIsInvocation(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"-json", "-jwtnonealg", "/tmp/go-build123/b001/vet.cfg"}, true},
		{[]string{"/tmp/b001/vet.cfg"}, true},
		{[]string{"scan", "./..."}, false},
		{[]string{"scan", "weird.cfg"}, false},
		{[]string{"rules"}, false},
		{nil, false},
	} {
		if got := IsInvocation(tc.args); got != tc.want {
			t.Errorf("IsInvocation(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}
