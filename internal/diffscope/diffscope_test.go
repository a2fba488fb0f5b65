package diffscope

import (
	"strings"
	"testing"
)

const gitPatch = `diff --git a/auth/issue.go b/auth/issue.go
index 1111111..2222222 100644
--- a/auth/issue.go
+++ b/auth/issue.go
@@ -9,0 +10,3 @@ import (
+// added
+const x = 1
+
@@ -20 +23 @@ func IssueToken(user string, key []byte) (string, error) {
-	old()
+	changed()
diff --git a/gone.go b/gone.go
deleted file mode 100644
--- a/gone.go
+++ /dev/null
@@ -1,2 +0,0 @@
-package gone
-
diff --git "a/we\303\257rd name.js" "b/we\303\257rd name.js"
--- "a/we\303\257rd name.js"
+++ "b/we\303\257rd name.js"
@@ -1,3 +1,4 @@
 line one
-line two
+line 2
+line 2b
 line three
\ No newline at end of file
`

func TestParsePatch(t *testing.T) {
	s, err := ParsePatch(strings.NewReader(gitPatch))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file       string
		start, end int
		want       bool
	}{
		{"auth/issue.go", 9, 9, false},
		{"auth/issue.go", 10, 10, true},
		{"auth/issue.go", 12, 12, true},
		{"auth/issue.go", 13, 13, false},
		{"auth/issue.go", 22, 22, false},
		{"auth/issue.go", 23, 23, true},
		{"auth/issue.go", 20, 24, true}, // a multi-line finding overlapping a change
		{"auth/issue.go", 14, 22, false},
		{"gone.go", 1, 1, false},
		{"weïrd name.js", 1, 1, false},
		{"weïrd name.js", 2, 2, true},
		{"weïrd name.js", 3, 3, true},
		{"weïrd name.js", 4, 4, false},
		{"other.go", 1, 1, false},
	} {
		if got := s.Contains(c.file, c.start, c.end); got != c.want {
			t.Errorf("Contains(%q, %d, %d) = %v, want %v", c.file, c.start, c.end, got, c.want)
		}
	}
	if got := strings.Join(s.ChangedFiles(), ","); got != "auth/issue.go,weïrd name.js" {
		t.Errorf("ChangedFiles = %s", got)
	}
}

// diff -u output: no a/ b/ prefixes, timestamps after a tab.
func TestParsePatchDiffU(t *testing.T) {
	p := "--- web/app.js\t2026-01-01 00:00:00\n+++ web/app.js\t2026-01-02 00:00:00\n@@ -1 +1,2 @@\n-a\n+b\n+c\n"
	s, err := ParsePatch(strings.NewReader(p))
	if err != nil {
		t.Fatal(err)
	}
	if !s.Contains("web/app.js", 2, 2) || s.Contains("web/app.js", 3, 3) {
		t.Errorf("scope %+v", s.lines)
	}
}

func TestParsePatchErrors(t *testing.T) {
	for _, p := range []string{
		"just text\n",
		"+++ b/x.go\n@@ -1 +x @@\n",
		"+++ b/x.go\n@@ nonsense\n",
		"+++ \"b/unterminated\n",
	} {
		if _, err := ParsePatch(strings.NewReader(p)); err == nil {
			t.Errorf("ParsePatch(%q): no error", p)
		}
	}
	// An empty patch is an empty change, not an error.
	s, err := ParsePatch(strings.NewReader(""))
	if err != nil || s.Contains("x.go", 1, 1) {
		t.Errorf("empty patch: %v %v", s, err)
	}
}

func TestFilesAndNil(t *testing.T) {
	s := Files([]string{"a.go"})
	if !s.Contains("a.go", 100, 100) || s.Contains("b.go", 1, 1) {
		t.Error("Files scope wrong")
	}
	var none *Scope
	if none.Contains("a.go", 1, 1) {
		t.Error("nil scope contains a line")
	}
}

func FuzzParsePatch(f *testing.F) {
	f.Add(gitPatch)
	f.Fuzz(func(t *testing.T, p string) {
		s, err := ParsePatch(strings.NewReader(p))
		if err == nil {
			s.ChangedFiles()
			s.Contains("a", 1, 3)
		}
	})
}
