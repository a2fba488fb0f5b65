// Package jwt is a test stub of github.com/golang-jwt/jwt (v3.2.2+incompatible):
// the names, types and signatures tokenvet's analyzers rely on, without
// the implementation.
package jwt
