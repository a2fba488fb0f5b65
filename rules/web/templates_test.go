package web

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/tokenvet/tokenvet/internal/tokenmodel"
	"github.com/tokenvet/tokenvet/internal/walk"
)

// TestPageTemplates: the scripts of EJS, Handlebars, Jinja-style, PHP and
// Go templates (custom delimiters included) are analysed with their tags
// blanked, findings at the positions of the file as written; pages
// whose scripts do nothing wrong give no finding and no problem.
func TestPageTemplates(t *testing.T) {
	e := New(Options{Model: tokenmodel.New(nil)})
	for _, tc := range []struct {
		name, file, src string
		want            []string
	}{
		{"EJS output, raw output, scriptlets and comments", "views/index.ejs", `<h1><%= title %></h1>
<% if (user) { %>
<script>
  const token = '<%= token %>';
  window.cfg = <%- JSON.stringify(cfg) %>;
  <%# remembered for the next visit %>
  localStorage.setItem('token', token);
</script>
<% } %>
`, []string{"7:16 token-in-web-storage"}},
		{"EJS scriptlet inside a script", "views/a.ejs", "<script><% if (x) { %>localStorage.setItem('token', t);<% } %></script>\n",
			[]string{"1:36 token-in-web-storage"}},
		{"Handlebars blocks, raw output and comments", "views/layout.hbs", `{{#if user}}
<script>
  {{! the API token of the signed-in user }}
  window.cfg = {{{json cfg}}};
  sessionStorage.setItem('jwt', '{{token}}');
</script>
{{/if}}
`, []string{"5:18 token-in-web-storage"}},
		{"Jinja statements, output and comments", "templates/base.j2", `{% if user %}
<script>
  {# kept for the SPA #}
  localStorage.setItem('access_token', "{{ token }}");
</script>
{% endif %}
`, []string{"4:16 token-in-web-storage"}},
		{"PHP echo tags", "index.php", "<?php $t = token(); ?>\n<script>localStorage.setItem('token', '<?= $t ?>');</script>\n",
			[]string{"2:22 token-in-web-storage"}},
		{"Go template with [{[ ]}] delimiters", "web/index.html", `<script>
  const cfg = [{[ .Json ]}];
  [{[ if .SignedIn ]}]localStorage.setItem('token', cfg.token);[{[ end ]}]
</script>
`, []string{"3:36 token-in-web-storage"}},
		{"Go template with [[ ]] delimiters", "web/app.tmpl", "<script>\n  const t = \"[[ .Token ]]\";\n  localStorage.setItem('token', t);\n</script>\n",
			[]string{"3:16 token-in-web-storage"}},

		{"EJS page without token misuse", "views/about.ejs", "<script>\n  const title = '<%= title %>';\n  console.log(title);\n</script>\n", nil},
		{"Handlebars page storing a preference", "views/prefs.hbs", "<script>localStorage.setItem('theme', '{{theme}}');</script>\n", nil},
		{"nested arrays are not Go template actions", "web/matrix.html", "<script>\n  const m = [[1, 2], [3]];\n  localStorage.setItem('theme', m[0]);\n</script>\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, problems := scan(t, e, tc.file, tc.src)
			if len(problems) > 0 {
				t.Fatalf("problems: %v", problems)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("findings\n got %q\nwant %q", got, tc.want)
			}
			if reason, skip := e.SkipFile(fileOf(tc.file, tc.src)); skip {
				t.Errorf("SkipFile = %q, skipped", reason)
			}
		})
	}
}

// TestBlankTags: blanking keeps the length and every newline, turns
// value tags into underscores and silent tags into spaces, and leaves an
// unterminated tag and what follows it as written.
func TestBlankTags(t *testing.T) {
	for _, tc := range []struct {
		syn      templateSyntax
		in, want string
	}{
		{ejsSyntax, "a<%= x %>b<% y\n%>c<%# z %>d", "a" + strings.Repeat("_", 8) + "b    \n  c" + strings.Repeat(" ", 8) + "d"},
		{handlebarsSyntax, "{{{r}}}{{v}}{{#if a}}{{/if}}{{! c }}", strings.Repeat("_", 7+5) + strings.Repeat(" ", 9+7+8)},
		{jinjaSyntax, "{{ v }}{% if %}{# c #}", strings.Repeat("_", 7) + strings.Repeat(" ", 8+7)},
		{phpSyntax, "<?= $v ?><?php f(); ?>", strings.Repeat("_", 9) + strings.Repeat(" ", 13)},
		{ejsSyntax, "ok <%= open", "ok <%= open"},
	} {
		got, _ := blankTags([]byte(tc.in), tc.syn)
		if string(got) != tc.want {
			t.Errorf("%s %q:\n got %q\nwant %q", tc.syn.name, tc.in, got, tc.want)
		}
		if len(got) != len(tc.in) || bytes.Count(got, []byte("\n")) != strings.Count(tc.in, "\n") {
			t.Errorf("%s %q: length or lines changed", tc.syn.name, tc.in)
		}
	}
}

func fileOf(rel, src string) walk.File {
	return walk.File{Rel: rel, Content: []byte(src), Size: int64(len(src))}
}
