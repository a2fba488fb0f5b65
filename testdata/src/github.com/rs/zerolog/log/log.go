// Package log stubs github.com/rs/zerolog/log v1.35.0 for analysistest:
// the global logger's signatures.
package log

import "github.com/rs/zerolog"

// Logger is the global logger.
var Logger zerolog.Logger

func Info() *zerolog.Event                   { return nil }
func Error() *zerolog.Event                  { return nil }
func Print(v ...interface{})                 {}
func Printf(format string, v ...interface{}) {}
