// Package jwtnonealg implements rule jwt-none-alg: a JSON Web Token
// signed with, or accepted with, the "none" algorithm.
//
// The analyzer's Doc and URL come from the rule catalogue (package rules);
// what each JWT library calls its none algorithm, its magic keys and its
// options lives in internal/jwtlib. The analyzer reports:
//
//   - any use of a library's none algorithm (golang-jwt's SigningMethodNone,
//     jwx's jwa.NoSignature, kataras' jwt.NONE) or of golang-jwt's
//     UnsafeAllowNoneSignatureType key, except as an operand of == or != or
//     in a switch case, where code usually rejects it;
//   - an algorithm made from the name "none" (jwt.GetSigningMethod("none"),
//     jwa.SignatureAlgorithm("none"), jwa.KeyAlgorithmFrom("none"), …),
//     judged like the none algorithm itself;
//   - "none" in a list of accepted algorithms (WithValidMethods,
//     Parser.ValidMethods);
//   - options that sign without a signature (jwx's WithInsecureNoSignature).
//
// Matching is on resolved objects. When the JWT module cannot be loaded the
// analyzer falls back to the file's imports (see internal/resolve) and still
// reports everything above except assignments to Parser.ValidMethods, which
// need the type of the assigned-to variable. A method called on a value of
// unknown type with a none value as argument (tok.SignedString(
// jwt.UnsafeAllowNoneSignatureType)) is then looked up among the methods of
// the argument's package. Packages of the JWT libraries themselves are not
// analyzed.
package jwtnonealg
