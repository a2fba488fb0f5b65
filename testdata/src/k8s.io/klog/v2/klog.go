// Package klog stubs k8s.io/klog/v2 v2.140.0 for analysistest: signatures
// only.
package klog

// Level is a verbosity level.
type Level int32

// Verbose logs when its level is enabled.
type Verbose struct{ enabled bool }

// V returns a Verbose for level.
func V(level Level) Verbose { return Verbose{} }

func (v Verbose) Error(err error, msg string, args ...interface{})               {}
func Info(args ...interface{})                                                   {}
func Infof(format string, args ...interface{})                                   {}
func Infoln(args ...interface{})                                                 {}
func InfoS(msg string, keysAndValues ...interface{})                             {}
func InfoDepth(depth int, args ...interface{})                                   {}
func InfofDepth(depth int, format string, args ...interface{})                   {}
func InfolnDepth(depth int, args ...interface{})                                 {}
func InfoSDepth(depth int, msg string, keysAndValues ...interface{})             {}
func Warning(args ...interface{})                                                {}
func Warningf(format string, args ...interface{})                                {}
func Warningln(args ...interface{})                                              {}
func WarningDepth(depth int, args ...interface{})                                {}
func WarningfDepth(depth int, format string, args ...interface{})                {}
func WarninglnDepth(depth int, args ...interface{})                              {}
func Error(args ...interface{})                                                  {}
func Errorf(format string, args ...interface{})                                  {}
func Errorln(args ...interface{})                                                {}
func ErrorS(err error, msg string, keysAndValues ...interface{})                 {}
func ErrorDepth(depth int, args ...interface{})                                  {}
func ErrorfDepth(depth int, format string, args ...interface{})                  {}
func ErrorlnDepth(depth int, args ...interface{})                                {}
func ErrorSDepth(depth int, err error, msg string, keysAndValues ...interface{}) {}
func Fatal(args ...interface{})                                                  {}
func Fatalf(format string, args ...interface{})                                  {}
func Fatalln(args ...interface{})                                                {}
func FatalDepth(depth int, args ...interface{})                                  {}
func FatalfDepth(depth int, format string, args ...interface{})                  {}
func FatallnDepth(depth int, args ...interface{})                                {}
func Exit(args ...interface{})                                                   {}
func Exitf(format string, args ...interface{})                                   {}
func Exitln(args ...interface{})                                                 {}
func ExitDepth(depth int, args ...interface{})                                   {}
func ExitfDepth(depth int, format string, args ...interface{})                   {}
func ExitlnDepth(depth int, args ...interface{})                                 {}
func (v Verbose) Info(args ...interface{})                                       {}
func (v Verbose) Infof(format string, args ...interface{})                       {}
func (v Verbose) Infoln(args ...interface{})                                     {}
func (v Verbose) InfoS(msg string, keysAndValues ...interface{})                 {}
func (v Verbose) InfoDepth(depth int, args ...interface{})                       {}
func (v Verbose) InfofDepth(depth int, format string, args ...interface{})       {}
func (v Verbose) InfolnDepth(depth int, args ...interface{})                     {}
func (v Verbose) InfoSDepth(depth int, msg string, keysAndValues ...interface{}) {}
func (v Verbose) ErrorS(err error, msg string, keysAndValues ...interface{})     {}
