// Package jwt is a test stub of github.com/golang-jwt/jwt/v5 (v5.3.1):
// the names, types and signatures tokenvet's analyzers rely on, without
// the implementation.
package jwt
