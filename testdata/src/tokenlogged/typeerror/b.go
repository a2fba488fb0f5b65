package typeerror

import (
	"log"

	"example.com/missing/auth"
)

func f() {
	tok := auth.Issue()
	log.Printf("token %s", tok.Token) // want `token value tok.Token written`
	var n int = "x"
	log.Println(n)
}
