package cli

import (
	"fmt"
	"sort"
	"strings"

	"github.com/tokenvet/tokenvet/internal/scan"
	"github.com/tokenvet/tokenvet/rules"
)

// checkSecretTypes fails on the first hardcoded-token/<type> id among ids
// whose type the secret rules do not have. where says where the ids came
// from, for the message.
func checkSecretTypes(es []scan.FileEngine, where string, ids []string) error {
	var known map[string]bool
	var types []*rules.SecretType
	for _, id := range ids {
		typ, ok, err := rules.ParseSecretRuleID(id)
		if !ok {
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: %v", where, err)
		}
		if known == nil {
			types = scan.SecretTypes(es)
			known = map[string]bool{}
			for _, t := range types {
				known[t.ID] = true
			}
		}
		if !known[typ] {
			return fmt.Errorf("%s: unknown secret type %q in %s; %s", where, typ, id, validTypesHint(typ, types))
		}
	}
	return nil
}

// validTypesHint names the valid types closest to typ (all of them would
// be a couple of hundred), and where to find the rest.
func validTypesHint(typ string, types []*rules.SecretType) string {
	if len(types) == 0 {
		return "no secret rules are loaded"
	}
	type scored struct {
		id   string
		dist int
	}
	var near []scored
	family, _, _ := strings.Cut(strings.ToLower(typ), "-")
	for _, t := range types {
		d := editDistance(strings.ToLower(typ), strings.ToLower(t.ID))
		f, _, _ := strings.Cut(strings.ToLower(t.ID), "-")
		if d <= 3 || f == family {
			near = append(near, scored{t.ID, d})
		}
	}
	sort.SliceStable(near, func(i, j int) bool {
		if near[i].dist != near[j].dist {
			return near[i].dist < near[j].dist
		}
		return near[i].id < near[j].id
	})
	const maxNamed = 8
	var names []string
	for i, n := range near {
		if i == maxNamed {
			break
		}
		names = append(names, rules.SecretRuleID(n.id))
	}
	all := fmt.Sprintf("`tokenvet rules --secret-types` lists all %d", len(types))
	if len(names) == 0 {
		return "valid types include " + rules.SecretRuleID(types[0].ID) + "; " + all
	}
	return "valid ones like it: " + strings.Join(names, ", ") + "; " + all
}

// editDistance is the Levenshtein distance of a and b, in bytes (ids are
// ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
