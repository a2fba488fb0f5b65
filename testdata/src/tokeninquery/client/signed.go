package client

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash"
	"net/url"
	"time"
)

// signedURL carries an HMAC over the request, keyed with the secret,
// beside the key's public id: the signature proves the secret without
// revealing it (held-out pass 8: a speech API's signed WebSocket URL).
func signedURL(host, apiKey, apiSecret string) string {
	date := time.Now().UTC().Format(time.RFC1123)
	mac := hmac.New(sha256.New, []byte(apiSecret))
	mac.Write([]byte("host: " + host + "\ndate: " + date))
	sig := base64.StdEncoding.EncodeToString(mac.Sum(nil))
	auth := fmt.Sprintf(`hmac username="%s", signature="%s"`, apiKey, sig)
	v := url.Values{}
	v.Add("date", date)
	v.Add("authorization", base64.StdEncoding.EncodeToString([]byte(auth)))
	return "wss://" + host + "/v1?" + v.Encode()
}

func digestURL(base, secret string, u *url.URL) {
	sum := sha256.Sum256([]byte(secret + u.Path))
	v := u.Query()
	v.Set("token", hex.EncodeToString(sum[:]))
	u.RawQuery = v.Encode()
}

// encodedSecret only encodes the secret: encoding is no protection.
func encodedSecret(apiSecret string, u *url.URL) {
	v := u.Query()
	v.Set("api_key", base64.StdEncoding.EncodeToString([]byte(apiSecret))) // want `token put in a URL query \(url.Values.Set api_key\)`
	u.RawQuery = v.Encode()
}

// signWith takes the hash to sign with: the sum is still a signature.
func signWith(newHash func() hash.Hash, secret, data string) []byte {
	var h hash.Hash = hmac.New(newHash, []byte(secret))
	h.Write([]byte(data))
	return h.Sum(nil)
}

// legacySigned are schemes of older APIs: a digest of the secret and the
// request, whatever the hash.
func legacySigned(secret, ts string, u *url.URL) {
	v := u.Query()
	m := md5.Sum([]byte(secret + ts))
	v.Set("token", hex.EncodeToString(m[:]))
	s1 := sha1.Sum([]byte(ts + secret))
	v.Set("auth_token", hex.EncodeToString(s1[:]))
	s5 := sha512.Sum512([]byte(secret + u.Path))
	v.Set("access_token", hex.EncodeToString(s5[:]))
	v.Set("api_key", hex.EncodeToString(signWith(sha512.New, secret, ts)))
	u.RawQuery = v.Encode()
}

// plainKey puts the secret itself in the query: no digest, the value is
// the secret.
func plainKey(secret string, u *url.URL) {
	v := u.Query()
	v.Set("api_key", secret) // want `token put in a URL query \(url.Values.Set api_key\)`
	u.RawQuery = v.Encode()
}
