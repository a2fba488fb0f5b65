// Package definitions: a variable whose name says token is judged by the
// values it is given when all of them are known; a store or cache key
// built from a user's id is not a session key, whatever it is called.
package definitions

import (
	"fmt"
	"log"

	"github.com/rs/zerolog"
	"golang.org/x/oauth2"

	"tokenlogged/definitions/constants"
)

type user struct {
	ID    string
	Email string
}

type session struct{ ID string }

type claims struct {
	Subject     string
	LoginMethod string
}

const accessTokenPrefix = "access_token_"

func storeKeys(u user, c claims, nonce string, zl zerolog.Logger) {
	sessionKey := u.ID
	if c.LoginMethod != "" {
		sessionKey = c.LoginMethod + ":" + u.ID
	}
	log.Printf("deleting session under %s", sessionKey)
	zl.Debug().Str("session_key", sessionKey).Msg("rollover")
	lookup := sessionKey + ":" + accessTokenPrefix + nonce
	log.Println("invalid access token, key:", lookup)
	log.Println("key:", sessionKey+":"+accessTokenPrefix+nonce)

	var cacheToken string
	cacheToken = fmt.Sprintf("%s/%s", c.Subject, u.Email)
	log.Print(cacheToken)

	res := map[string]any{}
	sub, _ := res["sub"].(string)
	authKey := "user:" + sub
	log.Print(authKey)
}

func stillTokens(s *session, tok *oauth2.Token, next func() string, keys []string, zl zerolog.Logger) {
	sessionKey := next() // an unknown value: the name decides
	log.Print(sessionKey) // want `token value sessionKey written to a log`

	apiKey := "user:" + s.ID
	apiKey = tok.AccessToken // one of its values is a token
	log.Print(apiKey) // want `token value apiKey written to a log`

	sessionID := s.ID // a session's id is the session id
	log.Print(sessionID) // want `token value sessionID written to a log`

	for _, secretKey := range keys {
		log.Print(secretKey) // want `token value secretKey written to a log`
	}
	zl.Info().Str("session_key", sessionKey).Msg("x") // want `token value sessionKey written to a log`
}

func parameter(sessionKey string) {
	log.Print(sessionKey) // want `token value sessionKey written to a log`
}

func addressTaken(u user) {
	sessionToken := u.ID
	fill(&sessionToken)
	log.Print(sessionToken) // want `token value sessionToken written to a log`
}

func fill(p *string) { *p = "x" }

type record struct{ LiveNonce string }

type store interface {
	DeleteUserSession(key, nonce string) error
}

// A key built from the subject and the login method, read from decoded
// claims, and extended by itself.
func claimsKeys(claims map[string]any, st store, rec record, zl zerolog.Logger) {
	sub, _ := claims["sub"].(string)
	if sub == "" {
		return
	}
	sessionKey := sub
	if lm, _ := claims["login_method"].(string); lm != "" {
		sessionKey = lm + ":" + sub
	}
	if err := st.DeleteUserSession(sessionKey, rec.LiveNonce); err != nil {
		zl.Debug().Err(err).Str("session_key", sessionKey).Msg("revoke")
	}
	storeKey := sub
	if m, ok := claims["method"].(string); ok {
		storeKey = m + ":" + storeKey
	}
	sessionToken := storeKey
	sessionToken = sessionToken + ":" + accessTokenPrefix
	log.Print(sessionToken)
}

// A constant of another package named like a token is a name, not one.
func qualifiedConstant(nonce string) {
	log.Println("key:", "user:"+constants.TokenTypeAccessToken+"_"+nonce)
	log.Println(constants.TokenTypeAccessToken)
	log.Println(tokenTypes.AccessToken) // want `token value tokenTypes.AccessToken written to a log`
}

// A field of a variable is a value, whatever it holds today.
var tokenTypes = struct{ AccessToken string }{"x"}
