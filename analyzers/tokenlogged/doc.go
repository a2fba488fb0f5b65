// Package tokenlogged implements rule token-logged: a token value passed
// to a logger.
//
// Loggers are the standard log and log/slog packages, fmt's Print
// functions and Fprint* to os.Stdout or os.Stderr, zap (Logger and
// SugaredLogger), logrus and zerolog: their level methods, printf-style
// functions and the field constructors and adders that carry a value
// (slog.String, zap.String, logrus.WithField, zerolog's Event.Str …).
//
// Whether an argument is a token is decided by internal/tokenmodel: its
// name (token, jwt, apiKey, secret, session id — extendable with the -names
// flag or .tokenvet.yml tokens.names), its source (SignedString, an oauth2
// Token's AccessToken or RefreshToken, a JWT's Raw, the Authorization
// header) and local assignments from those. Token metadata — expiry, type,
// length, an error, anything of a numeric, boolean or time type — is not a
// token. A field whose key names a token (zap.String("token", v)) is
// reported when its value is not a literal.
//
// fmt's prints (Print*, and Fprint* to os.Stdout or os.Stderr) count as
// logging only inside request-handling code: a function or closure that
// takes an http.ResponseWriter, an *http.Request, or a gin, echo, fiber
// or fasthttp context, where standard output and standard error are the
// service's log. Everywhere else they are the program's output to its
// user — a command that generates a token, or asks the user to pass one
// on, prints it on purpose — and are not reported. Log calls are reported
// wherever they are.
//
// A log line whose message mentions a challenge is left alone: ACME
// challenge tokens are public by design. A field whose key names another
// kind of token (zap.String("zedtoken", v), "next_token", "csrf_token")
// is not reported when only the value's name says token: the key tells
// what the value is. In a lexer, parser or tokenizer package (named
// lexer, scanner, parser, tokenizer, ast or syntax) tokens are words, and
// only values from credential sources are reported.
//
// Without type information (a package that does not type-check), calls of
// package-level logging functions are still matched through the file's
// imports; methods of logger values then are not.
package tokenlogged
