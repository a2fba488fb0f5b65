#!/usr/bin/env bash
# Installs tokenvet for the action (action.yml), in two steps around
# actions/cache so that a warm runner does not build it again:
#
#   install.sh key    writes the cache key and directory to GITHUB_OUTPUT
#                     (both empty when the version cannot be cached)
#   install.sh build  installs tokenvet into that directory unless the
#                     cache restored it, and writes its path (tokenvet=)
#
# The key names what was built, never where it came from: the version
# input when it is a release tag or a commit (immutable), else a hash of
# the action's own source, because a ref such as @main moves and a local
# `uses: ./` has none. The Go version and GOOS/GOARCH are in it too: a
# binary is only reused by the toolchain and platform that built it.
set -euo pipefail

die() {
	echo "::error title=tokenvet::$*"
	exit 2
}

: "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set: this script runs inside a GitHub Actions step}"
version=${INPUT_VERSION:-}
version="${version#"${version%%[![:space:]]*}"}"
version="${version%"${version##*[![:space:]]}"}"
action=${GITHUB_ACTION_PATH:?}

sha256() {
	if command -v sha256sum >/dev/null; then sha256sum; else shasum -a 256; fi
}

# source_hash: the action's files that go into the binary (Go source,
# go.mod and go.sum, embedded rule and model data), not test data.
source_hash() {
	(cd "$action" && find . \( -name .git -o -name testdata -o -path ./bin -o -name node_modules \) -prune -o -type f -print |
		LC_ALL=C sort | while IFS= read -r f; do
			printf '%s\n' "$f"
			cat "$f"
		done | sha256 | cut -c1-16)
}

case "${1:-}" in
key)
	if ! command -v go >/dev/null; then
		exit 0 # the build step says Go is missing
	fi
	platform="$(go env GOOS)-$(go env GOARCH)-$(go env GOVERSION)"
	if [ -n "$version" ]; then
		if [[ "$version" =~ ^v[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?$ || "$version" =~ ^[0-9a-f]{40}$ ]]; then
			id="$version"
		else
			exit 0 # latest or a branch: what it names changes, so no cache
		fi
	else
		id="src-$(source_hash)"
	fi
	key="tokenvet-${RUNNER_OS:-$(uname -s)}-$platform-$id"
	# The directory is the key's own: a self-hosted runner keeps its tool
	# cache, and must not run a binary another version left there.
	dir="${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}}/tokenvet-action/$key"
	{
		echo "key=$key"
		echo "dir=$dir"
	} >>"$GITHUB_OUTPUT"
	;;
build)
	dir=${TOKENVET_BIN_DIR:-}
	if [ -n "$dir" ] && [ -x "$dir/tokenvet" ]; then
		echo "tokenvet: using the cached build in $dir"
	else
		command -v go >/dev/null || die "Go is not installed: add actions/setup-go before this action"
		if [ -n "$dir" ]; then
			mkdir -p "$dir"
			export GOBIN="$dir"
		fi
		if [ -n "$version" ]; then
			go install "github.com/tokenvet/tokenvet/cmd/tokenvet@$version" || die "go install tokenvet@$version failed"
		else
			(cd "$action" && go install ./cmd/tokenvet) || die "go install of the action's tokenvet failed"
		fi
		dir=$(go env GOBIN)
		dir=${dir:-$(go env GOPATH)/bin}
	fi
	echo "tokenvet=$dir/tokenvet" >>"$GITHUB_OUTPUT"
	;;
*)
	die "usage: install.sh key|build"
	;;
esac
