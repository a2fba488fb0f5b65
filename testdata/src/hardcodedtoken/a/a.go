package a

import (
	"flag"
	"net/http"
	"os"

	"golang.org/x/oauth2"
)

// Fake credentials: random-looking, in no provider's format.

const apiToken = "tv9Xq2LmP4rT8wZk3NbY6cVd1JhG5sFe" // want `hard-coded OAuth client secret or token \(rule tokenvet-oauth-credential\)`

const (
	prefix = "Bearer "
	opaque = "q8Rw2ZtY5uNc7VbX3mKa9LpD4sFg6Hj1"
)

var clientSecret = []byte("Qm9vS2lkZHk4Nz8xMjM0NTZhYmNkZWZnaGlq") // want `hard-coded .*\(rule `

func headers(req *http.Request) {
	req.Header.Set("Authorization", "Bearer 7hQmZ2pX9vKc4TnR8sWb3LyF6dGj1Ea5") // want `hard-coded opaque bearer token \(rule tokenvet-bearer-token\)`
	req.Header.Add("Authorization", "Bearer "+"4c2f9a1e7b3d8f6a0e5c2b9d7f1a3e8c")   // want `hard-coded opaque bearer token`
	req.Header.Set("Authorization", prefix+opaque)                                   // want `hard-coded opaque bearer token`
	req.Header["Authorization"] = []string{"Bearer 9d3a7f1c5e8b2a6d4f0c7e1b3a5d9f2e"} // want `hard-coded opaque bearer token`
	req.SetBasicAuth("admin", "Zx81kPq0wLr7TyUe")                                    // want `hard-coded .*\(rule generic-api-key\)`

	// Not findings: values read at run time, placeholders.
	req.Header.Set("Authorization", "Bearer "+os.Getenv("API_TOKEN"))
	req.Header.Set("Authorization", "Bearer YOUR_TOKEN")
	req.Header.Set("Authorization", "Bearer <token>")
	req.Header.Set("Authorization", "Bearer ${API_TOKEN}")
	req.Header.Set("Authorization", "Bearer xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
	req.SetBasicAuth("admin", os.Getenv("ADMIN_PASSWORD"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	req.Header.Set("Authorization", "Bearer 2b7e1f9c4a8d3e6b0f5a9c2d7e1b4f8a") // gitleaks:allow documented sandbox token
}

func oauth() {
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "b7e4c1f9a2d8e5b3c6f0a9d2e7b4c1f8a5d3"}) // want `hard-coded OAuth client secret or token`
	_ = ts
	_ = oauth2.Config{ClientID: "my-app.apps.example.com", ClientSecret: "Fq7mT2xR9kW4zB6nV1cL8pJ3hS5dG0yA"} // want `hard-coded OAuth client secret or token`
	_ = oauth2.Token{AccessToken: os.Getenv("ACCESS_TOKEN"), TokenType: "Bearer"}
}

func jwts() {
	_ = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0." // want `hard-coded JWT with alg none \(unsigned: anyone can forge one\), no exp \(never expires\) \(rule jwt\)`
}

func notSecrets() {
	token := os.Getenv("TOKEN")
	secretName := flag.String("secret-name", "default", "name of the Kubernetes secret holding the API token")
	_, _ = token, secretName
	var tokenURL = "https://oauth2.example.com/token"
	var keyFile = "/etc/app/signing-key.pem"
	_, _ = tokenURL, keyFile
	msg := "the token is missing or has expired; request a new one from the identity provider"
	_ = msg
	apiKeyHeader := "X-Api-Key"
	_ = apiKeyHeader
}

// An example response in a doc comment is documentation: generic rules
// do not report it (issue 11), provider formats still do:
//
//	{"access_token": "Jq4wT8mZ2xR6vB0nL3cY7pK1hF5sD9gA", "token_type": "Bearer"}
//
// and one with a placeholder: {"access_token": "<ACCESS_TOKEN>"}. A
// provider token pasted into one: ghp_R8dJ3kL9mN2pQ5sT7vW1xY4zA6bC0eF8gH2j // want `hard-coded GitHub Personal Access Token`

// Suppressed findings are still diagnostics; tokenvet scan applies
// tokenvet:ignore. go vet users see them.
