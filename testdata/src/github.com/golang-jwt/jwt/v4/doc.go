// Package jwt is a test stub of github.com/golang-jwt/jwt/v4 (v4.5.2):
// the names, types and signatures tokenvet's analyzers rely on, without
// the implementation.
package jwt
