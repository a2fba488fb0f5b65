// Package jwt is a test stub of github.com/dgrijalva/jwt-go (v3.2.0+incompatible):
// the names, types and signatures tokenvet's analyzers rely on, without
// the implementation.
package jwt
