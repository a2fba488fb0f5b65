// Package zap stubs go.uber.org/zap v1.27.0 for analysistest: the
// signatures tokenvet's analyzers and models name, bodies empty.
package zap

import (
	"fmt"

	"go.uber.org/zap/zapcore"
)

// Field is an alias for zapcore.Field.
type Field = zapcore.Field

// Logger is a structured logger.
type Logger struct{}

// SugaredLogger is the printf-style logger.
type SugaredLogger struct{}

func NewNop() *Logger                                                                     { return &Logger{} }
func L() *Logger                                                                          { return &Logger{} }
func S() *SugaredLogger                                                                   { return &SugaredLogger{} }
func String(key string, val string) Field                                                 { return Field{Key: key} }
func Any(key string, value interface{}) Field                                             { return Field{Key: key} }
func Reflect(key string, val interface{}) Field                                           { return Field{Key: key} }
func Stringer(key string, val fmt.Stringer) Field                                         { return Field{Key: key} }
func ByteString(key string, val []byte) Field                                             { return Field{Key: key} }
func Binary(key string, val []byte) Field                                                 { return Field{Key: key} }
func Int64(key string, val int64) Field                                                   { return Field{Key: key} }
func Error(err error) Field                                                               { return Field{Key: "error"} }
func (log *Logger) Sugar() *SugaredLogger                                                 { return &SugaredLogger{} }
func (log *Logger) With(fields ...Field) *Logger                                          { return log }
func (log *Logger) Log(lvl zapcore.Level, msg string, fields ...Field)                    {}
func (s *SugaredLogger) With(args ...interface{}) *SugaredLogger                          { return s }
func (s *SugaredLogger) Log(lvl zapcore.Level, args ...interface{})                       {}
func (s *SugaredLogger) Logf(lvl zapcore.Level, template string, args ...interface{})     {}
func (s *SugaredLogger) Logw(lvl zapcore.Level, msg string, keysAndValues ...interface{}) {}
func (s *SugaredLogger) Logln(lvl zapcore.Level, args ...interface{})                     {}
func (log *Logger) Debug(msg string, fields ...Field)                                     {}
func (log *Logger) Info(msg string, fields ...Field)                                      {}
func (log *Logger) Warn(msg string, fields ...Field)                                      {}
func (log *Logger) Error(msg string, fields ...Field)                                     {}
func (log *Logger) DPanic(msg string, fields ...Field)                                    {}
func (log *Logger) Panic(msg string, fields ...Field)                                     {}
func (log *Logger) Fatal(msg string, fields ...Field)                                     {}
func (s *SugaredLogger) Debug(args ...interface{})                                        {}
func (s *SugaredLogger) Debugf(template string, args ...interface{})                      {}
func (s *SugaredLogger) Debugw(msg string, keysAndValues ...interface{})                  {}
func (s *SugaredLogger) Debugln(args ...interface{})                                      {}
func (s *SugaredLogger) Info(args ...interface{})                                         {}
func (s *SugaredLogger) Infof(template string, args ...interface{})                       {}
func (s *SugaredLogger) Infow(msg string, keysAndValues ...interface{})                   {}
func (s *SugaredLogger) Infoln(args ...interface{})                                       {}
func (s *SugaredLogger) Warn(args ...interface{})                                         {}
func (s *SugaredLogger) Warnf(template string, args ...interface{})                       {}
func (s *SugaredLogger) Warnw(msg string, keysAndValues ...interface{})                   {}
func (s *SugaredLogger) Warnln(args ...interface{})                                       {}
func (s *SugaredLogger) Error(args ...interface{})                                        {}
func (s *SugaredLogger) Errorf(template string, args ...interface{})                      {}
func (s *SugaredLogger) Errorw(msg string, keysAndValues ...interface{})                  {}
func (s *SugaredLogger) Errorln(args ...interface{})                                      {}
func (s *SugaredLogger) DPanic(args ...interface{})                                       {}
func (s *SugaredLogger) DPanicf(template string, args ...interface{})                     {}
func (s *SugaredLogger) DPanicw(msg string, keysAndValues ...interface{})                 {}
func (s *SugaredLogger) DPanicln(args ...interface{})                                     {}
func (s *SugaredLogger) Panic(args ...interface{})                                        {}
func (s *SugaredLogger) Panicf(template string, args ...interface{})                      {}
func (s *SugaredLogger) Panicw(msg string, keysAndValues ...interface{})                  {}
func (s *SugaredLogger) Panicln(args ...interface{})                                      {}
func (s *SugaredLogger) Fatal(args ...interface{})                                        {}
func (s *SugaredLogger) Fatalf(template string, args ...interface{})                      {}
func (s *SugaredLogger) Fatalw(msg string, keysAndValues ...interface{})                  {}
func (s *SugaredLogger) Fatalln(args ...interface{})                                      {}
