package goflow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math"
)

// typedConst is e's constant value, when the type checker computed one.
func (fl *Flow) typedConst(e ast.Expr) constant.Value {
	if fl.ix.info == nil {
		return nil
	}
	if tv, ok := fl.ix.info.Types[e]; ok && tv.Value != nil {
		return tv.Value
	}
	return nil
}

// constKey is the constant value of an index or map key, when it has
// one: typed, a literal, or a constant declared in the package.
func (fl *Flow) constKey(fn *funcInfo, e ast.Expr) constant.Value {
	if v := constKey(fl.ix.info, e); v != nil {
		return v
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if d, _ := fl.ix.declOf(id); d != nil && d.kind == dConst && d.specIdx < len(d.spec.Values) {
			return constKey(fl.ix.info, d.spec.Values[d.specIdx])
		}
	}
	return nil
}

// zeroValue is the zero value of a variable declared as id with the type
// expression typ (nil when inferred), if its type is a basic one.
func (fl *Flow) zeroValue(id *ast.Ident, typ ast.Expr) constant.Value {
	if info := fl.ix.info; info != nil {
		if obj := info.Defs[id]; obj != nil && obj.Type() != nil {
			if v := zeroOf(obj.Type()); v != nil {
				return v
			}
		}
	}
	return fl.syntacticZero(typ, 0)
}

func (fl *Flow) syntacticZero(typ ast.Expr, depth int) constant.Value {
	switch t := typ.(type) {
	case *ast.Ident:
		if d := fl.ix.pkgScope[t.Name]; d != nil {
			if d.kind == dType && depth < 3 {
				return fl.syntacticZero(d.typeSpec.Type, depth+1)
			}
			return nil
		}
		return basicZero(t.Name)
	case *ast.SelectorExpr:
		if pkg, name, ok := fl.ix.qualified(fl.ix.fileAt(t.Pos()), t); ok && stdType(pkg, name) {
			return constant.MakeInt64(0)
		}
	}
	return nil
}

func basicZero(name string) constant.Value {
	switch name {
	case "string":
		return constant.MakeString("")
	case "bool":
		return constant.MakeBool(false)
	case "float32", "float64":
		return constant.MakeFloat64(0)
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "byte", "rune":
		return constant.MakeInt64(0)
	}
	return nil
}

// zeroOf is the zero value of a basic type (also under a named one).
func zeroOf(t types.Type) constant.Value {
	b, ok := t.Underlying().(*types.Basic)
	if !ok {
		return nil
	}
	switch {
	case b.Info()&types.IsString != 0:
		return constant.MakeString("")
	case b.Info()&types.IsBoolean != 0:
		return constant.MakeBool(false)
	case b.Info()&types.IsInteger != 0:
		return constant.MakeInt64(0)
	case b.Info()&types.IsFloat != 0:
		return constant.MakeFloat64(0)
	}
	return nil
}

// byteLiteral is the value of []byte{'k', 'e', 'y'} (or an array of
// bytes) whose elements are all constants, as a string.
func (fl *Flow) byteLiteral(lit *ast.CompositeLit) (constant.Value, bool) {
	if !fl.isByteSlice(lit) {
		return nil, false
	}
	b := make([]byte, 0, len(lit.Elts))
	for _, e := range lit.Elts {
		if _, ok := e.(*ast.KeyValueExpr); ok {
			return nil, false
		}
		v := constKey(fl.ix.info, e)
		if v == nil {
			return nil, false
		}
		n, ok := constant.Int64Val(constant.ToInt(v))
		if !ok || n < 0 || n > 255 {
			return nil, false
		}
		b = append(b, byte(n))
	}
	return constant.MakeString(string(b)), true
}

func (fl *Flow) isByteSlice(lit *ast.CompositeLit) bool {
	if info := fl.ix.info; info != nil {
		if tv, ok := info.Types[lit]; ok && tv.Type != nil {
			var elem types.Type
			switch t := tv.Type.Underlying().(type) {
			case *types.Slice:
				elem = t.Elem()
			case *types.Array:
				elem = t.Elem()
			default:
				return false
			}
			b, ok := elem.Underlying().(*types.Basic)
			return ok && b.Kind() == types.Byte
		}
	}
	at, ok := lit.Type.(*ast.ArrayType)
	if !ok {
		return false
	}
	id, ok := at.Elt.(*ast.Ident)
	return ok && (id.Name == "byte" || id.Name == "uint8")
}

// constOperand reports whether o is a constant that folding can use.
func constOperand(o Origin) bool {
	return (o.Kind == Literal || o.Kind == Zero) && o.Value != nil && o.Part == Whole && o.Sanitized == nil
}

var opWords = map[token.Token]string{
	token.ADD: "added to", token.SUB: "minus", token.MUL: "multiplied by", token.QUO: "divided by",
	token.REM: "modulo", token.SHL: "shifted left by", token.SHR: "shifted right by",
	token.AND: "and", token.OR: "or", token.XOR: "xor", token.AND_NOT: "and not",
}

// fold combines the origins of x op y: constant pairs fold to one
// literal (48 * time.Hour), the rest stay as parts of the result (the
// left operand of a concatenation as its prefix).
func (w *walker) fold(op token.Token, n ast.Node, xs, ys []Origin) []Origin {
	var xl, xo, yl, yo []Origin
	for _, o := range xs {
		if constOperand(o) {
			xl = append(xl, o)
		} else {
			xo = append(xo, o)
		}
	}
	for _, o := range ys {
		if constOperand(o) {
			yl = append(yl, o)
		} else {
			yo = append(yo, o)
		}
	}
	// A parameter combined with one constant keeps the operation, so
	// that a caller passing a constant gets the folded value (a
	// summary read from another package's facts cannot be inlined).
	if len(yl) == 1 {
		for i, o := range xo {
			if o.Kind == Param {
				xo[i] = o.pending(op, yl[0].Value, true)
			}
		}
	}
	if len(xl) == 1 {
		for i, o := range yo {
			if o.Kind == Param {
				yo[i] = o.pending(op, xl[0].Value, false)
			}
		}
	}
	what := opWords[op]
	if what == "" {
		what = op.String()
	}
	var s Step
	switch b := n.(type) {
	case *ast.BinaryExpr:
		s = lazyStep(n, what+" ", b.Y, "")
	case *ast.AssignStmt:
		s = step(n, short(b.Lhs[0])+" "+b.Tok.String()+" "+short(b.Rhs[0]))
	default:
		s = step(n, what+" a value")
	}
	w.left -= len(xl) * len(yl)
	var out []Origin
	for _, x := range xl {
		for _, y := range yl {
			if len(out) >= maxOrigins {
				break
			}
			v, ok := foldConst(op, x.Value, y.Value)
			if !ok {
				xo, yo = append(xo, x), append(yo, y)
				continue
			}
			// The folded value starts where the operand with the longer
			// flow starts: that one travelled, the other was written
			// here (48 * time.Hour).
			base := x
			if y.stepCount() > x.stepCount() {
				base = y
			}
			base.Value = v
			if x.Kind == Literal || y.Kind == Literal {
				base.Kind = Literal
			}
			out = append(out, base.withStep(s))
		}
	}
	first, rest := Piece, Piece
	if op == token.ADD {
		// Only a concatenation keeps its constant operands as parts of
		// the result ("http://h" + path starts with "http://h"); a
		// constant multiplier is no part of a product.
		first = Prefix
		if len(yo) > 0 {
			out = append(out, addStep(asPart(xl, first), s)...)
		}
		if len(xo) > 0 {
			out = append(out, addStep(asPart(yl, rest), s)...)
		}
	}
	out = append(out, addStep(asPart(xo, first), s)...)
	out = append(out, addStep(asPart(yo, rest), s)...)
	return out
}

// foldConst is x op y for constants of compatible kinds.
func foldConst(op token.Token, x, y constant.Value) (v constant.Value, ok bool) {
	defer func() {
		if recover() != nil {
			v, ok = nil, false
		}
	}()
	xs, ys := x.Kind() == constant.String, y.Kind() == constant.String
	if xs || ys {
		if !(xs && ys) || op != token.ADD {
			return nil, false
		}
		return constant.BinaryOp(x, op, y), true
	}
	if !numeric(x) || !numeric(y) {
		return nil, false
	}
	switch op {
	case token.SHL, token.SHR:
		n, exact := constant.Uint64Val(constant.ToInt(y))
		if !exact || n > 64 {
			return nil, false
		}
		return constant.Shift(constant.ToInt(x), op, uint(n)), true
	case token.QUO:
		if constant.Sign(y) == 0 {
			return nil, false
		}
		if x.Kind() == constant.Int && y.Kind() == constant.Int {
			op = token.QUO_ASSIGN // integer division
		}
	case token.REM, token.AND, token.OR, token.XOR, token.AND_NOT:
		if x.Kind() != constant.Int || y.Kind() != constant.Int {
			return nil, false
		}
		if op == token.REM && constant.Sign(y) == 0 {
			return nil, false
		}
	}
	return constant.BinaryOp(x, op, y), true
}

func numeric(v constant.Value) bool {
	k := v.Kind()
	return k == constant.Int || k == constant.Float
}

func foldUnary(u *ast.UnaryExpr, os []Origin) []Origin {
	var out []Origin
	for _, o := range os {
		if constOperand(o) && (numeric(o.Value) || o.Value.Kind() == constant.Bool) {
			func() {
				defer func() { _ = recover() }()
				o.Value = constant.UnaryOp(u.Op, o.Value, 0)
				out = append(out, o)
			}()
			continue
		}
		out = append(out, o.asPart(Piece))
	}
	return out
}

// convert applies a conversion to constant origins: int64(2.5) is 2,
// float64(48) is 48.0. Other origins pass unchanged: a conversion keeps
// the value (a literal stays a literal through []byte(s)).
func (fl *Flow) convert(c *callee, os []Origin) []Origin {
	kind := fl.convKind(c)
	if kind == 0 {
		return os
	}
	out := make([]Origin, len(os))
	for i, o := range os {
		if constOperand(o) && numeric(o.Value) {
			switch kind {
			case types.IsInteger:
				if v := constant.ToInt(o.Value); v.Kind() == constant.Int {
					o.Value = v
				} else if f, ok := constant.Float64Val(o.Value); ok && !math.IsInf(f, 0) {
					o.Value = constant.MakeInt64(int64(f))
				}
			case types.IsFloat:
				o.Value = constant.ToFloat(o.Value)
			}
		}
		out[i] = o
	}
	return out
}

// convKind is IsInteger or IsFloat for a conversion to a numeric type,
// 0 for anything else.
func (fl *Flow) convKind(c *callee) types.BasicInfo {
	if c.convT != nil {
		if b, ok := c.convT.Underlying().(*types.Basic); ok {
			switch {
			case b.Info()&types.IsInteger != 0:
				return types.IsInteger
			case b.Info()&types.IsFloat != 0:
				return types.IsFloat
			}
		}
		return 0
	}
	if stdType(c.pkg, c.name) {
		return types.IsInteger
	}
	if id, ok := c.conv.(*ast.Ident); ok {
		if v := fl.syntacticZero(id, 0); v != nil {
			switch v.Kind() {
			case constant.Int:
				return types.IsInteger
			case constant.Float:
				return types.IsFloat
			}
		}
	}
	return 0
}

// stdConsts are the standard library's constants a lifetime is written
// with, for packages type-checked without their imports (go/types
// knows them otherwise): time's units.
var stdConsts = map[[2]string]int64{
	{"time", "Nanosecond"}: 1, {"time", "Microsecond"}: 1e3, {"time", "Millisecond"}: 1e6,
	{"time", "Second"}: 1e9, {"time", "Minute"}: 60e9, {"time", "Hour"}: 3600e9,
}

func stdConst(pkg, name string) (constant.Value, bool) {
	v, ok := stdConsts[[2]string{pkg, name}]
	if !ok {
		return nil, false
	}
	return constant.MakeInt64(v), true
}

// stdType reports the standard library's integer types lifetimes are
// converted to (time.Duration(n)), for the same packages.
func stdType(pkg, name string) bool { return pkg == "time" && name == "Duration" }
