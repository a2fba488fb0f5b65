// Package golangjwtv5 is analyzed with -require-exp: parsers that do not
// require exp are notes, fixed by adding WithExpirationRequired.
package golangjwtv5

import "github.com/golang-jwt/jwt/v5"

func parse(s string, kf jwt.Keyfunc) {
	_, _ = jwt.Parse(s, kf, jwt.WithValidMethods([]string{"HS256"})) // want `JWT parser does not require exp \(jwt.Parse\)`
	_, _ = jwt.Parse(s, kf)                                          // want `JWT parser does not require exp`
	_ = jwt.NewParser()                                              // want `JWT parser does not require exp \(jwt.NewParser\)`
}

// Not findings below.

func required(s string, kf jwt.Keyfunc, opts []jwt.ParserOption) {
	_, _ = jwt.Parse(s, kf, jwt.WithExpirationRequired())
	_ = jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())
	_, _ = jwt.Parse(s, kf, opts...)
	_, _ = jwt.NewParser(jwt.WithExpirationRequired()).Parse(s, kf)
	_, _, _ = jwt.NewParser().ParseUnverified(s, jwt.MapClaims{}) // validates nothing anyway
}
