// Package words: values whose type the models call not-credential (the
// tokens of a lexer, parser or tokenizer; times) are not logged tokens
// however they are named, while a string of the same name is.
package words

import (
	"encoding/json"
	"encoding/xml"
	gscanner "go/scanner"
	"go/token"
	"log"
	tscanner "text/scanner"
	"text/template/parse"
	"time"

	"golang.org/x/net/html"
)

func lexers(tok token.Token, pos token.Pos, errs gscanner.ErrorList, s *tscanner.Scanner, node parse.Node, ht html.Token, tokenExpiry time.Time, tokenString string) {
	log.Printf("unexpected %v at %v", tok, pos)
	log.Printf("scan errors: %v", errs)
	log.Printf("at %v", s.Position)
	log.Printf("template token %v", node)
	log.Printf("html token %v", ht)
	log.Printf("expires %v", tokenExpiry)
	log.Printf("token %s", tokenString) // want `token value tokenString written to a log`
}

func decoders(dec *json.Decoder, xd *xml.Decoder, raw json.RawMessage) {
	token, _ := dec.Token()
	log.Printf("unexpected JSON token %v", token)
	xmlToken, _ := xd.Token()
	log.Printf("unexpected XML token %v", xmlToken)
	var bearerToken string
	_ = json.Unmarshal(raw, &bearerToken)
	log.Printf("got %s", bearerToken) // want `token value bearerToken written to a log`
}
