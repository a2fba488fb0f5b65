// Package goflow is tokenvet's data-flow core for Go: where a value comes
// from, where it goes, and by which steps. Rules ask it questions
// instead of walking the syntax themselves:
//
//	fl := pass.ResultOf[goflow.Analyzer].(*goflow.Flow)
//	for _, use := range fl.Sinks(model.SinkJWTKey) {
//		for _, o := range use.Origins() {
//			if o.IsLiteral() { // a literal reaches this jwt-key argument
//				report(use.Arg, use.Flow(o)) // steps, source to sink
//			}
//		}
//	}
//
// Origins(e) lists where e's value may come from — a literal (with its
// constant value, folded through arithmetic and conversions), a modelled
// source (its row), a zero value, a parameter, or an opaque value that
// carries only a name — each with the flow steps that bring it to e.
// Sinks(kind) lists where values enter the models' sinks, including
// calls of the package's own functions whose parameters reach one.
// Constants(e) answers "what duration is this lifetime".
//
// # What is followed
//
//   - Def-use within a function: the definitions that reach a use on the
//     function's control-flow graph (golang.org/x/tools/go/cfg), through
//     assignments, multiple assignment, op-assignments, range loops,
//     type switches and calls that fill in an argument (by the models).
//   - Parts of values by access paths: struct fields (x.f = v, T{f: v},
//     &T{}, nested literals, promoted fields), slice, array and map
//     elements, results of function values (closures, callbacks).
//   - Constants and package-level variables (their initialisers and
//     every assignment in the package); constant folding of + - * / % and
//     shifts, and of conversions (time.Duration(n) * time.Hour).
//   - Fields read from values the core cannot see into (a parameter, a
//     receiver): every value the package stores in that field, and the
//     arguments of the calls of a constructor that stored a parameter —
//     the config default read later as conf.Field.
//   - Calls of the package's functions by summaries: result ← parameter,
//     result ← literal or source, parameter → sink; computed on demand and
//     memoised, so bottom-up in effect, with recursion (a strongly
//     connected component of the call graph) not followed. A return
//     whose error result is errors.New or fmt.Errorf gives no other
//     result (by Go's convention a caller does not use them). A parameter
//     combined with a constant on the way (h * time.Hour, "k-" + k)
//     carries the operation, so that a constant argument is folded:
//     mint(48) is a 48-hour lifetime.
//   - Calls of other packages of the module by the same summaries,
//     exported as analysis facts (Summary) on exported functions and
//     methods, exported fields and exported package-level variables, for
//     values of the scalar types rules judge (strings, bytes, numbers,
//     booleans) and such fields of struct results (Default().JWTSecret).
//   - Library calls by the models' sources, sinks, sanitizers and
//     summaries (package model), with key-is conditions judged by
//     internal/tokenmodel on the constant the call passes; a library's
//     own code is never summarised (its model says what it does).
//   - Without type information: identifiers resolved by Go's scope
//     rules, callees by the files' imports, and receivers' types by the
//     declarations and definitions of the variables (r *http.Request, l
//     := logrus.New()); a field of another package's type is assumed to
//     be of that package's types. Steps resolved by names only mark the
//     origin Guess.
//
// Not followed: values through pointers other than &v handed to a call
// (p := &x; p.f = v does not define x.f), through channels, side effects
// of a call on its pointer arguments (unless a model says so), interface
// method calls without a model, goroutines' effects, functions stored in
// struct fields, and the callers of a function whose parameter reaches a
// sink (Sinks reports the calls instead, with Via set). Fields read from
// an unknown value get the values stored in that field anywhere in the
// package: a may-analysis, so a field written with two constants in two
// places has both.
//
// # Facts and drivers
//
// go vet -vettool analyses every package, dependencies included, each in
// its own process; tokenvet scan loads each module's packages in one
// go/packages load (dependencies from export data, without syntax) and
// runs one checker.Analyze over them, which runs this analyzer on every
// dependency too (without files: it exports nothing there). Packages of
// one module that import each other share one *packages.Package, so
// their facts flow under both drivers. Facts are used only between
// packages of one module (Summary.Module): go vet would have them for
// dependencies, tokenvet scan never does, and the findings must be the
// same. The test TestScanAndVetAgree runs both.
//
// # Why the AST and not SSA
//
// A large share of the code tokenvet sees does not type-check: modules
// whose dependencies are not downloaded, and directories without a
// go.mod, which tokenvet type-checks without their imports. go/ssa
// requires a well-typed package (buildssa does not run despite errors),
// so an SSA core would have nothing to say exactly where the syntactic
// fallback needs flows, and two cores would give two answers. This core
// works on the syntax with whatever type information exists: objects
// and constants from go/types where recorded, else Go's scope rules
// applied to the syntax (package resolve.go) and the files' imports.
//
// For what SSA gives a rule, the AST core is as precise:
//   - a local variable's reaching definitions are SSA's def-use chains
//     (phi nodes are the join points of the backward CFG walk);
//   - a variable whose address is taken, or that a closure assigns, is
//     flow-insensitive here, as SSA keeps it in memory (Alloc/Store);
//   - field-sensitivity through local composite literals and x.f = v is
//     more than SSA's value graph gives without a pointer analysis.
//
// The tests run every case three ways — type-checked, type-checked
// without imports, and without type information — and check the same
// origins, the typed run more precise only where types decide (two
// structs' fields of one name).
//
// # Bounds
//
// Every walk has a budget of work (expressions, CFG blocks and origins
// handled), a depth of nested expressions, and bounds on origins per
// value, steps per flow, depth into a value, fields expanded inside one
// another and callers followed; a walk that reaches one says so with an
// Opaque origin ("not followed further"), never with a silent
// "nothing". Summaries have their own budgets, so a summary's content
// depends only on its function; the benchmarks in bench_test.go run a
// generated package of a thousand functions and one of a 3000-statement
// function.
package goflow
