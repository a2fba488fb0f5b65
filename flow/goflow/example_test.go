package goflow_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"time"

	"github.com/tokenvet/tokenvet/flow/goflow"
	"github.com/tokenvet/tokenvet/model"
)

// A rule is a query: does a literal reach a jwt-key argument, and by
// which steps (what a SARIF codeFlow lists, source to sink). The code
// here has no type information at all, as in a directory without a
// go.mod.
func Example() {
	src := `package p

import "example.com/sink"

type Server struct{ Secret string }

func NewServer() *Server {
	secret := "usememos"
	return &Server{Secret: secret}
}

func (s *Server) sign() { sink.Key([]byte(s.Secret)) }
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.SkipObjectResolution)
	if err != nil {
		panic(err)
	}
	fl := goflow.New(goflow.Config{Fset: fset, Files: []*ast.File{f}})
	for _, use := range fl.Sinks(model.SinkJWTKey) {
		for _, o := range use.Origins() {
			if !o.IsLiteral() {
				continue
			}
			for _, s := range use.Flow(o) {
				p := s.At(fset)
				fmt.Printf("%d:%d %s\n", p.Line, p.Column, s.What)
			}
		}
	}
	// Output:
	// 8:12 literal "…" for secret
	// 8:2 assigned to secret
	// 9:17 stored in field Secret of Server
	// 12:43 read from s.Secret
	// 12:36 converted by []byte(…)
	// 12:36 enters jwt-key sink example.com/sink.Key
}

// What duration is this lifetime: the constants a config default gives
// it, and whether that is all it can be (not here: conf is a parameter,
// and a caller could pass a Conf set otherwise).
func ExampleFlow_Constants() {
	src := `package p

import (
	"time"

	"example.com/sink"
)

type Conf struct{ TokenExpiresIn int }

func Default() *Conf { return &Conf{TokenExpiresIn: 48} }

func mint(conf *Conf) { sink.Lifetime(time.Duration(conf.TokenExpiresIn) * time.Hour) }
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.SkipObjectResolution)
	if err != nil {
		panic(err)
	}
	fl := goflow.New(goflow.Config{Fset: fset, Files: []*ast.File{f}})
	for _, use := range fl.Sinks(model.SinkLifetime) {
		values, complete := fl.Constants(use.Arg)
		for _, v := range values {
			n, _ := v.Int64()
			fmt.Println(time.Duration(n), "set at line", v.At(fset).Line)
		}
		fmt.Println("nothing else:", complete)
	}
	// Output:
	// 48h0m0s set at line 11
	// nothing else: false
}
