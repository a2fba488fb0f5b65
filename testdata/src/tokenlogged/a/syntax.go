package a

import (
	"encoding/json"
	"encoding/xml"
	"log"
	"log/slog"

	"tokenlogged/lexer"
)

// syntaxTokens: the tokens of parsers and lexers are words of a language.
func syntaxTokens(dec *json.Decoder, xd *xml.Decoder) {
	token, _ := dec.Token()
	log.Printf("unexpected token %v", token)
	tok, _ := xd.Token()
	slog.Info("xml", "token", tok)
	t := lexer.Next()
	log.Printf("unexpected token %v at line %d", t, t.Line)
	lexToken := lexer.Next()
	log.Println(lexToken, &lexToken)
}
