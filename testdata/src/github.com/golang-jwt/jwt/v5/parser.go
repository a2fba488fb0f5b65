package jwt

import "time"

// Parser parses tokens; configure it with ParserOption values.
type Parser struct {
	validMethods         []string
	useJSONNumber        bool
	skipClaimsValidation bool
	validator            *Validator
}

// ParserOption is used to implement functional-style options that modify the behavior of the parser.
type ParserOption func(*Parser)

// Validator is the core of the claims validation.
type Validator struct {
	leeway      time.Duration
	expRequired bool
}

// NewParser creates a new Parser with the specified options.
func NewParser(options ...ParserOption) *Parser {
	p := &Parser{validator: &Validator{}}
	for _, option := range options {
		option(p)
	}
	return p
}

// Parse parses, validates, verifies the signature and returns the parsed token.
func (p *Parser) Parse(tokenString string, keyFunc Keyfunc) (*Token, error) {
	return p.ParseWithClaims(tokenString, MapClaims{}, keyFunc)
}

// ParseWithClaims is like Parse but with custom claims.
func (p *Parser) ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc) (*Token, error) {
	return nil, nil
}

// ParseUnverified parses the token but does not validate the signature.
func (p *Parser) ParseUnverified(tokenString string, claims Claims) (token *Token, parts []string, err error) {
	return nil, nil, nil
}

// Parse parses, validates, verifies the signature and returns the parsed token.
func Parse(tokenString string, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return NewParser(options...).Parse(tokenString, keyFunc)
}

// ParseWithClaims is a shortcut for NewParser().ParseWithClaims().
func ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return NewParser(options...).ParseWithClaims(tokenString, claims, keyFunc)
}

// WithValidMethods is an option to supply algorithm methods that the parser will check.
func WithValidMethods(methods []string) ParserOption {
	return func(p *Parser) { p.validMethods = methods }
}

// WithoutClaimsValidation is an option to disable claims validation.
func WithoutClaimsValidation() ParserOption {
	return func(p *Parser) { p.skipClaimsValidation = true }
}

// WithLeeway returns the ParserOption for specifying the leeway window.
func WithLeeway(leeway time.Duration) ParserOption {
	return func(p *Parser) { p.validator.leeway = leeway }
}

// WithExpirationRequired returns the ParserOption to make exp claim required.
func WithExpirationRequired() ParserOption {
	return func(p *Parser) { p.validator.expRequired = true }
}

// NewValidator can be used to create a stand-alone validator with the supplied options.
func NewValidator(opts ...ParserOption) *Validator { return &Validator{} }

// Validate validates the given claims.
func (v *Validator) Validate(claims Claims) error { return nil }
