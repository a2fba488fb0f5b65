// Package tokencookieinsecure implements rule token-cookie-insecure: a
// cookie that carries a token without HttpOnly and Secure.
//
// It checks net/http Cookie literals (also as used by echo's SetCookie)
// and gin's Context.SetCookie. A cookie carries a token when its name is a
// token key (session_token, jwt, sid is not enough: session_id is) or its
// value is a token, as internal/tokenmodel decides. It is reported when
// HttpOnly or Secure is missing or constant false — unless the function
// sets the field afterwards (c.Secure = true), or sets it from a
// non-constant expression (a configuration switch is the user's call) —
// and when SameSite is None without Secure. A middleware's options that
// make it send the token it issues in a cookie (a sends-cookie field:
// gin-jwt's GinJWTMiddleware with SendCookie) are judged the same way,
// as a token cookie whatever it is called, when the flag is constant
// true; fields set afterwards count on the literal's variable and on
// the variable a constructor given the literal returns into. Cookies that delete a value
// (MaxAge < 0 or an empty Value) are not reported, nor are cookies a
// client sends (Request.AddCookie, a jar's SetCookies), where HttpOnly and
// Secure have no meaning.
//
// A session store made with the library's default cookie options (trait
// default-cookie-options: gorilla/sessions' NewCookieStore sets only Path
// and MaxAge, and gin-contrib's cookie store is gorilla's) is reported
// when neither its package nor a package of the module it imports ever
// configures a session cookie (a field or method with trait
// sets-cookie-options, or an options literal, which is judged as above;
// setting SameSite or MaxAge alone, or reading the options, is not
// configuring them), and the store stays in the package (not returned,
// kept in an exported variable or an exported field, directly or through
// a local variable, where another package may configure it).
package tokencookieinsecure
