// Package zapcore stubs go.uber.org/zap/zapcore v1.27.0 for analysistest:
// the types zap's signatures use.
package zapcore

// Level is a logging priority.
type Level int8

// Field is a marshaling operation used to add a key-value pair to a
// logger's context.
type Field struct {
	Key    string
	String string
}
