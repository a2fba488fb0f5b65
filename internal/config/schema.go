package config

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"

	"github.com/tokenvet/tokenvet/rules"
)

// The keys of .tokenvet.yml are Config's yaml tags: Keys and Schema read
// them from the struct, so the "keys allowed" error, the JSON Schema that
// editors validate with (docs/tokenvet.schema.json) and the decoder can
// never disagree.

// Keys returns every key of the configuration in dotted form, a map's
// entries written as <id> (rules.<id>.severity), in the order Config
// declares them.
func Keys() []string {
	var out []string
	var walk func(prefix string, t reflect.Type)
	walk = func(prefix string, t reflect.Type) {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch {
		case t.Kind() == reflect.Map:
			walk(prefix+".<id>", t.Elem())
		case t.Kind() == reflect.Struct && !leaf(t):
			for _, f := range yamlFields(t) {
				walk(strings.TrimPrefix(prefix+"."+f.name, "."), f.typ)
			}
		default:
			out = append(out, prefix)
		}
	}
	walk("", reflect.TypeFor[Config]())
	return out
}

type yamlField struct {
	name string
	typ  reflect.Type
}

// yamlFields lists a struct's fields the decoder reads, by yaml name.
func yamlFields(t reflect.Type) []yamlField {
	var out []yamlField
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if !f.IsExported() || name == "" || name == "-" {
			continue
		}
		out = append(out, yamlField{name, f.Type})
	}
	return out
}

// leaf reports the struct types written as one scalar.
func leaf(t reflect.Type) bool {
	return t == reflect.TypeFor[Duration]() || t == reflect.TypeFor[ByteSize]()
}

// Schema returns a JSON Schema (draft 2020-12) of .tokenvet.yml: every
// key with its type, unknown keys rejected as Parse rejects them.
func Schema() ([]byte, error) {
	s := schemaOf(reflect.TypeFor[Config]())
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["$id"] = "https://github.com/tokenvet/tokenvet/docs/tokenvet.schema.json"
	s["title"] = "tokenvet configuration (" + FileName + ")"
	b, err := json.MarshalIndent(s, "", "  ")
	return append(b, '\n'), err
}

func schemaOf(t reflect.Type) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t {
	case reflect.TypeFor[rules.Severity]():
		return map[string]any{"type": "string", "enum": []string{"error", "warning", "note", "none"}}
	case reflect.TypeFor[Duration]():
		return map[string]any{"type": "string", "description": "a Go duration: 24h, 90m", "pattern": `^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$`}
	case reflect.TypeFor[ByteSize]():
		// ParseByteSize's syntax; units in any case.
		return map[string]any{"description": "a positive size: 20MiB, 500KB or a number of bytes", "anyOf": []any{
			map[string]any{"type": "integer", "minimum": 1},
			map[string]any{"type": "string", "pattern": `^ *[0-9]+(\.[0-9]+)? *([KkMmGg][Ii]?[Bb]|[Bb])? *$`},
		}}
	}
	switch t.Kind() {
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int64:
		return map[string]any{"type": "integer", "minimum": 0}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": schemaOf(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": schemaOf(t.Elem())}
	case reflect.Struct:
		props := map[string]any{}
		for _, f := range yamlFields(t) {
			props[f.name] = schemaOf(f.typ)
		}
		return map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	}
	return map[string]any{}
}

// keysAllowed is the list the decoder's unknown-key error shows.
func keysAllowed() string {
	return strings.Join(slices.Clone(Keys()), ", ")
}
