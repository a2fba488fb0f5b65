// Package jwtmissingexp implements rule jwt-missing-exp: JWT expiry that
// is never enforced, or a token minted without exp.
//
// Using the library model in internal/jwtlib it reports:
//
//   - validation switched off: golang-jwt's WithoutClaimsValidation() and
//     Parser{SkipClaimsValidation: true}, jwx's WithValidate(false),
//     go-oidc's Config{SkipExpiryCheck: true} (as literals or assignments),
//     unless the function validates later or reads the token's exp itself
//     (a call with trait reads-exp: jwx's Token.Expiration, golang-jwt's
//     GetExpirationTime; a field with it; the expiry claim read by name,
//     claims["exp"] or a helper given "exp"), and unless the parser it configures only decodes
//     without verifying (ParseUnverified validates no claims whatever the
//     parser says; jwt-unverified-parse judges that decode);
//   - square/go-jose.v2's Claims.Validate given an Expected literal with no
//     Time (a zero Time skips exp there);
//   - a signature-only check (go-jose's JSONWebToken.Claims, cristalhq's
//     Parse, pascaldekloe's *Check) in a function that never validates the
//     time claims, does not return the claims to a caller who might, and
//     reads them (a check whose claims are never read only probes a key);
//   - jwx v1's Parse without WithValidate(true), which ignores exp;
//   - tokens minted with no exp: NewWithClaims with a MapClaims literal
//     lacking "exp" (or an expiry claim of the application's own:
//     rules.IsExpiryClaim) or a RegisteredClaims/StandardClaims (also embedded in
//     a struct of the package) without ExpiresAt, go-jose's
//     Builder.Claims with a jwt.Claims lacking Expiry, cristalhq's
//     Builder.Build likewise, and jwx's NewBuilder()…Build() chains with no
//     Expiration. A claims variable whose exp is set later in the function,
//     or that is handed to another function, is not reported.
//
// With -jwtmissingexp.require-exp (config: jwt.require-exp: true) it also
// reports, as a note, golang-jwt v5 parsers that do not require exp (no
// WithExpirationRequired), with a fix that adds the option. It is off by
// default because a missing exp matters only if some issuer omits it.
package jwtmissingexp
