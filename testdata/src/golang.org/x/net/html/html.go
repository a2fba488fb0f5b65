// Package html stubs golang.org/x/net/html v0.62.0 for analysistest: its
// exported types.
package html

// NodeType is the type of a Node.
type NodeType uint32

// TokenType is the type of a Token.
type TokenType uint32

// Attribute is an attribute of an element.
type Attribute struct{ Namespace, Key, Val string }

// Token is a start tag, end tag, text, comment or doctype.
type Token struct {
	Type TokenType
	Data string
	Attr []Attribute
}

// Node is a node of the parse tree.
type Node struct {
	Type NodeType
	Data string
	Attr []Attribute
}

// Tokenizer returns a stream of HTML tokens.
type Tokenizer struct{}

type parser struct{}

// ParseOption configures a parser.
type ParseOption func(p *parser)
