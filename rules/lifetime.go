package rules

import (
	"fmt"
	"time"
)

// Defaults of jwt-long-lifetime's limits, for Go and JS alike.
const (
	DefaultMaxLifetime        = 24 * time.Hour
	DefaultRefreshMaxLifetime = 90 * 24 * time.Hour
)

// Messages of jwt-long-lifetime: what is wrong, the consequence, the fix.
const (
	msgLifetime        = "JWT lifetime of %s exceeds the %s limit: a leaked token stays usable that long; issue short-lived access tokens and renew them with refresh tokens"
	msgRefreshLifetime = "refresh token lifetime of %s exceeds the %s limit: a leaked refresh token keeps minting access tokens that long; shorten it and rotate refresh tokens on use"
)

// LifetimeMessage is jwt-long-lifetime's message for a lifetime d over
// limit, of a refresh token or an access token.
func LifetimeMessage(d, limit time.Duration, refresh bool) string {
	format := msgLifetime
	if refresh {
		format = msgRefreshLifetime
	}
	return fmt.Sprintf(format, HumanDuration(d), HumanDuration(limit))
}

// HumanDuration prints whole days as days ("30d"), else as a Go
// duration ("36h0m0s").
func HumanDuration(d time.Duration) string {
	if d%(24*time.Hour) == 0 {
		return fmt.Sprintf("%dd", d/(24*time.Hour))
	}
	return d.String()
}
