package tokenmodel

import (
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	for in, want := range map[string][]string{
		"accessToken":  {"access", "token"},
		"API_KEY":      {"api", "key"},
		"x-auth-token": {"x", "auth", "token"},
		"JWTSecret":    {"jwt", "secret"},
		"sessionID":    {"session", "id"},
		"id_token":     {"id", "token"},
	} {
		if got := Words(in); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsToken(t *testing.T) {
	m := New([]string{"X-Partner-Sig"})
	for _, n := range []string{"token", "accessToken", "refresh_token", "idToken", "jwt", "bearer", "apiKey", "API_KEY",
		"clientSecret", "jwtSecret", "SECRET_KEY", "sessionID", "session_id", "authToken", "tokenString", "signedJWT", "access_token", "xPartnerSig", "x_partner_sig",
		"secretAccessKey", "AWS_SECRET_ACCESS_KEY", "secret_access_key", "nextAccessToken", "pageAccessToken",
		// compounds written as one word (DingTalk's gettoken?appkey=…&appsecret=…)
		"appsecret", "clientsecret", "privatekey", "x_appsecret"} {
		if !m.IsToken(n) {
			t.Errorf("IsToken(%q) = false, want true", n)
		}
	}
	for _, n := range []string{"", "user", "tokenExpiry", "tokenType", "token_type", "expiresIn", "tokenURL", "TOKEN_KEY",
		"tokenizer", "userID", "tokenLength", "jwtHeader", "tokenSource", "code", "state", "secretName", "sig", "secret", "caSecret", "tlsSecret", "mcaptcha__token", "recaptchaToken", "pkce_session_id",
		// kratos v1.3.1 (docs/evaluation.md, transport rules)
		"credentials_identifier", "preview_credentials_identifier_similar", "return_session_token_exchange_code", "csrf_token", "X-CSRF-Token",
		// writefreely v0.15.1: profile fields that came with an OAuth token
		"token_username", "token_alias", "token_email", "token_remote_user", "tokenUser", "jwtSubject",
		// Pagination and change-feed cursors named token (held-out pass 3:
		// prometheus's group_next_token, OneDrive's delta token).
		"group_next_token", "nextPageToken", "next_token", "page_token", "continuationToken", "syncToken", "deltaToken", "NextContinuationToken",
		// S3-style access key ids (minio's peerRESTAccessKey, the console's
		// accessKey): the public half of a key pair.
		"accessKey", "access_key", "AWS_ACCESS_KEY_ID", "peerRESTAccessKey", "accessKeyID",
		// one-word names that are no compound
		"appkey", "secretname", "clientid",
		// proofs and signatures computed from a secret (held-out pass 6:
		// Facebook's appsecret_proof in hackathon-starter and hanko)
		"appsecret_proof", "appsecretProof", "token_signature",
		// mail links' one-action tokens (held-out pass 6: wakapi's and
		// outline's unsubscribe links, outline's read-receipt pixel)
		"UnsubscribeToken", "unsubscribe_token", "pixelToken",
		// what a decoded token holds (tuning set: hoppscotch's jwtHeaders,
		// wekan's getTokenContent)
		"jwtHeaders", "tokenPayload", "tokenContent", "tokenInfo",
		// numbers of tokens (tuning set: sftpgo's max_tokens of an LLM
		// request)
		"max_tokens", "maxTokens", "num_tokens", "remainingTokens"} {
		if m.IsToken(n) {
			t.Errorf("IsToken(%q) = true, want false", n)
		}
	}
}

func TestDescribesToken(t *testing.T) {
	m := New(nil)
	for name, want := range map[string]bool{
		"privateKeyFile": true, "tokenPath": true, "jwt_expiry": true, "accessTokenURL": true,
		"privateKey": false, "token": false, "apiKey": false, "userFile": false, "filePath": false,
	} {
		if got := m.DescribesToken(name); got != want {
			t.Errorf("DescribesToken(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestIsTokenFunc(t *testing.T) {
	m := New(nil)
	for _, n := range []string{"Token", "GetToken", "AccessToken", "GenerateJWT", "getAuthToken", "IssueToken"} {
		if !m.IsTokenFunc(n) {
			t.Errorf("IsTokenFunc(%q) = false", n)
		}
	}
	// traefik: redactor.RemoveCredentials(cfg) returns the redacted config
	for _, n := range []string{"RemoveCredentials", "ValidateToken", "HashToken", "NewTokenSource", "isTokenExpired", "setToken"} {
		if m.IsTokenFunc(n) {
			t.Errorf("IsTokenFunc(%q) = true", n)
		}
	}
}

func TestIsTokenKey(t *testing.T) {
	m := New(nil)
	for _, n := range []string{"TOKEN_KEY", "auth_token", "tokenName", "api_key", "jwt", "access-token"} {
		if !m.IsTokenKey(n) {
			t.Errorf("IsTokenKey(%q) = false, want true", n)
		}
	}
	for _, n := range []string{"theme", "key", "token_expiry", "userName", "lang"} {
		if m.IsTokenKey(n) {
			t.Errorf("IsTokenKey(%q) = true, want false", n)
		}
	}
}

// A parameter named after a token's name is a name (held-out pass 8: a
// log filter, ?token_name=); a variable of that name holds a token's
// key (IsTokenKey), and the token's own parameters are tokens.
func TestIsTokenParam(t *testing.T) {
	m := New(nil)
	for n, want := range map[string]bool{
		"token_name": false, "tokenName": false, "api_key_names": false, "token": true, "api_key": true,
		"access_token": true, "code": false, "token_type": false,
	} {
		if got := m.IsTokenParam(n); got != want {
			t.Errorf("IsTokenParam(%q) = %v, want %v", n, got, want)
		}
	}
	if !m.IsTokenKey("tokenName") {
		t.Error("IsTokenKey(tokenName) = false: a variable holding a token's key")
	}
}

func TestQueryTokenKey(t *testing.T) {
	m := New(nil)
	for in, want := range map[string]string{
		"https://api.example.com/v1?access_token=":      "access_token",
		"/ws?user=1&token=":                             "token",
		"?api_key=":                                     "api_key",
		"/cb?code=":                                     "",
		"/cb?state=":                                    "",
		"/items?page=":                                  "",
		"token=":                                        "",
		"?token=abc&page=":                              "",
		"https://jwt.io/#debugger-io?token=":            "",
		"https://app.example.com/#/login?token=":        "",
		"https://app.example.com/?a=1#x&token=":         "",
		"https://app.example.com/login?next=%23&token=": "token",
	} {
		if got := m.QueryTokenKey(in); got != want {
			t.Errorf("QueryTokenKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFlagSetsDefault(t *testing.T) {
	defer SetNames(nil)
	if Default().IsToken("partnerSig") {
		t.Fatal("partnerSig is a token before configuration")
	}
	if err := Flag().Set("partner_sig, other"); err != nil {
		t.Fatal(err)
	}
	if !Default().IsToken("partnerSig") || Flag().String() != "other,partner_sig" {
		t.Errorf("flag did not configure the model: %q", Flag().String())
	}
	if err := Flag().Set("--"); err == nil {
		t.Error("a name without letters was accepted")
	}
}
