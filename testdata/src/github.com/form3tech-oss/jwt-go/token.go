package jwt

// Keyfunc is used by the Parse methods as a callback function to supply
// the key for verification.
type Keyfunc func(*Token) (interface{}, error)

// Token represents a JWT Token.
type Token struct {
	Raw       string
	Method    SigningMethod
	Header    map[string]interface{}
	Claims    Claims
	Signature string
	Valid     bool
}

// New creates a new Token with the specified signing method and an empty map of claims.
func New(method SigningMethod) *Token {
	return NewWithClaims(method, MapClaims{})
}

// NewWithClaims creates a new Token with the specified signing method and claims.
func NewWithClaims(method SigningMethod, claims Claims) *Token {
	return &Token{Header: map[string]interface{}{"typ": "JWT", "alg": method.Alg()}, Claims: claims, Method: method}
}

// SignedString creates and returns a complete, signed JWT.
func (t *Token) SignedString(key interface{}) (string, error) {
	sstr, err := t.SigningString()
	if err != nil {
		return "", err
	}
	sig, err := t.Method.Sign(sstr, key)
	if err != nil {
		return "", err
	}
	return sstr + "." + sig, nil
}

// SigningString generates the signing string.
func (t *Token) SigningString() (string, error) { return "", nil }
