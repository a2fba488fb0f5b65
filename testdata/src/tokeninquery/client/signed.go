package client

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
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
