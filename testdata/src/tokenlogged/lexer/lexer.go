// Package lexer declares a language's tokens: words, not credentials.
package lexer

// Token is one lexical token.
type Token struct {
	Text string
	Line int
}

// Next returns the next token.
func Next() Token { return Token{} }
