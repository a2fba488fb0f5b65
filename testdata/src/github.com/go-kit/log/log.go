// Package log stubs github.com/go-kit/log v0.2.1 for analysistest:
// signatures only.
package log

import "io"

// Logger logs alternating keys and values.
type Logger interface {
	Log(keyvals ...interface{}) error
}

// LoggerFunc is a function that is a Logger.
type LoggerFunc func(...interface{}) error

func (f LoggerFunc) Log(keyvals ...interface{}) error { return nil }

func NewLogfmtLogger(w io.Writer) Logger                      { return nil }
func With(logger Logger, keyvals ...interface{}) Logger       { return logger }
func WithPrefix(logger Logger, keyvals ...interface{}) Logger { return logger }
func WithSuffix(logger Logger, keyvals ...interface{}) Logger { return logger }
