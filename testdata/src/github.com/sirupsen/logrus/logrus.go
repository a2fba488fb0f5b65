// Package logrus stubs github.com/sirupsen/logrus v1.9.3 for analysistest.
package logrus

// Fields is a set of log fields.
type Fields map[string]interface{}

// Entry is a log entry with fields.
type Entry struct{}

// Logger is a logger.
type Logger struct{}

func New() *Logger                                                    { return &Logger{} }
func WithField(key string, value interface{}) *Entry                  { return &Entry{} }
func WithFields(fields Fields) *Entry                                 { return &Entry{} }
func Info(args ...interface{})                                        {}
func Infof(format string, args ...interface{})                        {}
func (entry *Entry) Info(args ...interface{})                         {}
func (entry *Entry) Infof(format string, args ...interface{})         {}
func (logger *Logger) Infof(format string, args ...interface{})       {}
func (logger *Logger) WithField(key string, value interface{}) *Entry { return &Entry{} }
