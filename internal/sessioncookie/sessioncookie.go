// Package sessioncookie finds out whether a package configures the
// cookie of its session stores, for token-cookie-insecure's check of
// stores made with a library's default cookie options.
//
// A package configures a session cookie when it sets HttpOnly or Secure
// of a store's or a session's options (a field or method with trait
// sets-cookie-options: gorilla's CookieStore.Options, gin-contrib's
// Store.Options; assigned whole or through those fields), or writes an
// options literal (trait session-cookie), which token-cookie-insecure
// judges itself. Setting SameSite or MaxAge alone, or reading the
// options, configures nothing. The answer covers the packages of the
// same module the package imports, directly or not, through a package
// fact: handlers in another package often set each session's options.
package sessioncookie

import (
	"fmt"
	"go/ast"
	"reflect"
	"runtime/debug"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/tokenvet/tokenvet/flow/goflow"
	"github.com/tokenvet/tokenvet/internal/gomodel"
	"github.com/tokenvet/tokenvet/model"
)

// Analyzer reports nothing; its result is a *Use for the package. It
// exports a package fact for the packages of the module importing it.
var Analyzer = &analysis.Analyzer{
	Name:             "sessioncookie",
	Doc:              "sessioncookie finds out whether a package, or a package of its module it imports, configures a session cookie's HttpOnly or Secure",
	Requires:         []*analysis.Analyzer{inspect.Analyzer},
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Use](),
	FactTypes:        []analysis.Fact{new(configures)},
}

// Use is what a package does with session cookies.
type Use struct {
	// Configured: the package, or a package of the same module it
	// imports, configures a session cookie.
	Configured bool
}

// configures is the fact that a package configures a session cookie.
type configures struct {
	// Module is the exporting package's module: a library configuring
	// its own cookie (gin-contrib's cookie store setting gorilla's
	// Options) says nothing about the program's.
	Module string
}

// AFact marks configures as an analysis fact.
func (*configures) AFact() {}

func (*configures) String() string { return "configures a session cookie" }

func run(pass *analysis.Pass) (_ any, err error) {
	// Drivers guard the analyzers they are given against panics on odd
	// input; this one runs as a requirement, so it guards itself.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("sessioncookie: panic: %v\n%s", r, debug.Stack())
		}
	}()
	if !goflow.ExportsFacts(pass) {
		// A dependency of another module or the standard library: its
		// fact is never used, and go vet runs this on each of them.
		return &Use{}, nil
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	module := ""
	if pass.Module != nil {
		module = pass.Module.Path
	}
	here := false
	for fc := range in.Root().Preorder((*ast.File)(nil)) {
		libs := gomodel.New(pass.TypesInfo, fc.Node().(*ast.File))
		for cur := range fc.Preorder((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil), (*ast.SelectorExpr)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CompositeLit:
				here = here || libs.LitHas(n, model.TraitSessionCookie)
			case *ast.CallExpr:
				if _, _, ok := libs.CalleeAPI(n, model.TraitSetsCookieOptions); ok {
					here = true
				}
			case *ast.SelectorExpr:
				here = here || setsOptions(libs, cur, n)
			}
			if here {
				break
			}
		}
	}
	if here {
		pass.ExportPackageFact(&configures{Module: module})
		return &Use{Configured: true}, nil
	}
	for _, pf := range pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*configures); ok && pf.Package != pass.Pkg && f.Module == module {
			return &Use{Configured: true}, nil
		}
	}
	return &Use{}, nil
}

// setsOptions reports whether sel, a store's or a session's options
// field (trait sets-cookie-options), is written so as to configure
// HttpOnly or Secure: assigned whole (a literal, which the rule judges,
// or a value from elsewhere), or through those fields.
func setsOptions(libs gomodel.Q, cur inspector.Cursor, sel *ast.SelectorExpr) bool {
	if !libs.FieldHas(sel, model.TraitSetsCookieOptions) {
		return false
	}
	written := cur
	if outer, ok := cur.Parent().Node().(*ast.SelectorExpr); ok && outer.X == sel {
		flag := slices.ContainsFunc(libs.Field(outer, model.SectionAPI), func(r *model.Row) bool {
			return r.Value == model.RoleHTTPOnly || r.Value == model.RoleSecure
		})
		if !flag {
			return false
		}
		written = cur.Parent()
	}
	return written.ParentEdgeKind() == edge.AssignStmt_Lhs
}
