// Package jwtunverifiedparse implements rule jwt-unverified-parse: JWT
// claims read without checking the token's signature.
//
// It reports, using the library model in internal/jwtlib:
//
//   - calls that decode without verifying (trait Unverified): golang-jwt's
//     ParseUnverified, jwx's ParseInsecure, go-jose's
//     UnsafeClaimsWithoutVerification and UnsafePayloadWithoutVerification,
//     cristalhq's ParseNoVerify, pascaldekloe's ParseWithoutCheck, and
//     kataras' Decode when the result's Payload is read (its Header alone
//     serves to pick a key);
//     An unverified read of a token that is verified as well — in the same
//     function (the claims pick the key, as the libraries recommend) or,
//     for a token parameter, by every caller in the package — is not
//     reported, and neither is a token the program was issued itself (a
//     source of kind issued-credential: an OAuth client's access or ID
//     token from the token endpoint, whose claims the client may read);
//   - options and fields that turn verification off (trait NoVerify):
//     jwx's WithVerify(false), go-oidc's InsecureSkipSignatureCheck: true;
//   - jwx v1's Parse given no WithVerify or WithKeySet option (it then
//     does not verify), unless the options are spread from a slice;
//   - a golang-jwt parse whose error is discarded (tok, _ := jwt.Parse(…)
//     or _, _ = jwt.ParseWithClaims(s, &c, …)) when the function then
//     reads tok.Claims without looking at tok.Valid, or reads the claims
//     variable: golang-jwt fills the claims even when the signature or
//     the expiry check failed.
//
// Everything except the discarded-error case resolves through the
// syntactic fallback when the JWT module is missing; that case needs to
// know which identifiers are the same variable and works from syntax too,
// by name within the function. Without type information a method called
// on a variable (t.UnsafeClaimsWithoutVerification) resolves when the
// flow core (flow/goflow) finds the variable's value only in a call of a
// library function that takes a raw token: the method of that package's
// token.
package jwtunverifiedparse
