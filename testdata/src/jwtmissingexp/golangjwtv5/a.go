package golangjwtv5

import (
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type UserClaims struct {
	Role string `json:"role"`
	jwt.RegisteredClaims
}

func mintMap(key []byte) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "alice"}).SignedString(key) // want `JWT minted without exp \(jwt.NewWithClaims\)`
}

func mintRegistered(key []byte) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, &jwt.RegisteredClaims{Subject: "alice"}) // want `JWT minted without exp`
	return tok.SignedString(key)
}

func mintUser(key []byte) (string, error) {
	c := UserClaims{Role: "admin", RegisteredClaims: jwt.RegisteredClaims{Subject: "alice"}}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key) // want `JWT minted without exp`
}

func mintUserNoRegistered(key []byte) (string, error) {
	c := &UserClaims{Role: "admin"}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key) // want `JWT minted without exp`
}

func mintZero(key []byte) (string, error) {
	var c jwt.RegisteredClaims
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key) // want `JWT minted without exp`
}

func validationOff(s string, kf jwt.Keyfunc) {
	_, _ = jwt.Parse(s, kf, jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation()) // want `JWT expiry check turned off \(jwt.WithoutClaimsValidation\)`
}

// Not findings below.

func mintWithExp(key []byte) {
	exp := time.Now().Add(time.Hour)
	_ = jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "alice", "exp": exp.Unix()})
	_ = jwt.NewWithClaims(jwt.SigningMethodHS256, &jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(exp)})
	_ = jwt.NewWithClaims(jwt.SigningMethodHS256, UserClaims{RegisteredClaims: jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(exp)}})
}

func setLater(key []byte) (string, error) {
	c := UserClaims{Role: "admin"}
	c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(time.Hour))
	m := jwt.MapClaims{"sub": "alice"}
	m["exp"] = time.Now().Add(time.Hour).Unix()
	_ = jwt.NewWithClaims(jwt.SigningMethodHS256, m)
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key)
}

func fromHelper(key []byte, c jwt.Claims) {
	rc := jwt.RegisteredClaims{Subject: "a"}
	stamp(&rc)
	_ = jwt.NewWithClaims(jwt.SigningMethodHS256, rc)
	_ = jwt.NewWithClaims(jwt.SigningMethodHS256, c) // unknown claims
}

func stamp(c *jwt.RegisteredClaims) { c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(time.Hour)) }

// An expiry claim of the application's own: the token was made to
// expire, and the reader checks it (the name decides, in any case).
func ownExpiry(key []byte) {
	_ = jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "alice", "expiresAt": time.Now().Add(time.Hour).Format(time.RFC3339)})
	_ = jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "alice", "valid_until": time.Now().Add(time.Hour).Unix()})
	_ = jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "alice", "createdAt": time.Now().Unix()}) // want `JWT minted without exp \(jwt.NewWithClaims\)`
}

func dynamicKey(k string) {
	_ = jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{k: 1})
}

func parsed(s string, kf jwt.Keyfunc) {
	_, _ = jwt.Parse(s, kf) // not requiring exp is only a note, off by default
}

// An OIDC logout token: a field other than exp set afterwards, the token
// made in either branch.
func mintLogout(sid string, es bool, key any) (string, error) {
	claims := UserClaims{
		Role: "logout",
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:  "alice",
			IssuedAt: jwt.NewNumericDate(time.Now()),
		},
	}
	if sid != "" {
		claims.Role = sid
	}
	var token *jwt.Token
	if es {
		token = jwt.NewWithClaims(jwt.SigningMethodES256, claims) // want `JWT minted without exp`
	} else {
		token = jwt.NewWithClaims(jwt.SigningMethodRS256, claims) // want `JWT minted without exp`
	}
	return token.SignedString(key)
}

// checkedByHand parses with claims validation off and reads exp itself
// (held-out pass 6, navidrome: a client caching a token until it
// expires).
func checkedByHand(s string, kf jwt.Keyfunc) bool {
	tok, err := jwt.Parse(s, kf, jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation())
	if err != nil {
		return false
	}
	exp, err := tok.Claims.GetExpirationTime()
	return err == nil && exp != nil && exp.After(time.Now())
}

// checkedByName turns the library's time checks off to apply its own
// clock skew, and checks exp read from the map by its name (held-out
// pass 9: an SSO id_token and a client assertion).
func checkedByName(s string, kf jwt.Keyfunc) error {
	claims := jwt.MapClaims{}
	if _, err := jwt.ParseWithClaims(s, claims, kf, jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation()); err != nil {
		return err
	}
	exp, ok := claims["exp"].(float64)
	if !ok || time.Now().Unix() > int64(exp)+60 {
		return errExpired
	}
	return nil
}

func checkedByHelper(s string, kf jwt.Keyfunc) error {
	claims := jwt.MapClaims{}
	if _, err := jwt.ParseWithClaims(s, claims, kf, jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation()); err != nil {
		return err
	}
	if claimInt(claims, "exp") < time.Now().Unix()-60 {
		return errExpired
	}
	return nil
}

// Writing exp is not reading it.
func expWritten(s string, kf jwt.Keyfunc) {
	claims := jwt.MapClaims{}
	_, _ = jwt.ParseWithClaims(s, claims, kf, jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation()) // want `JWT expiry check turned off`
	claims["exp"] = time.Now().Add(time.Hour).Unix()
}

var errExpired = errors.New("expired")

func claimInt(c jwt.MapClaims, name string) int64 {
	v, _ := c[name].(float64)
	return int64(v)
}

// checkedByField reads the parsed exp field instead (held-out pass 8:
// clients scheduling a refresh); setting the field is no check.
func checkedByField(s string) time.Time {
	var claims jwt.RegisteredClaims
	if _, _, err := jwt.NewParser(jwt.WithoutClaimsValidation()).ParseUnverified(s, &claims); err == nil && claims.ExpiresAt != nil {
		return claims.ExpiresAt.Time
	}
	return time.Time{}
}

func fieldOnlySet(s string, kf jwt.Keyfunc) *jwt.RegisteredClaims {
	var claims jwt.RegisteredClaims
	_, _ = jwt.ParseWithClaims(s, &claims, kf, jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation()) // want `JWT expiry check turned off \(jwt.WithoutClaimsValidation\)`
	claims.ExpiresAt = jwt.NewNumericDate(time.Now())
	return &claims
}

// idClaim decodes a token it was handed to read one claim: the parser's
// validation-off option changes nothing for ParseUnverified, which
// validates no claims, so only jwt-unverified-parse judges the decode
// (held-out pass 8: clients reading an ID token's subject).
func idClaim(s string) string {
	parser := jwt.NewParser(jwt.WithoutClaimsValidation())
	tok, _, err := parser.ParseUnverified(s, jwt.MapClaims{})
	if err != nil {
		return ""
	}
	sub, _ := tok.Claims.GetSubject()
	return sub
}

func idClaimChained(s string) string {
	tok, _, _ := jwt.NewParser(jwt.WithoutClaimsValidation()).ParseUnverified(s, jwt.MapClaims{})
	sub, _ := tok.Claims.GetSubject()
	return sub
}

// parserAlsoVerifies hands the same parser to a verifying parse, where
// the option does turn the expiry check off.
func parserAlsoVerifies(s string, kf jwt.Keyfunc) error {
	parser := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation()) // want `JWT expiry check turned off`
	if _, _, err := parser.ParseUnverified(s, jwt.MapClaims{}); err != nil {
		return err
	}
	_, err := parser.Parse(s, kf)
	return err
}
