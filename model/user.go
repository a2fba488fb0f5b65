package model

import (
	"flag"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// userDirs are the directories of the user's model files in use, as
// given and as absolute paths (to tell repeats apart).
var userDirs struct {
	sync.Mutex
	given, abs []string
}

// UseDirs adds directories of the user's model files (--models DIR,
// models: in .tokenvet.yml, an analyzer's -models flag) to the set in use:
// Current then returns the embedded models plus every directory given so
// far. A directory given twice is read once. On an error, which names the
// file and line, the set in use is unchanged.
func UseDirs(dirs ...string) error {
	userDirs.Lock()
	defer userDirs.Unlock()
	given, abs := slices.Clone(userDirs.given), slices.Clone(userDirs.abs)
	for _, d := range dirs {
		a, err := filepath.Abs(d)
		if err != nil {
			a = filepath.Clean(d)
		}
		if !slices.Contains(abs, a) {
			given, abs = append(given, d), append(abs, a)
		}
	}
	if len(abs) == len(userDirs.abs) {
		return nil
	}
	s, err := WithUser(given)
	if err != nil {
		return err
	}
	userDirs.given, userDirs.abs = given, abs
	Use(s)
	return nil
}

// UserDirs returns the directories UseDirs has added, as given.
func UserDirs() []string {
	userDirs.Lock()
	defer userDirs.Unlock()
	return slices.Clone(userDirs.given)
}

// Flag is the -models flag every Go analyzer shares: a comma-separated
// list of directories of model files. Setting it through any analyzer
// adds to the process-wide set, so that `go vet -vettool` runs use the
// same models as `tokenvet scan --models`.
func Flag() flag.Value { return dirsFlag{} }

// FlagUsage is the usage text of the shared -models flag.
const FlagUsage = "comma-separated directories of extra library model files (docs/models.md; also scan --models and .tokenvet.yml models:); absolute paths under go vet, which runs the tool in each package's directory"

type dirsFlag struct{}

func (dirsFlag) String() string { return strings.Join(UserDirs(), ",") }

func (dirsFlag) Set(s string) error {
	var dirs []string
	for _, d := range strings.Split(s, ",") {
		if d = strings.TrimSpace(d); d != "" {
			dirs = append(dirs, d)
		}
	}
	return UseDirs(dirs...)
}
