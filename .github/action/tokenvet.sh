#!/usr/bin/env bash
# The logic of tokenvet's GitHub Action (action.yml at the repository
# root). It runs as a runner runs a step: inputs arrive as INPUT_*
# environment variables, outputs go to the file named by GITHUB_OUTPUT,
# and a Markdown summary to GITHUB_STEP_SUMMARY. Keeping it here rather
# than inline in action.yml lets the tests run it without GitHub.
#
# Exit status: tokenvet's own (0 nothing at or above fail-on, 1 findings,
# 2 error), so the job fails on findings; action.yml still uploads the
# SARIF afterwards.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

die() {
	echo "::error title=tokenvet::$*"
	exit 2
}

input() { # input NAME DEFAULT: the input's value, trimmed, or DEFAULT
	# Runners keep an input's dashes (INPUT_FAIL-ON), which bash cannot
	# name; action.yml passes underscores (INPUT_FAIL_ON). Read either.
	local name="INPUT_${1^^}"
	local v
	v=$(printenv "$name" || true)
	if [ -z "$v" ]; then
		name=${name//-/_}
		v="${!name:-}"
	fi
	v="${v#"${v%%[![:space:]]*}"}"
	v="${v%"${v##*[![:space:]]}"}"
	printf '%s' "${v:-$2}"
}

bool() { # bool VAR NAME DEFAULT: set VAR to "true" or "false"
	local v
	v=$(input "$2" "$3")
	case "$v" in
	true | True | TRUE) printf -v "$1" true ;;
	false | False | FALSE) printf -v "$1" false ;;
	*) die "input $2 must be true or false, not '$v'" ;;
	esac
}

: "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set: this script runs inside a GitHub Actions step}"
command -v jq >/dev/null || die "jq is needed (it is preinstalled on GitHub-hosted runners)"

path=$(input path .)
args=$(input args "")
fail_on=$(input fail-on "")
sarif=tokenvet.sarif
if [ -n "${INPUT_SARIF+set}" ]; then
	sarif=$(input sarif "") # set but empty: no SARIF
fi
# The category is the one place that names the analysis: the SARIF's
# runAutomationDetails.id and upload-sarif's category input both come
# from it (upload-sarif ignores its own input when the SARIF has an id).
# Empty: "tokenvet" for the repository root, as before, and
# "tokenvet/PATH" for a directory, so that two scans of one job differ.
category=$(input category "")
if [ -z "$category" ]; then
	category=tokenvet
	p=${path#./}
	p=${p%/}
	if [ -n "$p" ] && [ "$p" != . ]; then
		category="tokenvet/$p"
	fi
fi
base=$(input base "")
new_only='' annotations='' upload='' # set by bool
bool new_only new-only false
bool annotations annotations true
bool upload upload false
if [ "$upload" = true ] && [ -z "$sarif" ]; then
	die "upload: true needs a sarif file name"
fi

# Install tokenvet with the runner's Go: the action's own source by
# default, so the action and the scanner always match; a version input
# (a tag, a commit or "latest") installs that release instead.
# action.yml runs install.sh first, around actions/cache, and passes the
# binary as TOKENVET; run alone, this script installs it itself.
tokenvet=${TOKENVET:-}
if [ -z "$tokenvet" ]; then
	installed="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/tokenvet-install-$$"
	GITHUB_OUTPUT=$installed "$here/install.sh" build || exit 2
	tokenvet=$(sed -n 's/^tokenvet=//p' "$installed")
	rm -f "$installed"
fi
"$tokenvet" version

# new-only: the revision to compare with. In a pull request the checkout
# is a merge commit whose first parent is the base branch's tip, which
# actions/checkout's default shallow clone lacks: deepen it by one.
if [ "$new_only" = true ] && [ -z "$base" ]; then
	if [ -n "${GITHUB_BASE_REF:-}" ] && git -C "$path" rev-parse -q --verify "refs/remotes/origin/$GITHUB_BASE_REF" >/dev/null; then
		base="origin/$GITHUB_BASE_REF"
	else
		if ! git -C "$path" rev-parse -q --verify 'HEAD^1' >/dev/null &&
			[ "$(git -C "$path" rev-parse --is-shallow-repository 2>/dev/null)" = true ]; then
			git -C "$path" fetch --no-tags --quiet --deepen=1 || true
		fi
		if [ "$(git -C "$path" rev-list --parents -n 1 HEAD 2>/dev/null | wc -w)" -ge 3 ]; then
			base='HEAD^1'
		elif [ -n "${GITHUB_BASE_REF:-}" ]; then
			die "new-only: cannot find the base branch $GITHUB_BASE_REF; use actions/checkout with fetch-depth: 0, or set the base input"
		else
			die "new-only: not a pull request merge commit; set the base input to the revision to compare with"
		fi
	fi
fi

json="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/tokenvet-$$.json"
github="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/tokenvet-$$.github"
trap 'rm -f "$json" "$github"' EXIT
# The log gets the text report, every finding; the annotations are
# printed afterwards, within what GitHub shows (annotate, lib.sh).
cmd=("$tokenvet" scan --category "$category" --also "json=$json")
if [ "$annotations" = true ]; then
	cmd+=(--also "github=$github")
fi
[ -n "$sarif" ] && cmd+=(--also "sarif=$sarif")
[ -n "$fail_on" ] && cmd+=(--fail-on "$fail_on")
[ "$new_only" = true ] && cmd+=(--new-from-rev "$base")
if [ -n "$args" ]; then
	# Split as a shell splits words, quotes honoured, never evaluated.
	words=() shellwords_error=''
	shellwords "$args" || die "input args: $shellwords_error"
	cmd+=("${words[@]}")
fi
cmd+=("$path")

echo "::group::$(printf '%q ' "${cmd[@]}")"
status=0
"${cmd[@]}" || status=$?
echo "::endgroup::"
if [ "$status" -lt 2 ] && [ -f "$github" ]; then
	annotate "$github"
fi
if [ "$status" -ge 2 ] || [ ! -s "$json" ]; then
	echo "::error title=tokenvet::the scan failed (exit status $status); see the log above"
	echo "exit-code=$status" >>"$GITHUB_OUTPUT"
	exit "$status"
fi

count() { jq -r ".summary.$1" "$json"; }
errors=$(count error)
warnings=$(count warning)
notes=$(count note)
suppressed=$(count suppressed)
unchanged=$(count unchanged)
total=$((errors + warnings + notes))
{
	echo "findings=$total"
	echo "error=$errors"
	echo "warning=$warnings"
	echo "note=$notes"
	echo "suppressed=$suppressed"
	echo "unchanged=$unchanged"
	echo "exit-code=$status"
	echo "category=$category"
	[ -n "$sarif" ] && [ -f "$sarif" ] && echo "sarif=$sarif"
} >>"$GITHUB_OUTPUT"

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
	{
		echo "### tokenvet"
		echo
		if [ "$new_only" = true ]; then
			echo "New findings only: lines changed since \`$base\`; $unchanged older finding(s) not counted."
			echo
		fi
		echo "| severity | findings |"
		echo "|---|---:|"
		echo "| error | $errors |"
		echo "| warning | $warnings |"
		echo "| note | $notes |"
		echo "| suppressed | $suppressed |"
		echo
		if [ "$total" -gt 0 ]; then
			echo "| rule | severity | location | message |"
			echo "|---|---|---|---|"
			# Counted findings only, at most 50; pipes would end a cell.
			jq -r '[.findings[] | select(.suppression == null and .baselineState != "unchanged")] | .[:50][] |
				"| `\(.rule)` | \(.severity) | `\(.file):\(.line)` | \(.message | gsub("\\|"; "\\\\|")) |"' "$json"
			if [ "$total" -gt 50 ]; then
				echo
				echo "… and $((total - 50)) more; see the log or the SARIF report."
			fi
		else
			echo "No findings."
		fi
	} >>"$GITHUB_STEP_SUMMARY"
fi
exit "$status"
