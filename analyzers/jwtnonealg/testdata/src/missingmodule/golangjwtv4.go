package missingmodule

import jwt4 "github.com/golang-jwt/jwt/v4"

func parserV4() {
	_ = &jwt4.Parser{ValidMethods: []string{"none"}} // want `JWT parser accepts the none algorithm`
	_ = jwt4.Parser{ValidMethods: []string{"HS256"}}
}
