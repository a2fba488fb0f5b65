// Package zerolog stubs github.com/rs/zerolog v1.33.0 for analysistest.
package zerolog

import "io"

// Logger is a logger.
type Logger struct{}

// Event is a log event being built.
type Event struct{}

func New(w io.Writer) Logger                          { return Logger{} }
func (l *Logger) Info() *Event                        { return &Event{} }
func (e *Event) Str(key, val string) *Event           { return e }
func (e *Event) Int(key string, i int) *Event         { return e }
func (e *Event) Msg(msg string)                       {}
func (e *Event) Msgf(format string, v ...interface{}) {}
