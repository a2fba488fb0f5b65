// Package defaults holds lifetimes that are configuration: a field read
// where the token is minted, with defaults written in literals elsewhere.
package defaults

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Application is configuration loaded from a store; the literals below
// are its defaults.
type Application struct {
	Name                 string
	ExpireInHours        float64
	RefreshExpireInHours float64
	SessionMinutes       int
}

func builtIn() *Application {
	return &Application{
		Name:                 "built-in",
		ExpireInHours:        168, // want `JWT lifetime of 7d exceeds the 1d limit`
		RefreshExpireInHours: 720,
		SessionMinutes:       30,
	}
}

func registered(name string) *Application {
	app := &Application{Name: name}
	app.ExpireInHours = 72 // want `JWT lifetime of 3d exceeds the 1d limit`
	app.SessionMinutes = 15
	return app
}

func fromStore(load func() *Application) *Application { return load() }

// mint reads the lifetime from whatever application it is given: every
// default the package writes into the field.
func mint(application *Application) jwt.RegisteredClaims {
	nowTime := time.Now()
	expireTime := nowTime.Add(time.Duration(application.ExpireInHours * float64(time.Hour)))
	return jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(expireTime)}
}

// Not findings: a refresh lifetime under its limit, a short session, and
// the same default used twice reported once (above).

func mintRefresh(application *Application) jwt.RegisteredClaims {
	refreshExpireTime := time.Now().Add(time.Duration(application.RefreshExpireInHours * float64(time.Hour)))
	return jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(refreshExpireTime)}
}

func mintSession(application *Application) jwt.RegisteredClaims {
	return jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Duration(application.SessionMinutes) * time.Minute))}
}

func mintAgain(application *Application) jwt.RegisteredClaims {
	return jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Duration(application.ExpireInHours * float64(time.Hour))))}
}

// A lifetime from a parameter alone has no default to judge.
func mintFor(hours float64) jwt.RegisteredClaims {
	return jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Duration(hours * float64(time.Hour))))}
}
