// Package jwtalgnotpinned implements rule jwt-alg-not-pinned: a JWT
// verifier that takes the algorithm from the token instead of fixing it.
//
// For golang-jwt (v3 to v5, dgrijalva, form3tech) it reports Parse,
// ParseWithClaims, Parser.Parse/ParseWithClaims and
// request.ParseFromRequest when
//
//   - no option or field pins the accepted algorithms (WithValidMethods,
//     Parser{ValidMethods: …}, also inside request.WithParser(…)), and
//   - the keyfunc never looks at the algorithm: its body (a function
//     literal or a function of the package) has no t.Method, t.Header["alg"]
//     or .Alg() reference, and the function does not compare the parsed
//     token's Method or Header after the parse, nor tests a header's alg
//     before it (a value named Alg, or an "alg" key, compared with a
//     constant or handed to a string test: code that decodes the header
//     itself to reject HS*), and
//   - the keys the keyfunc returns are not all of one family's type
//     (trait key-type-picks-alg): golang-jwt's HMAC methods take only
//     []byte, RSA and PSS only *rsa.PublicKey, ECDSA only
//     *ecdsa.PublicKey and EdDSA only ed25519.PublicKey, so an HMAC
//     secret admits only HS256/384/512 and a public key only its own
//     family. A key of unknown type (any, a key set's lookup) or keys of
//     two families let the token's header choose.
//
// A keyfunc that is not found (a parameter, a function of another
// package), a parser built elsewhere, or options spread from a slice are
// given the benefit of the doubt. The finding is a warning; it is an
// error when the keyfunc returns bytes that look like a public key or a
// PEM block (by name or content), the classic RS256→HS256 confusion in
// which the public key becomes the HMAC secret.
//
// For jwx it reports WithInferAlgorithmFromKey(true), which lets the key
// decide the algorithm.
package jwtalgnotpinned
