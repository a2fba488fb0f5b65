// Package glog stubs github.com/golang/glog v1.2.5 for analysistest:
// signatures only.
package glog

import "context"

// Level is a verbosity level.
type Level int32

// Verbose logs when its level is enabled.
type Verbose bool

// V returns a Verbose for level.
func V(level Level) Verbose { return false }

func Info(args ...any)                                                         {}
func Infof(format string, args ...any)                                         {}
func Infoln(args ...any)                                                       {}
func InfoDepth(depth int, args ...any)                                         {}
func InfoDepthf(depth int, format string, args ...any)                         {}
func InfoContext(ctx context.Context, args ...any)                             {}
func InfoContextf(ctx context.Context, format string, args ...any)             {}
func Warning(args ...any)                                                      {}
func Warningf(format string, args ...any)                                      {}
func Warningln(args ...any)                                                    {}
func WarningDepth(depth int, args ...any)                                      {}
func WarningDepthf(depth int, format string, args ...any)                      {}
func WarningContext(ctx context.Context, args ...any)                          {}
func WarningContextf(ctx context.Context, format string, args ...any)          {}
func Error(args ...any)                                                        {}
func Errorf(format string, args ...any)                                        {}
func Errorln(args ...any)                                                      {}
func ErrorDepth(depth int, args ...any)                                        {}
func ErrorDepthf(depth int, format string, args ...any)                        {}
func ErrorContext(ctx context.Context, args ...any)                            {}
func ErrorContextf(ctx context.Context, format string, args ...any)            {}
func Fatal(args ...any)                                                        {}
func Fatalf(format string, args ...any)                                        {}
func Fatalln(args ...any)                                                      {}
func FatalDepth(depth int, args ...any)                                        {}
func FatalDepthf(depth int, format string, args ...any)                        {}
func FatalContext(ctx context.Context, args ...any)                            {}
func FatalContextf(ctx context.Context, format string, args ...any)            {}
func Exit(args ...any)                                                         {}
func Exitf(format string, args ...any)                                         {}
func Exitln(args ...any)                                                       {}
func ExitDepth(depth int, args ...any)                                         {}
func ExitDepthf(depth int, format string, args ...any)                         {}
func ExitContext(ctx context.Context, args ...any)                             {}
func ExitContextf(ctx context.Context, format string, args ...any)             {}
func (v Verbose) Info(args ...any)                                             {}
func (v Verbose) Infof(format string, args ...any)                             {}
func (v Verbose) Infoln(args ...any)                                           {}
func (v Verbose) InfoDepth(depth int, args ...any)                             {}
func (v Verbose) InfoDepthf(depth int, format string, args ...any)             {}
func (v Verbose) InfoContext(ctx context.Context, args ...any)                 {}
func (v Verbose) InfoContextf(ctx context.Context, format string, args ...any) {}
