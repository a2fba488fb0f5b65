// Package zap stubs go.uber.org/zap v1.27.0 for analysistest: the
// signatures tokenvet's analyzers match, bodies empty.
package zap

// Field is a logging field.
type Field struct{ Key string }

// Logger is a structured logger.
type Logger struct{}

// SugaredLogger is the printf-style logger.
type SugaredLogger struct{}

func NewNop() *Logger                                                   { return &Logger{} }
func String(key string, val string) Field                               { return Field{Key: key} }
func Any(key string, value interface{}) Field                           { return Field{Key: key} }
func Int64(key string, val int64) Field                                 { return Field{Key: key} }
func (log *Logger) Sugar() *SugaredLogger                               { return &SugaredLogger{} }
func (log *Logger) Info(msg string, fields ...Field)                    {}
func (log *Logger) Error(msg string, fields ...Field)                   {}
func (log *Logger) With(fields ...Field) *Logger                        { return log }
func (s *SugaredLogger) Info(args ...interface{})                       {}
func (s *SugaredLogger) Infof(template string, args ...interface{})     {}
func (s *SugaredLogger) Infow(msg string, keysAndValues ...interface{}) {}
