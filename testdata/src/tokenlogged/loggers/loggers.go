// Package loggers: the loggers the models describe, each with a token
// logged and a clean line beside it.
package loggers

import (
	"github.com/go-kit/log"
	"github.com/go-kit/log/level"
	"github.com/golang/glog"
	"github.com/hashicorp/go-hclog"
	zlog "github.com/rs/zerolog/log"
	"k8s.io/klog/v2"
)

func klogCalls(token, user string) {
	klog.Infof("issued %s", token)          // want `token value token written to a log`
	klog.InfoS("login", "token", token)     // want `token value token written to a log`
	klog.ErrorS(nil, "refresh", "t", token) // want `token value token written to a log`
	klog.V(2).Info("debug", token)          // want `token value token written to a log`
	klog.Infof("login by %s", user)
	klog.V(2).InfoS("login", "user", user)
}

func glogCalls(apiKey, user string) {
	glog.Warningf("bad key %s", apiKey) // want `token value apiKey written to a log`
	glog.V(1).Infoln(apiKey)            // want `token value apiKey written to a log`
	glog.Infof("login by %s", user)
}

func goKitCalls(logger log.Logger, sessionToken, user string) {
	logger.Log("msg", "login", "session", sessionToken)               // want `token value sessionToken written to a log`
	level.Info(logger).Log("msg", "refresh", "session", sessionToken) // want `token value sessionToken written to a log`
	l := log.With(logger, "session", sessionToken)                    // want `token value sessionToken written to a log`
	l.Log("msg", "login", "user", user)
}

func hclogCalls(logger hclog.Logger, accessToken, user string) {
	logger.Info("login", "token", accessToken)  // want `token value accessToken written to a log`
	logger.With("token", accessToken).Warn("x") // want `token value accessToken written to a log`
	logger.Info("login", "user", user)
}

func zerologGlobal(jwt, user string) {
	zlog.Printf("minted %s", jwt)               // want `token value jwt written to a log`
	zlog.Info().Str("token", jwt).Msg("minted") // want `token value jwt written to a log`
	zlog.Info().Str("user", user).Msg("minted")
	zlog.Print("minted for ", user)
}

// keyFile: under a key that names a token, a value whose own name says
// it is the token's file is the file's path (tuning set: portainer's
// Str("private-key", privateKeyFile)); a value of no such name is
// reported by the key.
func keyFile(privateKeyFile, value string) {
	zlog.Info().Str("private-key", privateKeyFile).Msg("found key file")
	zlog.Info().Str("private-key", value).Msg("loaded") // want `token value value written to a log`
}
