// Package jwt is a test stub of github.com/form3tech-oss/jwt-go (v3.2.5+incompatible):
// the names, types and signatures tokenvet's analyzers rely on, without
// the implementation.
package jwt
