// Package transport shows where the demo service lets its tokens travel:
// into URLs, over plaintext HTTP, into cookies scripts can read, and into
// its logs.
package transport

import (
	"log"
	"net/http"
	"net/url"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// partnerAPI is reached over plaintext HTTP.
const partnerAPI = "http://partner.acmepay.net/api"

// Login issues a session token, logs it, and sets it in a cookie without
// HttpOnly or Secure.
func Login(w http.ResponseWriter, r *http.Request, key []byte) {
	claims := jwt.RegisteredClaims{Subject: r.PostFormValue("user"), ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}
	signed, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
	if err != nil {
		http.Error(w, "cannot sign", http.StatusInternalServerError)
		return
	}
	log.Printf("issued session token %s", signed)
	http.SetCookie(w, &http.Cookie{Name: "session_token", Value: signed, Path: "/"})
	// Safe: the expiry is token metadata, and this cookie is hardened.
	log.Printf("session for %s expires at %v", claims.Subject, claims.ExpiresAt)
	http.SetCookie(w, &http.Cookie{Name: "refresh_token", Value: signed, Path: "/auth", HttpOnly: true, Secure: true, SameSite: http.SameSiteStrictMode})
}

// Me authenticates with a token taken from the query string.
func Me(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("access_token")
	if token == "" {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	// Safe: OAuth's state is not a credential.
	_ = r.URL.Query().Get("state")
	w.WriteHeader(http.StatusNoContent)
}

// SyncPartner calls the partner API with the token in the URL and in an
// Authorization header, over plaintext HTTP.
func SyncPartner(token string) error {
	q := url.Values{}
	q.Set("api_key", token)
	req, err := http.NewRequest(http.MethodGet, partnerAPI+"/orders?"+q.Encode(), nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
