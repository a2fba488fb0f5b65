// Package level stubs github.com/go-kit/log/level v0.2.1 for
// analysistest: signatures only.
package level

import "github.com/go-kit/log"

func Debug(logger log.Logger) log.Logger { return logger }
func Info(logger log.Logger) log.Logger  { return logger }
func Warn(logger log.Logger) log.Logger  { return logger }
func Error(logger log.Logger) log.Logger { return logger }
