// Package jwtlonglifetime implements rule jwt-long-lifetime: a JWT minted
// to live longer than the configured limit.
//
// It reports now + a constant duration that ends up as a token's expiry:
// t.Add(d) or t.AddDate(y, m, d) on a time.Time (time.Now() when type
// information is missing) whose result, possibly through
// NewNumericDate(…), .Unix() or a local variable, becomes an exp — a
// MapClaims "exp" key, a claims field with role Expiry in internal/jwtlib
// (ExpiresAt, Expiry, Expires), jwx's Builder.Expiration or Claim("exp", …)
// — kataras' MaxAge(d), and middleware lifetime fields with role
// Lifetime (gin-jwt's Timeout; MaxRefresh is judged as a refresh
// lifetime). The duration must be a constant (literal,
// named constant or product of time units); AddDate counts a year as 365
// days and a month as 30. A duration that is not constant where it is
// used but that the flow core (flow/goflow) folds to constants written
// elsewhere — configuration defaults, Application{ExpireInHours: 168}
// read as time.Duration(app.ExpireInHours * float64(time.Hour)) — is
// judged by each of those constants, and reported where the constant is
// written (the value to change) when that is in the package.
//
// The limit is -jwtlonglifetime.max-lifetime (default 24h; config
// jwt.max-lifetime). Tokens whose expression, statement or enclosing
// function name says "refresh" get -jwtlonglifetime.refresh-max-lifetime
// (default 2160h, 90 days; config jwt.refresh-max-lifetime).
package jwtlonglifetime
