package jwt

// Keyfunc will be used by the Parse methods as a callback function to supply
// the key for verification.
type Keyfunc func(*Token) (any, error)

// Token represents a JWT Token.
type Token struct {
	Raw       string
	Method    SigningMethod
	Header    map[string]any
	Claims    Claims
	Signature []byte
	Valid     bool
}

// TokenOption is a reserved type, which provides some forward compatibility.
type TokenOption func(*Token)

// New creates a new Token with the specified signing method and an empty map of claims.
func New(method SigningMethod, opts ...TokenOption) *Token {
	return NewWithClaims(method, MapClaims{}, opts...)
}

// NewWithClaims creates a new Token with the specified signing method and claims.
func NewWithClaims(method SigningMethod, claims Claims, opts ...TokenOption) *Token {
	return &Token{Header: map[string]any{"typ": "JWT", "alg": method.Alg()}, Claims: claims, Method: method}
}

// SignedString creates and returns a complete, signed JWT.
func (t *Token) SignedString(key any) (string, error) {
	sstr, err := t.SigningString()
	if err != nil {
		return "", err
	}
	sig, err := t.Method.Sign(sstr, key)
	if err != nil {
		return "", err
	}
	return sstr + "." + string(sig), nil
}

// SigningString generates the signing string.
func (t *Token) SigningString() (string, error) { return "", nil }
