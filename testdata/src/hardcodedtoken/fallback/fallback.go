// Package fallback imports a module that is not available, so it does
// not type-check: findings come from syntax alone.
package fallback

import (
	"os"

	"example.com/missing/httpclient"
)

func call(c *httpclient.Client) {
	c.SetHeader("Authorization", "Bearer 5b8e2d7a1f4c9e3b6a0d8f2c5e7b1a4d") // want `hard-coded opaque bearer token`
	c.SetHeader("Authorization", "Bearer "+os.Getenv("TOKEN"))
	c.Do(httpclient.Options{RefreshToken: "Pz4kR8wN2qT6vY0bX3mL7cJ9hF1sD5gA"}) // want `hard-coded OAuth client secret or token`
	c.Do(httpclient.Options{RefreshToken: unknownValue()})
	var token string = "not a secret, just a sentence about tokens"
	_ = token
}
