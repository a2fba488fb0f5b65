package jwt

// Parser parses tokens.
type Parser struct {
	// If populated, only these methods will be considered valid.
	//
	// Deprecated: In future releases, this field will not be exported anymore and should be set with an option to NewParser instead.
	ValidMethods []string
	// Deprecated: In future releases, this field will not be exported anymore and should be set with an option to NewParser instead.
	UseJSONNumber bool
	// Deprecated: In future releases, this field will not be exported anymore and should be set with an option to NewParser instead.
	SkipClaimsValidation bool
}

// ParserOption is used to implement functional-style options that modify the behavior of the parser.
type ParserOption func(*Parser)

// NewParser creates a new Parser with the specified options.
func NewParser(options ...ParserOption) *Parser {
	p := &Parser{}
	for _, option := range options {
		option(p)
	}
	return p
}

// WithValidMethods is an option to supply algorithm methods that the parser will check.
func WithValidMethods(methods []string) ParserOption {
	return func(p *Parser) { p.ValidMethods = methods }
}

// WithoutClaimsValidation is an option to disable claims validation.
func WithoutClaimsValidation() ParserOption {
	return func(p *Parser) { p.SkipClaimsValidation = true }
}

// Parse parses, validates, verifies the signature and returns the parsed token.
func Parse(tokenString string, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return NewParser(options...).Parse(tokenString, keyFunc)
}

// ParseWithClaims is a shortcut for NewParser().ParseWithClaims().
func ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return NewParser(options...).ParseWithClaims(tokenString, claims, keyFunc)
}

// Parse parses, validates, and returns a token.
func (p *Parser) Parse(tokenString string, keyFunc Keyfunc) (*Token, error) {
	return p.ParseWithClaims(tokenString, MapClaims{}, keyFunc)
}

// ParseWithClaims is like Parse but with custom claims.
func (p *Parser) ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc) (*Token, error) {
	return nil, nil
}

// ParseUnverified parses the token but doesn't validate the signature.
func (p *Parser) ParseUnverified(tokenString string, claims Claims) (token *Token, parts []string, err error) {
	return nil, nil, nil
}
