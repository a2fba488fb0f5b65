// Package gitcmd is the one way tokenvet runs git: every git command it
// starts is built by Command, with settings no configuration can
// override (command-line -c beats every config file).
//
// The repository's own .git/config is as untrusted as its code (a
// checkout handed to a CI runner, a cache restored from a pull request,
// a directory the scanned tree ships that git would take for a bare
// repository), and git runs commands named there: core.fsmonitor on
// every index refresh, filter drivers when it compares or writes work
// tree files, textconv and external diffs, pagers. The user's diff
// settings must not change the shape of what tokenvet parses either
// (diff.mnemonicPrefix once made every finding "unchanged" and the pull
// request gate pass). The user's global and system files are still read:
// safe.directory lives there, and CI runners need it. GIT_* variables are
// kept too: a pre-commit hook runs with GIT_INDEX_FILE naming the index
// the commit will hold, which --staged must read.
package gitcmd

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"sync"
)

// Config is set on every command, as -c KEY=VALUE.
var Config = []string{
	"core.fsmonitor=false",         // runs the configured hook on every index refresh
	"safe.bareRepository=explicit", // a HEAD, objects/ and config the tree ships are not a repository
	"core.quotePath=true",          // names with unusual bytes come C-quoted
	"diff.mnemonicPrefix=false",    // i/ w/ c/ instead of a/ b/: no path would match
	"diff.noprefix=false",
	"diff.external=", // --no-ext-diff as well, for commands without the flag
	"diff.relative=false",
	"diff.interHunkContext=0",
	"submodule.recurse=false",
	"color.ui=false",
}

// DiffFlags fix the shape of every patch tokenvet parses: no external
// diff or textconv (both run commands), no colour, git's a/ b/ prefixes,
// no submodule summaries (which run git in the submodule, under its own
// configuration).
var DiffFlags = []string{"--no-color", "--no-ext-diff", "--no-textconv", "--src-prefix=a/", "--dst-prefix=b/", "--ignore-submodules=all"}

// env is added to git's environment. GIT_OPTIONAL_LOCKS=0 keeps a
// read-only scan from rewriting the index; the others stop the user's
// environment from choosing an external diff, a pager, a password prompt
// or the language of the messages tokenvet quotes.
var env = []string{"GIT_EXTERNAL_DIFF=", "GIT_DIFF_OPTS=", "GIT_PAGER=cat", "PAGER=cat", "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C"}

// filters caches, per directory, the -c settings that switch off the
// filter drivers the configuration defines.
var filters sync.Map // dir → []string

// Command returns git with args, to run in dir, with Config, every
// filter driver switched off, --no-pager and a fixed environment. It
// runs nothing itself but, once per directory, `git config` to list the
// filter drivers: .gitattributes in the repository chooses a driver by
// name and any configuration file may define one, so each defined one is
// cleared by name (clean, smudge and process set to nothing).
func Command(ctx context.Context, dir string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "git", append(append(baseArgs(), filterArgs(ctx, dir)...), args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	return cmd
}

// Args returns the arguments that come before the subcommand: --no-pager
// and Config. Command adds them itself; a caller that must build its own
// exec.Cmd (the walk resolves git's path once) starts with them.
func Args() []string { return baseArgs() }

func baseArgs() []string {
	out := []string{"--no-pager"}
	for _, kv := range Config {
		out = append(out, "-c", kv)
	}
	return out
}

func filterArgs(ctx context.Context, dir string) []string {
	if v, ok := filters.Load(dir); ok {
		return v.([]string)
	}
	cmd := exec.CommandContext(ctx, "git", append(baseArgs(), "config", "-z", "--get-regexp", `^filter\.`)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	// Exit status 1 means no such key; other failures (not a repository)
	// are for the real command to report.
	out, _ := cmd.Output()
	args := Filters(out)
	filters.Store(dir, args)
	return args
}

// Filters returns the -c settings that switch off every filter driver
// named in the output of `git config -z --get-regexp ^filter\.`.
func Filters(configOutput []byte) []string {
	var args []string
	seen := map[string]bool{}
	for _, entry := range strings.Split(string(configOutput), "\x00") {
		key, _, _ := strings.Cut(entry, "\n")
		key = strings.TrimPrefix(key, "filter.")
		i := strings.LastIndexByte(key, '.')
		if i <= 0 || seen[key[:i]] {
			continue
		}
		name := key[:i]
		seen[name] = true
		for _, v := range []string{"clean", "smudge", "process"} {
			args = append(args, "-c", "filter."+name+"."+v+"=")
		}
		args = append(args, "-c", "filter."+name+".required=false")
	}
	return args
}
