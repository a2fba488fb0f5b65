// Package jwtdeprecatedlibrary implements rule jwt-deprecated-library: an
// import of a JWT library that is unmaintained or has advisories without
// a fix (github.com/dgrijalva/jwt-go, gopkg.in/square/go-jose.v2, jwx v1).
//
// Which modules are deprecated, why, and what replaces them is data in
// internal/jwtlib (Library.Deprecated). When a library has a drop-in
// replacement (dgrijalva/jwt-go → golang-jwt/jwt/v4) and the file uses
// only names the replacement keeps unchanged (Library.Compatible), the
// diagnostic carries a SuggestedFix that rewrites the import path.
package jwtdeprecatedlibrary
