package missingmodule

import (
	jwa2 "github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jws"
	"github.com/lestrrat-go/jwx/v3/jwt"
)

func jwx(payload []byte, tok jwt.Token) {
	_, _ = jws.Sign(payload, jws.WithKey(jwa.NoSignature(), nil))               // want `JWT signed or verified with the none algorithm \(jwa.NoSignature\(\)\)`
	_, _ = jwt.Sign(tok, jwt.WithInsecureNoSignature())                         // want `JWT signed without a signature`
	_, _ = jws.Sign(payload, jws.WithKey(jwa2.SignatureAlgorithm("none"), nil)) // want `JWT signed or verified with the none algorithm`
	_ = jwa2.NoSignature                                                        // want `JWT none algorithm used`
	_, _ = jwt.Sign(tok, jwt.WithKey(jwa.RS256(), nil))
	if jwa.NoSignature() == jwa.HS256() {
		return
	}
}
