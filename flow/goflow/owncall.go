package goflow

import (
	"go/ast"
	"strings"

	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/model"
)

// OwnCallCarriesToken judges a call of the package's own function by
// what the function returns, where that says more than its name:
// judged is true when a credential source (or a value whose own name is
// a token's) reaches the result unsanitized, or when everything that
// reaches it is known to be something else — constants, zero values,
// keyed reads by a key that names no credential (tokenExtra(t, "gcid")
// reads a customer id from the token's answer). Anything the core
// cannot see into (a parameter, an unmodelled call: a generator's
// random bytes) leaves the call to the function's name.
func (fl *Flow) OwnCallCarriesToken(call *ast.CallExpr, names *tokenmodel.Model) (carries, judged bool) {
	c, ok := fl.Callee(call)
	if !ok || !c.Local || c.Conversion {
		return false, false
	}
	os := fl.Origins(call)
	if len(os) == 0 {
		return false, false
	}
	known := true
	for _, o := range os {
		switch {
		case o.Sanitized != nil:
		case o.Kind == Source && o.Row != nil && model.IsCredentialSource(o.Row.Kind):
			return true, true
		case o.Kind == Opaque && names.IsToken(lastName(o.Name)):
			return true, true
		case o.Kind == Literal, o.Kind == Zero && o.Name != "make" && o.Name != "new", o.ReadsOtherKey():
			// (a slice or value made by make or new is filled by the
			// calls it is handed to, which the core does not follow)
		default:
			known = false
		}
	}
	return false, known
}

// lastName is the function or field name an origin's name ends with
// (Token.Extra → Extra).
func lastName(s string) string {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[i+1:]
	}
	return s
}
