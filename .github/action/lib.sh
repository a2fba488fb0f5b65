# Functions of the action's scripts (tokenvet.sh sources this file; the
# end-to-end tests call them on their own through bash).

# shellwords STRING: split STRING into the array words as a POSIX shell
# splits a command line's words, without running anything: blanks
# separate words; '…' keeps everything literally; "…" keeps everything
# but \" \\ \$ \` and backslash-newline; a backslash outside quotes keeps
# the next character. $, `, globs and ~ are plain characters: there is
# no expansion, so an input cannot run a command. An unclosed quote or a
# trailing backslash is an error (status 1, message in shellwords_error).
shellwords() {
	local s=$1 c n i=0 len=${#1} word='' have=false
	words=()
	shellwords_error=''
	while [ "$i" -lt "$len" ]; do
		c=${s:i:1}
		case "$c" in
		' ' | $'\t' | $'\n')
			if [ "$have" = true ]; then
				words+=("$word")
				word='' have=false
			fi
			;;
		"'")
			n=${s:i+1}
			if [[ "$n" != *"'"* ]]; then
				shellwords_error="unclosed ' quote"
				return 1
			fi
			n=${n%%"'"*}
			word+=$n have=true
			i=$((i + ${#n} + 1))
			;;
		'"')
			have=true
			i=$((i + 1))
			while :; do
				if [ "$i" -ge "$len" ]; then
					shellwords_error='unclosed " quote'
					return 1
				fi
				c=${s:i:1}
				if [ "$c" = '"' ]; then
					break
				fi
				if [ "$c" = '\' ] && [ $((i + 1)) -lt "$len" ]; then
					n=${s:i+1:1}
					case "$n" in
					'"' | '\' | '$' | '`') word+=$n i=$((i + 1)) ;;
					$'\n') i=$((i + 1)) ;;
					*) word+=$c ;;
					esac
				else
					word+=$c
				fi
				i=$((i + 1))
			done
			;;
		'\')
			if [ $((i + 1)) -ge "$len" ]; then
				shellwords_error='a backslash at the end'
				return 1
			fi
			n=${s:i+1:1}
			[ "$n" != $'\n' ] && word+=$n have=true
			i=$((i + 1))
			;;
		*)
			word+=$c have=true
			;;
		esac
		i=$((i + 1))
	done
	if [ "$have" = true ]; then
		words+=("$word")
	fi
}

# annotation_limit is how many annotations of each level (error,
# warning, notice) GitHub shows for one step; it drops the rest without
# a word. "GitHub Actions are limited to 10 warning annotations and 10
# error annotations per step" (REST API, check runs, annotations), and
# notices are shown up to 10 per step as well (actions/toolkit,
# docs/problem-matchers.md, Limitations).
annotation_limit=10

# annotate FILE: print FILE's workflow commands (one a line, as
# `tokenvet scan --format github` writes them), at most annotation_limit
# of each level, in their order; when some are left out, the last
# notice says how many and where to find them, so nine findings of
# severity note are shown then.
annotate() {
	awk -v max="$annotation_limit" '
		{ line[NR] = $0; lvl[NR] = level($0); count[lvl[NR]]++ }
		function level(s) {
			if (s ~ /^::error[ :]/) return "error"
			if (s ~ /^::warning[ :]/) return "warning"
			if (s ~ /^::notice[ :]/) return "notice"
			return ""
		}
		END {
			cap["error"] = max; cap["warning"] = max; cap["notice"] = max
			over = count["error"] > max || count["warning"] > max || count["notice"] > max
			if (over) cap["notice"] = max - 1
			dropped = 0
			for (i = 1; i <= NR; i++) {
				l = lvl[i]
				if (l == "") { print line[i]; continue }
				if (shown[l] < cap[l]) { print line[i]; shown[l]++ } else { dropped++; left[l]++ }
			}
			if (dropped > 0) {
				what = ""
				split("error warning notice", order, " ")
				for (j = 1; j <= 3; j++) if (left[order[j]] > 0) what = what (what == "" ? "" : ", ") left[order[j]] " " order[j] (left[order[j]] > 1 ? "s" : "")
				printf "::notice title=tokenvet::%d more findings (%s) not annotated: GitHub shows at most %d errors, %d warnings and %d notices per step; see the job log, the step summary or the SARIF report\n", dropped, what, max, max, max
			}
		}' "$1"
}
