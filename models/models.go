// Package models holds tokenvet's library models as data: one YAML file
// per Go module under go/ and per npm package under js/, in the schema of
// package model (docs/models.md). They are embedded in the binary.
package models

import "embed"

// FS holds the model files: go/*.yml and js/*.yml.
//
//go:embed go js
var FS embed.FS
