package model

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// Op is one kind of access-path step.
type Op string

// Access-path steps, named as in CodeQL's models-as-data.
const (
	// OpArgument selects arguments of a call: Argument[1], Argument[0..]
	// (every argument from the first), Argument[1..2], or the receiver,
	// Argument[receiver] (also written Argument[this] and Argument[-1]).
	OpArgument Op = "Argument"
	// OpParameter selects parameters of a function value passed in (a
	// callback's arguments): Parameter[0].
	OpParameter Op = "Parameter"
	// OpReturnValue is a call's result; ReturnValue[1] is the second
	// result of a Go function with several.
	OpReturnValue Op = "ReturnValue"
	// OpMember is a property (JS) or a field (Go): Member[secure].
	OpMember Op = "Member"
	// OpInstance is an instance of a class (JS `new C()`), or a value of
	// a named type (Go).
	OpInstance Op = "Instance"
	// OpArrayElement is any element of an array or slice.
	OpArrayElement Op = "ArrayElement"
	// OpMapValue and OpMapKey are any value or key of a map.
	OpMapValue Op = "MapValue"
	OpMapKey   Op = "MapKey"
	// OpValue is the value of a field or variable row itself.
	OpValue Op = "Value"
)

// Step is one step of an access path.
type Step struct {
	Op Op
	// Lo and Hi bound the positions an Argument, Parameter or ReturnValue
	// step selects; Hi is -1 for an open range ("0.."). Both are 0 for a
	// step without an index.
	Lo, Hi int
	// Receiver is set for Argument[receiver].
	Receiver bool
	// Name is a Member step's name.
	Name string
}

// Path is a parsed access path, read left to right from the element.
type Path []Step

// ParsePath parses an access path such as "Argument[0].Member[cookie]".
func ParsePath(s string) (Path, error) {
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("empty access path")
	}
	var p Path
	for _, part := range splitSteps(s) {
		st, err := parseStep(part)
		if err != nil {
			return nil, fmt.Errorf("access path %q: %w", s, err)
		}
		p = append(p, st)
	}
	return p, nil
}

// CachedPath is ParsePath behind a process-wide cache: rules ask for the
// same few rows' paths at every call they look at, and the loader has
// already checked each one. The Path returned is shared: never modify it.
func CachedPath(s string) (Path, error) {
	if p, ok := cachedPaths.Load(s); ok {
		return p.(Path), nil
	}
	p, err := ParsePath(s)
	if err != nil {
		return nil, err
	}
	cachedPaths.Store(s, p)
	return p, nil
}

var cachedPaths sync.Map // string → Path

// MustParsePath is ParsePath for paths known to be valid (the loader has
// checked every path of every row).
func MustParsePath(s string) Path {
	p, err := ParsePath(s)
	if err != nil {
		panic(err)
	}
	return p
}

// splitSteps splits a path at the dots between steps, not those of a
// range inside brackets ("Argument[1..].Member[x]").
func splitSteps(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i, c := range s {
		switch c {
		case '[':
			depth++
		case ']':
			depth--
		case '.':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

func parseStep(part string) (Step, error) {
	name, arg, hasArg := strings.Cut(part, "[")
	if hasArg {
		if !strings.HasSuffix(arg, "]") {
			return Step{}, fmt.Errorf("step %q: missing ]", part)
		}
		arg = strings.TrimSuffix(arg, "]")
	}
	st := Step{Op: Op(name)}
	switch st.Op {
	case OpArgument, OpParameter:
		if !hasArg {
			return Step{}, fmt.Errorf("step %q needs an index, as in %s[0]", part, name)
		}
		if st.Op == OpArgument && (arg == "receiver" || arg == "this" || arg == "-1") {
			st.Receiver = true
			return st, nil
		}
		lo, hi, err := parseRange(arg)
		if err != nil {
			return Step{}, fmt.Errorf("step %q: %w", part, err)
		}
		st.Lo, st.Hi = lo, hi
	case OpReturnValue:
		if hasArg {
			lo, hi, err := parseRange(arg)
			if err != nil || lo != hi {
				return Step{}, fmt.Errorf("step %q: ReturnValue takes one result index", part)
			}
			st.Lo, st.Hi = lo, hi
		}
	case OpMember:
		if !hasArg || arg == "" {
			return Step{}, fmt.Errorf("step %q needs a name, as in Member[secure]", part)
		}
		st.Name = arg
	case OpInstance, OpArrayElement, OpMapValue, OpMapKey, OpValue:
		if hasArg {
			return Step{}, fmt.Errorf("step %q takes no index", part)
		}
	default:
		return Step{}, fmt.Errorf("unknown step %q (want Argument, Parameter, ReturnValue, Member, Instance, ArrayElement, MapValue, MapKey or Value)", name)
	}
	return st, nil
}

// parseRange reads "3", "0..", "1..2".
func parseRange(s string) (lo, hi int, err error) {
	a, b, isRange := strings.Cut(s, "..")
	if lo, err = strconv.Atoi(a); err != nil || lo < 0 {
		return 0, 0, fmt.Errorf("bad index %q", s)
	}
	if !isRange {
		return lo, lo, nil
	}
	if b == "" {
		return lo, -1, nil
	}
	if hi, err = strconv.Atoi(b); err != nil || hi < lo {
		return 0, 0, fmt.Errorf("bad range %q", s)
	}
	return lo, hi, nil
}

// Selects reports whether an Argument, Parameter or ReturnValue step
// selects position i (0-based; the receiver is not a position).
func (s Step) Selects(i int) bool {
	if s.Receiver || i < s.Lo {
		return false
	}
	return s.Hi < 0 || i <= s.Hi
}

// String writes the step back in the file's notation.
func (s Step) String() string {
	switch s.Op {
	case OpArgument, OpParameter:
		if s.Receiver {
			return string(s.Op) + "[receiver]"
		}
		return fmt.Sprintf("%s[%s]", s.Op, rangeString(s.Lo, s.Hi))
	case OpReturnValue:
		if s.Lo == 0 && s.Hi == 0 {
			return string(s.Op)
		}
		return fmt.Sprintf("%s[%d]", s.Op, s.Lo)
	case OpMember:
		return "Member[" + s.Name + "]"
	}
	return string(s.Op)
}

func rangeString(lo, hi int) string {
	switch {
	case hi < 0:
		return strconv.Itoa(lo) + ".."
	case hi == lo:
		return strconv.Itoa(lo)
	}
	return fmt.Sprintf("%d..%d", lo, hi)
}

// String writes the path back in the file's notation.
func (p Path) String() string {
	parts := make([]string, len(p))
	for i, s := range p {
		parts[i] = s.String()
	}
	return strings.Join(parts, ".")
}

// Arguments reports, for a path that starts with an Argument step, which
// argument positions it selects as a predicate, and whether it is the
// receiver. ok is false for any other path.
func (p Path) Arguments() (selects func(int) bool, receiver, ok bool) {
	if len(p) == 0 || p[0].Op != OpArgument {
		return nil, false, false
	}
	return p[0].Selects, p[0].Receiver, true
}
