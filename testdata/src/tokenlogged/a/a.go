package a

import (
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"os"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"golang.org/x/oauth2"
)

type session struct {
	ID      string
	Token   string
	Expires int64
}

func findings(r *http.Request, tok *oauth2.Token, t *jwt.Token, s session, key []byte, apiKey string) {
	signed, _ := t.SignedString(key)
	log.Printf("issued %s", signed) // want `token value signed written to a log`
	log.Println("access", tok.AccessToken) // want `token value tok.AccessToken written to a log`
	fmt.Println(tok.RefreshToken)          // want `token value tok.RefreshToken written`
	fmt.Fprintf(os.Stderr, "raw=%s\n", t.Raw) // want `token value t.Raw written`
	auth := r.Header.Get("Authorization")
	bearer := strings.TrimPrefix(auth, "Bearer ")
	slog.Info("request", "auth", bearer) // want `token value bearer written`
	slog.Info("request", slog.String("token", s.Token)) // want `token value s.Token written`
	log.Print(apiKey) // want `token value apiKey written`

	z := zap.NewNop()
	z.Info("login", zap.String("access_token", string(key))) // want `token value string\(key\) written`
	z.Sugar().Infow("login", "jwt", signed)                   // want `token value signed written`
	logrus.WithField("user", signed).Info("ok")               // want `token value signed written`
	logrus.WithFields(logrus.Fields{"session_id": s.ID}).Info("ok") // want `token value s.ID written`
	zl := zerolog.New(os.Stdout)
	zl.Info().Str("token", auth).Msg("in") // want `token value auth written`
	copyTok := signed
	log.Println(copyTok) // want `token value copyTok written`
}

func nonFindings(r *http.Request, tok *oauth2.Token, s session, w http.ResponseWriter, user string) {
	log.Printf("token expires at %v", tok.Expiry)
	log.Printf("token type %s, %d bytes", tok.TokenType, len(tok.AccessToken))
	log.Println("user", user, "session expires", s.Expires)
	fmt.Fprintf(w, "token=%s", tok.AccessToken) // the response, not a log
	var b strings.Builder
	fmt.Fprint(&b, tok.AccessToken)
	slog.Info("login", "user", user, "code", r.URL.Query().Get("code"))
	zap.NewNop().Info("login", zap.String("token", "redacted"))
	const tokenHeader = "Authorization"
	log.Println("reading", tokenHeader)
	hasToken := tok.AccessToken != ""
	log.Println(hasToken)
	_, err := r.Cookie("session_token")
	log.Println(err)
}

// Cases from the evaluation on traefik v3.7.13 (docs/evaluation.md, transport rules).
type redactor struct{}

func (redactor) RemoveCredentials(cfg any) (string, error) { return "", nil }

// zedToken is a consistency token (held-out pass 4: spicedb's ZedToken):
// a revision marker, logged under a key that says so.
type zedToken struct{ Token string }

func namedTokenKinds(requested *zedToken, pageToken string) {
	zl := zerolog.New(os.Stdout)
	zl.Info().Str("zedtoken", requested.Token).Msg("mismatched datastore")
	slog.Info("listing", "next_token", pageToken)
	zl.Info().Str("zedtoken", requested.Token).Str("token", requested.Token).Msg("both") // want `token value requested.Token written`
}

func evaluationNonFindings(cfg any, secret string, token, domain string) {
	redacted, _ := redactor{}.RemoveCredentials(cfg)
	log.Printf("static configuration %s", []byte(redacted)) // redacted, not a token
	zl := zerolog.New(os.Stdout)
	zl.Info().Str("secret", secret).Msg("cannot load CA secret") // a Kubernetes Secret's name
	log.Printf("Retrieving the ACME challenge for %s (token %q)", domain, token) // public by RFC 8555
}
