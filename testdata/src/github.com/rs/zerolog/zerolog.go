// Package zerolog stubs github.com/rs/zerolog v1.35.0 for analysistest:
// the signatures tokenvet's analyzers and models name, bodies empty.
package zerolog

import (
	"fmt"
	"io"
)

// Logger is a logger.
type Logger struct{}

// Event is a log event being built.
type Event struct{}

// Context configures a new sub-logger (Logger.With).
type Context struct{}

func New(w io.Writer) Logger                             { return Logger{} }
func (l *Logger) Info() *Event                           { return &Event{} }
func (l *Logger) Error() *Event                          { return &Event{} }
func (l Logger) With() Context                           { return Context{} }
func (l *Logger) Print(v ...interface{})                 {}
func (l *Logger) Printf(format string, v ...interface{}) {}

func (e *Event) Str(key, val string) *Event                   { return e }
func (e *Event) Int(key string, i int) *Event                 { return e }
func (e *Event) Stringer(key string, val fmt.Stringer) *Event { return e }
func (e *Event) Bytes(key string, val []byte) *Event          { return e }
func (e *Event) RawJSON(key string, b []byte) *Event          { return e }
func (e *Event) Any(key string, i interface{}) *Event         { return e }
func (e *Event) Interface(key string, i interface{}) *Event   { return e }
func (e *Event) Msg(msg string)                               {}
func (e *Event) Msgf(format string, v ...interface{})         {}

func (c Context) Str(key, val string) Context                   { return c }
func (c Context) Stringer(key string, val fmt.Stringer) Context { return c }
func (c Context) Bytes(key string, val []byte) Context          { return c }
func (c Context) RawJSON(key string, b []byte) Context          { return c }
func (c Context) Interface(key string, i interface{}) Context   { return c }
func (c Context) Any(key string, i interface{}) Context         { return c }
func (c Context) Logger() Logger                                { return Logger{} }
