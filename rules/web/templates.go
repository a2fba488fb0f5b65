package web

import (
	"bytes"
	"regexp"
	"strings"
)

// A templateSyntax is how one family of page templates marks its tags.
// The engine blanks every tag to same-length text before it reads the
// page's <script> elements, so that a script holding template output
// (`const t = '<%= token %>';`) parses and every offset, line and column
// stays where it was in the file.
//
// A tag that produces a value becomes underscores, so it still reads as
// an identifier or string content where the value would be; a tag that
// produces nothing — a comment, a control tag, a scriptlet — becomes
// spaces. Newlines are kept.
type templateSyntax struct {
	name string
	tags []templateTag
}

// templateTag is one delimiter pair; silent reports whether a tag's body
// (the text between the delimiters) produces no output.
type templateTag struct {
	open, close string
	silent      func(body string) bool
}

func always(string) bool { return true }
func never(string) bool  { return false }

// firstIs reports whether body, trimmed of whitespace and of the
// whitespace-control markers the families share (- ~ +), starts with one
// of the prefixes.
func firstIs(prefixes ...string) func(string) bool {
	return func(body string) bool {
		t := strings.TrimLeft(strings.TrimSpace(body), "-~+ \t")
		for _, p := range prefixes {
			if strings.HasPrefix(t, p) {
				return true
			}
		}
		return false
	}
}

var (
	// EJS, ETA, ERB and JSP: <%= value %>, <%- raw value %>, <%# comment
	// %>, <% code %>, which outputs nothing.
	ejsSyntax = templateSyntax{"EJS", []templateTag{
		{"<%", "%>", func(body string) bool { return !strings.HasPrefix(body, "=") && !strings.HasPrefix(body, "-") }},
	}}
	// Handlebars and Mustache: {{{raw}}}, {{value}}; {{! comment}},
	// {{#block}}, {{/block}}, {{^inverse}}, {{else}}, {{> partial}} and
	// {{*decorator}} output no value in place.
	handlebarsSyntax = templateSyntax{"Handlebars", []templateTag{
		{"{{{", "}}}", never},
		{"{{", "}}", firstIs("!", "#", "/", "^", ">", "*", "else", "~")},
	}}
	// Jinja, Nunjucks, Twig and Liquid: {{ value }}, {% statement %},
	// {# comment #}.
	jinjaSyntax = templateSyntax{"Jinja", []templateTag{
		{"{{", "}}", never},
		{"{%", "%}", always},
		{"{#", "#}", always},
	}}
	// PHP: <?= value ?>, <?php code ?>.
	phpSyntax = templateSyntax{"PHP", []templateTag{
		{"<?", "?>", func(body string) bool { return !strings.HasPrefix(body, "=") }},
	}}
)

// templateSyntaxes maps the extensions of page templates the engine reads
// to their syntax. Go templates (.html, .tmpl, .gohtml) are goTemplate's.
var templateSyntaxes = map[string]templateSyntax{
	".ejs": ejsSyntax, ".eta": ejsSyntax, ".erb": ejsSyntax, ".jsp": ejsSyntax,
	".hbs": handlebarsSyntax, ".handlebars": handlebarsSyntax, ".mustache": handlebarsSyntax,
	".njk": jinjaSyntax, ".nunjucks": jinjaSyntax, ".jinja": jinjaSyntax, ".jinja2": jinjaSyntax,
	".j2": jinjaSyntax, ".twig": jinjaSyntax, ".liquid": jinjaSyntax,
	".php": phpSyntax,
}

// blankTags returns content with every tag of syn blanked (see
// templateSyntax), and the spans of the value tags. Tags are found left to right; at each position the
// first of syn's tags whose opening delimiter matches wins, so {{{ is
// tried before {{.
func blankTags(content []byte, syn templateSyntax) ([]byte, []span) {
	out := append([]byte(nil), content...)
	var values []span
	for i := 0; i < len(out); i++ {
		for _, tag := range syn.tags {
			if !bytes.HasPrefix(out[i:], []byte(tag.open)) {
				continue
			}
			bodyStart := i + len(tag.open)
			j := bytes.Index(out[bodyStart:], []byte(tag.close))
			if j < 0 {
				// Unterminated: the template is broken there, and what
				// follows is left as written, so that the script parser
				// says where rather than the tag hiding the rest.
				return out, values
			}
			bodyEnd := bodyStart + j
			end := bodyEnd + len(tag.close)
			fill := byte('_')
			if tag.silent(string(out[bodyStart:bodyEnd])) {
				fill = ' '
			} else {
				values = append(values, span{i, end})
			}
			for j := i; j < end; j++ {
				if out[j] != '\n' {
					out[j] = fill
				}
			}
			i = end - 1
			break
		}
	}
	return out, values
}

// goDelims finds the custom action delimiters a Go template was written
// for (template.Delims: `[{[ .Json ]}]`, `[[ .Token ]]`). The file does
// not say which pair its code installs, so the engine looks for an
// action's shape — an opening delimiter, optional space and trim marker,
// then a field, a variable or a keyword — and a closing delimiter after
// it. The shape keeps JavaScript's own brackets out: a nested array
// literal holds no "[[ ." and no "[[ if ".
var goDelims = []struct {
	open, close string
	shape       *regexp.Regexp
}{
	{"[{[", "]}]", regexp.MustCompile(`\[\{\[-?\s*(?:\.|\$|if\b|range\b|end\b|with\b|template\b|define\b|block\b|else\b|/\*)`)},
	{"[[", "]]", regexp.MustCompile(`\[\[-?\s*(?:\.|\$|if\s|range\s|end\s*-?\]\]|with\s|template\s|define\s|block\s|else\s*-?\]\]|/\*)`)},
	{"<<", ">>", regexp.MustCompile(`<<-?\s*(?:\.[A-Za-z]|\$[A-Za-z.]|end\s*-?>>)`)},
}

// goControl reports a Go template comment or control action.
func goControl(body string) bool { return controlAction([]byte(body)) }

// goTemplateSyntax returns the Go template syntax content is written in:
// the default {{ }} delimiters, plus any custom pair it shows actions of.
func goTemplateSyntax(content []byte) (templateSyntax, bool) {
	syn := templateSyntax{name: "Go template"}
	if bytes.Contains(content, []byte("{{")) {
		syn.tags = append(syn.tags, templateTag{"{{", "}}", goControl})
	}
	for _, d := range goDelims {
		if d.shape.Match(content) && bytes.Contains(content, []byte(d.close)) {
			syn.tags = append(syn.tags, templateTag{d.open, d.close, goControl})
		}
	}
	return syn, len(syn.tags) > 0
}
