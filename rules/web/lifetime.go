package web

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/tdewolff/parse/v2/js"

	"github.com/tokenvet/tokenvet/model"
	"github.com/tokenvet/tokenvet/rules"
)

// lifetimeLimits are the longest lifetimes allowed to an access and to a
// refresh token.
type lifetimeLimits struct{ access, refresh time.Duration }

// lifetimeRole reports whether an api row's value is a JS lifetime, and
// the unit of a number there (0: a number is an absolute time, judged
// not at all).
func lifetimeRole(role string) (unit time.Duration, ok bool) {
	switch role {
	case model.RoleLifetimeSeconds:
		return time.Second, true
	case model.RoleLifetimeMillis:
		return time.Millisecond, true
	case model.RoleLifetimeSpan:
		return 0, true
	}
	return 0, false
}

func isLifetime(role string) bool { _, ok := lifetimeRole(role); return ok }

// checkLifetime reports a lifetime value v of a token being minted by
// the call named name when it is longer than the limit: an access
// token's, or a refresh token's when the names around the call say so.
func (a *analyser) checkLifetime(v keyVal, unit time.Duration, name string) {
	d, ok := a.lifetimeValue(v.e, unit, 0)
	if !ok {
		return
	}
	refresh := a.saysRefresh(v.e)
	limit := a.lifetimeLimits.access
	if refresh {
		limit = a.lifetimeLimits.refresh
	}
	if limit <= 0 || d <= limit {
		return
	}
	off, l := a.pos(v.e)
	if off < 0 {
		off, l = a.usePos(v.e, max(v.anchor, 0))
	}
	if off < 0 {
		return
	}
	a.report(rules.JWTLongLifetime, off, l, rules.LifetimeMessage(d, limit, refresh)+" ("+name+")")
}

// lifetimeValue evaluates a lifetime: a number (a literal, a constant,
// arithmetic of them: 60 * 60 * 24 * 30) in unit, or a time-span string
// in the notation of the ms package and jose ("60d", "2 hours", "7 days").
func (a *analyser) lifetimeValue(e js.IExpr, unit time.Duration, depth int) (time.Duration, bool) {
	x, _ := a.follow(e, depth)
	s, ok := a.stringValue(x)
	if !ok {
		s, ok = a.stringValue(e)
	}
	if ok {
		if n, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
			// A string without a unit goes through the ms package, which
			// reads it as milliseconds ("120" is 120ms, as jsonwebtoken's
			// documentation warns), whatever a number would mean; jose
			// rejects it.
			if unit == 0 {
				return 0, false
			}
			return scaled(n, time.Millisecond)
		}
		return parseSpan(s)
	}
	if unit == 0 {
		return 0, false
	}
	n, ok := a.numberValue(e, depth)
	if !ok {
		return 0, false
	}
	return scaled(n, unit)
}

func scaled(n float64, unit time.Duration) (time.Duration, bool) {
	d := n * float64(unit)
	if n <= 0 || math.IsInf(d, 0) || math.IsNaN(d) || d > math.MaxInt64 {
		return 0, false
	}
	return time.Duration(d), true
}

// numberValue folds a numeric expression: literals, single-valued
// variables and properties, parentheses and + - * /.
func (a *analyser) numberValue(e js.IExpr, depth int) (float64, bool) {
	if depth > maxKeyDepth {
		return 0, false
	}
	x, _ := a.follow(e, depth)
	switch x := unwrap(x).(type) {
	case *js.LiteralExpr:
		switch x.TokenType {
		case js.DecimalToken, js.IntegerToken, js.HexadecimalToken, js.OctalToken, js.BinaryToken:
			s := strings.ReplaceAll(string(x.Data), "_", "")
			if n, err := strconv.ParseFloat(s, 64); err == nil {
				return n, true
			}
			if n, err := strconv.ParseInt(s, 0, 64); err == nil {
				return float64(n), true
			}
		}
	case *js.BinaryExpr:
		l, ok := a.numberValue(x.X, depth+1)
		if !ok {
			return 0, false
		}
		r, ok := a.numberValue(x.Y, depth+1)
		if !ok {
			return 0, false
		}
		switch x.Op {
		case js.MulToken:
			return l * r, true
		case js.AddToken:
			return l + r, true
		case js.SubToken:
			return l - r, true
		case js.DivToken:
			if r != 0 {
				return l / r, true
			}
		}
	}
	return 0, false
}

// spanUnits are the units of the ms package's and jose's time spans.
var spanUnits = map[string]time.Duration{
	"ms": time.Millisecond, "msec": time.Millisecond, "msecs": time.Millisecond, "millisecond": time.Millisecond, "milliseconds": time.Millisecond,
	"s": time.Second, "sec": time.Second, "secs": time.Second, "second": time.Second, "seconds": time.Second,
	"m": time.Minute, "min": time.Minute, "mins": time.Minute, "minute": time.Minute, "minutes": time.Minute,
	"h": time.Hour, "hr": time.Hour, "hrs": time.Hour, "hour": time.Hour, "hours": time.Hour,
	"d": 24 * time.Hour, "day": 24 * time.Hour, "days": 24 * time.Hour,
	"w": 7 * 24 * time.Hour, "week": 7 * 24 * time.Hour, "weeks": 7 * 24 * time.Hour,
	"y": 365*24*time.Hour + 6*time.Hour, "yr": 365*24*time.Hour + 6*time.Hour, "yrs": 365*24*time.Hour + 6*time.Hour,
	"year": 365*24*time.Hour + 6*time.Hour, "years": 365*24*time.Hour + 6*time.Hour,
}

// parseSpan reads "60d", "2.5 hrs", "7 days": a number and a unit, as
// the ms package does (a bare number there is milliseconds, handled by
// the caller as a numeric string).
func parseSpan(s string) (time.Duration, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	n, err := strconv.ParseFloat(s[:i], 64)
	if err != nil {
		return 0, false
	}
	u, ok := spanUnits[strings.TrimSpace(s[i:])]
	if !ok {
		return 0, false
	}
	return scaled(n, u)
}

// saysRefresh reports whether the lifetime is a refresh token's: the
// expression that gives it, the variable or property the call's result
// is stored in, or the enclosing function, by name.
func (a *analyser) saysRefresh(e js.IExpr) bool {
	if mentionsRefresh(describe(e)) {
		return true
	}
	for i := len(a.stack) - 1; i >= 0; i-- {
		switch n := a.stack[i].(type) {
		case *js.BindingElement:
			if mentionsRefresh(bindingText(n.Binding)) {
				return true
			}
		case *js.Property:
			if n.Name != nil && mentionsRefresh(string(n.Name.Literal.Data)) {
				return true
			}
		case *js.BinaryExpr:
			if n.Op == js.EqToken && mentionsRefresh(describe(n.X)) {
				return true
			}
		case *js.FuncDecl:
			if n.Name != nil && mentionsRefresh(string(n.Name.Data)) {
				return true
			}
		case *js.MethodDecl:
			if mentionsRefresh(string(n.Name.Literal.Data)) {
				return true
			}
		}
	}
	return false
}

func mentionsRefresh(s string) bool { return strings.Contains(strings.ToLower(s), "refresh") }

func bindingText(b js.IBinding) string {
	if v, ok := b.(*js.Var); ok {
		return string(v.Name())
	}
	return ""
}
