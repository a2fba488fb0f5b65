// Package constants names the kinds of tokens a store keeps.
package constants

// TokenTypeAccessToken is the store key prefix of access tokens.
const TokenTypeAccessToken = "access_token"
