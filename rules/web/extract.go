package web

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// extractScripts returns the inline scripts of an HTML page, a page
// template or a Vue/Svelte component, at their offsets in content. ext
// (lower case, with the dot) picks a template's syntax; its tags are
// blanked first (blankTags).
func extractScripts(content []byte, k fileKind, ext string) []script {
	src := content
	var holes []span
	if k == kindTemplate {
		syn, ok := templateSyntaxes[ext]
		if !ok {
			syn, ok = goTemplateSyntax(content)
		}
		if ok {
			src, holes = blankTags(content, syn)
		}
	}
	var out []script
	z := html.NewTokenizer(bytes.NewReader(src))
	off := 0
	var open *html.Token // the <script> start tag being read
	for {
		tt := z.Next()
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case html.ErrorToken:
			return out
		case html.StartTagToken:
			t := z.Token()
			if t.Data == "script" {
				open = &t
			}
		case html.EndTagToken:
			open = nil
		case html.TextToken:
			if open == nil {
				continue
			}
			kind, ok := scriptKind(*open)
			if !ok || len(bytes.TrimSpace(raw)) == 0 {
				continue
			}
			// Take the text from the blanked source: the tokenizer's Raw is
			// the bytes it read, which are src's bytes at [start, off).
			var in []span // the value tags inside this script, at its offsets
			for _, h := range holes {
				if h.start >= start && h.end <= off {
					in = append(in, span{h.start - start, h.end - start})
				}
			}
			out = append(out, script{start: start, code: src[start:off:off], kind: kind, holes: in})
		}
	}
}

// scriptKind tells how to parse a <script>: JavaScript unless its lang or
// type says TypeScript (or JSX); ok is false for data blocks (JSON,
// templates) and external scripts.
func scriptKind(t html.Token) (fileKind, bool) {
	kind := kindJS
	for _, a := range t.Attr {
		v := strings.ToLower(strings.TrimSpace(a.Val))
		switch a.Key {
		case "src":
			return 0, false
		case "type":
			switch v {
			case "", "module", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript", "text/babel", "text/jsx":
				if v == "text/babel" || v == "text/jsx" {
					kind = kindJSX
				}
			case "text/typescript", "application/typescript":
				kind = kindTS
			default:
				return 0, false // JSON, importmap, text/template, …
			}
		case "lang":
			switch v {
			case "ts", "typescript":
				kind = kindTS
			case "tsx":
				kind = kindTSX
			case "jsx":
				kind = kindJSX
			}
		}
	}
	return kind, true
}

var controlWords = map[string]bool{"if": true, "else": true, "end": true, "range": true, "with": true,
	"define": true, "template": true, "block": true, "break": true, "continue": true}

// controlAction reports whether the text of an action (between the
// braces) is a comment or a control action, which produce no value.
func controlAction(body []byte) bool {
	t := strings.TrimSpace(strings.Trim(strings.TrimSpace(string(body)), "-"))
	if strings.HasPrefix(t, "/*") {
		return true
	}
	word := t
	if i := strings.IndexAny(t, " \t\n("); i >= 0 {
		word = t[:i]
	}
	return controlWords[word]
}
