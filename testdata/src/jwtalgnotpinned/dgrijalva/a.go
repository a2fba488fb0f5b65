package dgrijalva

import "github.com/dgrijalva/jwt-go"

var hmacSecret = []byte("from-config")

func unpinned(s string) {
	_, _ = jwt.Parse(s, func(t *jwt.Token) (interface{}, error) { return hmacSecret, nil }) // want `JWT parsed without pinning the algorithm`
	p := &jwt.Parser{}
	_, _ = p.Parse(s, func(t *jwt.Token) (interface{}, error) { return hmacSecret, nil }) // want `JWT parsed without pinning the algorithm`
	_, _ = new(jwt.Parser).Parse(s, func(t *jwt.Token) (interface{}, error) { return hmacSecret, nil }) // want `JWT parsed without pinning the algorithm`
}

func pemAsSecret(s string, pubPEM string) {
	_, _ = jwt.Parse(s, func(t *jwt.Token) (interface{}, error) { return []byte(pubPEM), nil }) // want `JWT keyfunc returns public-key bytes`
}

// Not findings below.

func pinned(s string) {
	p := &jwt.Parser{ValidMethods: []string{"HS256"}}
	_, _ = p.Parse(s, func(t *jwt.Token) (interface{}, error) { return hmacSecret, nil })
	var q jwt.Parser
	q.ValidMethods = []string{"HS256"}
	_, _ = q.Parse(s, func(t *jwt.Token) (interface{}, error) { return hmacSecret, nil })
	_, _ = jwt.Parse(s, func(t *jwt.Token) (interface{}, error) {
		if t.Method.Alg() != "HS256" {
			return nil, nil
		}
		return hmacSecret, nil
	})
}
