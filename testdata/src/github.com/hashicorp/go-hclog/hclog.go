// Package hclog stubs github.com/hashicorp/go-hclog v1.6.3 for
// analysistest: signatures only.
package hclog

// Level is a logging level.
type Level int32

// Logger is a structured logger.
type Logger interface {
	Log(level Level, msg string, args ...interface{})
	Trace(msg string, args ...interface{})
	Debug(msg string, args ...interface{})
	Info(msg string, args ...interface{})
	Warn(msg string, args ...interface{})
	Error(msg string, args ...interface{})
	With(args ...interface{}) Logger
	Named(name string) Logger
}

// LoggerOptions configures New.
type LoggerOptions struct{ Name string }

func New(opts *LoggerOptions) Logger { return nil }
func Default() Logger                { return nil }
func L() Logger                      { return nil }
