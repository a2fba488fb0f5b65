// Package missingmodule imports logging modules absent from this GOPATH,
// as when they are missing from the module cache: package-level logging
// functions still resolve through the imports.
package missingmodule

import (
	"log"

	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
)

func f(accessToken string, tok struct{ Expiry int }) {
	logrus.Infof("token %s", accessToken)        // want `token value accessToken written`
	_ = zap.String("refresh_token", accessToken) // want `token value accessToken written`
	logrus.WithField("token", accessToken)       // want `token value accessToken written`
	log.Println(tok.Expiry)
	logrus.Info("no token here")
}
