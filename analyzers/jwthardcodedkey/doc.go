// Package jwthardcodedkey implements rule jwt-hardcoded-key: a literal
// string, a constant, or []byte of one, used as a JWT signing or
// verification key.
//
// The key positions come from internal/jwtlib (parameters and fields with
// role Key): golang-jwt's Token.SignedString and SigningMethod.Sign/Verify,
// jwx's WithKey, go-jose's SigningKey.Key and JSONWebToken.Claims,
// cristalhq's NewSignerHS/NewVerifierHS, kataras' Sign/Verify,
// pascaldekloe's HMACCheck/HMACSign, the key settings of JWT middlewares
// (gin-jwt's Key, echo-jwt's SigningKey and JWT, gofiber's
// SigningKey.Key, jwtauth.New) — plus what a golang-jwt keyfunc returns. A value is hard-coded when it is a non-empty constant string,
// a []byte conversion of one, a []byte literal of constants, or a
// variable whose only value is one of those (followed through package and
// local declarations; a variable assigned anywhere else is not judged).
// PEM public keys and certificates are not secrets and are skipped.
// Messages never quote the key. _test.go files are left out of a scan
// unless --tests is given.
package jwthardcodedkey
