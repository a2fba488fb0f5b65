package jwt

// Claims must just have a Valid method that determines if the token is invalid for any supported reason.
type Claims interface {
	Valid() error
}

// StandardClaims is a structured version of the JWT Claims Set.
type StandardClaims struct {
	Audience  string `json:"aud,omitempty"`
	ExpiresAt int64  `json:"exp,omitempty"`
	Id        string `json:"jti,omitempty"`
	IssuedAt  int64  `json:"iat,omitempty"`
	Issuer    string `json:"iss,omitempty"`
	NotBefore int64  `json:"nbf,omitempty"`
	Subject   string `json:"sub,omitempty"`
}

// Valid validates time based claims "exp, iat, nbf".
func (c StandardClaims) Valid() error { return nil }

// VerifyExpiresAt compares the exp claim against cmp.
func (c *StandardClaims) VerifyExpiresAt(cmp int64, req bool) bool { return true }

// MapClaims is a claims type that uses the map[string]interface{} for JSON decoding.
type MapClaims map[string]interface{}

// Valid validates time based claims "exp, iat, nbf".
func (m MapClaims) Valid() error { return nil }

// VerifyExpiresAt compares the exp claim against cmp.
func (m MapClaims) VerifyExpiresAt(cmp int64, req bool) bool { return true }
