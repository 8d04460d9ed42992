#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh - tests hl-assess and hl-lint as a user meets them: every option,
# every input format, every exit status, all problems at once, batches with
# bad rows, lint with several errors per file, and the EXAMPLES of
# hl-assess(1) and hl-lint(1) run as printed.
#
# usage: sh tests/cli/run.sh    (from the top directory, after `make`)
# Writes build/cli/.
set -u
top=$(pwd)
assess=$top/examples/hl-assess
lint=$top/examples/hl-lint
data=$top/tests/cli/data
out=$top/build/cli-test
fails=0
passes=0

rm -rf "$out"
mkdir -p "$out"
cd "$out" || exit 1

ok() { passes=$((passes + 1)); }
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

# run WANT_STATUS NAME COMMAND...: stdout in NAME.out, stderr in NAME.err
run() {
	want=$1 name=$2
	shift 2
	"$@" > "$name.out" 2> "$name.err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		fail "$name: exit $got, not $want: $*"
		sed 's/^/    /' "$name.err" >&2
		return 1
	fi
	ok
}
# has NAME.{out,err} TEXT: the file contains TEXT (fixed string)
has() {
	if grep -qF -- "$2" "$1"; then ok; else
		fail "$1 lacks: $2"; sed 's/^/    /' "$1" | head -20 >&2; fi
}
hasnt() {
	if grep -qF -- "$2" "$1"; then
		fail "$1 has: $2"; sed 's/^/    /' "$1" | head -20 >&2; else ok; fi
}
lines() {
	n=$(wc -l < "$1")
	if [ "$n" -eq "$2" ]; then ok; else fail "$1: $n lines, not $2"; fi
}

# ---- both programs: --help, --version, usage errors ---------------------
for p in hl-assess hl-lint; do
	run 0 $p-help "$top/examples/$p" --help
	has $p-help.out "usage: $p"
	has $p-help.out "Exit status"
	lines $p-help.err 0
	run 0 $p-h "$top/examples/$p" -h
	cmp -s $p-help.out $p-h.out && ok || fail "$p -h differs from --help"
	run 0 $p-version "$top/examples/$p" --version
	has $p-version.out "$p (libheavylegs) "
	run 0 $p-V "$top/examples/$p" -V
	run 64 $p-badopt "$top/examples/$p" --no-such-option
	has $p-badopt.err "$p: unknown option --no-such-option"
	has $p-badopt.err "Try '$p --help'"
	run 64 $p-badshort "$top/examples/$p" -Z
	has $p-badshort.err "$p: unknown option -Z"
done
run 64 assess-two-files "$assess" a b
has assess-two-files.err "hl-assess: one input file at most"
run 64 assess-noarg "$assess" --rules
has assess-noarg.err "hl-assess: --rules needs a value"
run 64 assess-badfmt "$assess" --input-format xml
run 64 assess-badformat "$assess" --format html
run 64 assess-csv-nobatch "$assess" --input-format csv x
run 64 assess-batch-set "$assess" --batch --set thirsty=yes x
run 64 lint-nofile "$lint"
has lint-nofile.err "hl-lint: no rulebase file given"

# ---- hl-assess: the input formats ------------------------------------------
run 0 text "$assess" "$top/examples/sample-runner.txt"
has text.out "Possible causes, likeliest first"
has text.out "Training load rose faster than your legs adapted"
hasnt text.out "load_spike"			# titles, not ids
hasnt text.out "(low,"			# low causes hidden...
has text.out "less likely causes not shown; --all shows them"
has text.out "heat index: 33 °C (91 °F)"	# both units
has text.out "sweat rate: 1.54 L/h"		# derived, with units
hasnt text.out "pad_risk"			# only those that mattered
has text.out "could be up to"			# honest bounds
has text.out "Red-flag check incomplete, not answered yet: part of a leg is warm"
has text.out "Urgency: no warning signs among the answers given, but the red-flag check is"
run 0 text-all "$assess" --all "$top/examples/sample-runner.txt"
has text-all.out "(low, "
run 0 text-stdin "$assess" - < "$top/examples/sample-runner.txt"
cmp -s text.out text-stdin.out && ok || fail "- differs from a file"
run 0 text-stdin2 "$assess" < "$top/examples/sample-runner.txt"
cmp -s text.out text-stdin2.out && ok || fail "no file differs from a file"

run 0 json-sample "$top/examples/hl-assess" --json "$top/examples/sample-runner.json"
has json-sample.out '"triage":'
has json-sample.out '"derived":'
has json-sample.out '"score_high":'
run 0 json-sample-text "$assess" --format json --input-format text \
    "$top/examples/sample-runner.txt"
cmp -s json-sample.out json-sample-text.out && ok ||
    fail "sample-runner.json and sample-runner.txt assess differently"
run 0 json-j "$assess" -j "$top/examples/sample-runner.json"
cmp -s json-sample.out json-j.out && ok || fail "-j differs from --json"
run 0 json-forced "$assess" -j -i json - < "$top/examples/sample-runner.json"
cmp -s json-sample.out json-forced.out && ok || fail "-i json differs"
run 0 yaml "$assess" -j "$data/runner.yaml"
has yaml.out '"rulebase":'
run 0 yaml-forced "$assess" -j --input-format yaml - < "$data/runner.yaml"
cmp -s yaml.out yaml-forced.out && ok || fail "-i yaml differs"
# YAML as name = value lines would be wrong: said so
run 65 yaml-as-text "$assess" --input-format text "$data/runner.yaml"
has yaml-as-text.err "use --input-format yaml"

# the same runner in all three formats and by --set
printf 'thirsty = YES\nsex = Female\ndaily_sleep_h = 6 - 7\nurine_color = unknown\n' > same.txt
printf '{"thirsty": true, "sex": "female", "daily_sleep_h": [6, null, 7], "urine_color": null}\n' > same.json
printf 'thirsty: yes\nsex: FEMALE\ndaily_sleep_h: [6, ~, 7]\n' > same.yaml
run 0 same-text "$assess" -j same.txt
run 0 same-json "$assess" -j same.json
run 0 same-yaml "$assess" -j same.yaml
run 0 same-set "$assess" -j --set thirsty=yes --set sex=female \
    --set 'daily_sleep_h[0]=6' -s 'daily_sleep_h[2]=7'
for f in same-json same-yaml same-set; do
	cmp -s same-text.out $f.out && ok || fail "$f assesses differently"
done
printf '{"id": "story", "expected": {"triage": 0},\n "inputs": {"thirsty": true, "sex": "female", "daily_sleep_h": [6, null, 7]}}\n' > wrapped.json
run 0 same-wrapped "$assess" -j wrapped.json
cmp -s same-text.out same-wrapped.out && ok || fail "an \"inputs\" object assesses differently"
printf '{"id": "story",\n "inputs": {"thirsty": 7,\n  "sexx": "female"}}\n' > wrapped-bad.json
run 65 wrapped-bad "$assess" -j wrapped-bad.json
has wrapped-bad.err "hl-assess: wrapped-bad.json:2: thirsty 7 is not 0 (no) or 1 (yes)"
has wrapped-bad.err "hl-assess: wrapped-bad.json:3: unknown input 'sexx' (did you mean 'sex'?)"
# --set overrides the file
run 0 set-over "$assess" -j --set thirsty=no same.txt
cmp -s same-text.out set-over.out && fail "--set did not change the runner" || ok
run 65 set-bad "$assess" --set thirsty --set 'daily_sleep_h[40]=7' \
    --set 'sex[1]=male' --set 'nope=1'
has set-bad.err "hl-assess: --set: 'thirsty': expected NAME=VALUE"
has set-bad.err "bad day index"
has set-bad.err "sex is not a daily series"
has set-bad.err "unknown input 'nope'"
has set-bad.err "hl-assess: 4 problems in the input; nothing was assessed"

# ---- every problem at once ------------------------------------------------
run 65 three "$assess" "$data/three-mistakes.txt"
has three.err "hl-assess: $data/three-mistakes.txt:3: unknown input 'daily_sleep_hh' (did you mean 'daily_sleep_h'?)"
has three.err "hl-assess: $data/three-mistakes.txt:4: thirsty must be yes or no"
has three.err "hl-assess: $data/three-mistakes.txt:6: dew_point_c 25 is above air_temp_c 20"
has three.err "3 problems in the input; nothing was assessed"
lines three.out 0
run 65 bad-json "$assess" --json "$data/bad.json"
lines bad-json.out 0
has bad-json.err "bad.json:2: age_years 240 is above 120"
has bad-json.err "bad.json:3: sex must be one of: female, male, not 'femal' (did you mean 'female'?)"
has bad-json.err "bad.json:4: daily_sleep_h[2] must be a number"
has bad-json.err "bad.json:5: unknown input 'urine_colour' (did you mean 'urine_color'?)"
has bad-json.err "bad.json:6: thirsty 3 is not 0 (no) or 1 (yes)"
has bad-json.err "bad.json:7: heaviness_days 2.5 is not a whole number"
has bad-json.err "6 problems in the input"
printf '{"age_years": 31,\n "thirsty": \n' > broken.json
run 65 broken-json "$assess" broken.json
has broken-json.err "hl-assess: broken.json:3: JSON:"
printf 'age_years = 31\nage_years = 32\nheat_index_c = 30\ndaily_sleep_h = 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 1 2 3 4 5\n' > dup.txt
run 65 dup "$assess" dup.txt
has dup.err "dup.txt:2: age_years is given twice (first on line 1)"
has dup.err "dup.txt:3: 'heat_index_c' is computed from the inputs, not given"
has dup.err "dup.txt:4: daily_sleep_h takes at most 28 values"

# ---- --list-inputs, --dump-default-rules --------------------------------------
run 0 list "$assess" --list-inputs
has list.out "NAME"
has list.out "daily_distance_km"
has list.out "female, male"
run 0 list-l "$assess" -l
run 0 dump "$assess" --dump-default-rules
cmp -s dump.out "$top/rules/heavylegs.yaml" && ok ||
    fail "--dump-default-rules differs from rules/heavylegs.yaml"
run 0 lint-dump "$lint" -q dump.out
lines lint-dump.out 0

# ---- rulebases and exit statuses -------------------------------------------
run 0 own-rules "$assess" -r dump.out "$top/examples/sample-runner.txt"
cmp -s text.out own-rules.out && ok || fail "-r with the default rules differs"
run 0 own-rules-long "$assess" --rules=dump.out -j same.txt
run 78 bad-rules "$assess" -r "$data/bad-rules.yaml" same.txt
has bad-rules.err "hl-assess: $data/bad-rules.yaml:10:15:"
has bad-rules.err "hl-assess: $data/bad-rules.yaml:13:5:"
run 66 no-rules "$assess" -r no-such.yaml same.txt
has no-rules.err "hl-assess: no-such.yaml: No such file or directory"
run 66 no-input "$assess" no-such-runner.txt
has no-input.err "hl-assess: no-such-runner.txt: No such file or directory"
run 66 dir-input "$assess" /
has dir-input.err "hl-assess: /: Is a directory"
run 66 lint-dir "$lint" /
has lint-dir.err "hl-lint: /: Is a directory"


# ---- batch: JSON Lines and CSV, 10,000 runners with a few bad rows ----------
awk 'BEGIN {
	print "id,age_years,sex,thirsty,air_temp_c,relative_humidity_pct,daily_distance_km[0],daily_distance_km[1],daily_sleep_h[0]"
	for (i = 0; i < 10000; i++) {
		t = (i == 17 || i == 9999) ? "maybe" : (i % 3 ? "yes" : "")
		a = i == 4242 ? "hot" : 5 + i % 30
		s = i % 2 ? "female" : "Male"
		printf "r%d,%d,%s,%s,%s,%d,%d,%d,%s\n", i, 18 + i % 50, s, t, a, 20 + i % 70, i % 25, i % 17, 5 + i % 4
	}
}' > batch.csv
run 65 batch-csv "$assess" --batch batch.csv
lines batch-csv.out 10000
n=$(grep -c '"ok":false' batch-csv.out)
[ "$n" -eq 3 ] && ok || fail "batch.csv: $n bad rows, not 3"
has batch-csv.out '{"row":18,"line":19,"id":"r17","ok":false,"errors":[{"line":19,"column":'
has batch-csv.out '"field":"air_temp_c","message":"air_temp_c must be a number in °C, not '"'hot'"'"}'
has batch-csv.out '{"row":10000,"line":10001,"id":"r9999","ok":false'
has batch-csv.out '{"row":1,"line":2,"id":"r0","ok":true,"report":{"rulebase":'
run 0 batch-csv-good "$assess" -b -i csv - < "$data/good.csv"
lines batch-csv-good.out 2

printf '{"id": "a", "thirsty": true}\n\n{"id": "b", "thirsty": \n{"id": "c", "sexx": "male", "age_years": 500}\n{"id": "d", "daily_sleep_h": [7, 6]}\n' > batch.jsonl
run 65 batch-jsonl "$assess" --batch --input-format json batch.jsonl
lines batch-jsonl.out 4
has batch-jsonl.out '{"row":1,"line":1,"id":"a","ok":true,"report":{'
has batch-jsonl.out '{"row":2,"line":3,"ok":false,"errors":[{"line":3,'
has batch-jsonl.out '"field":"sexx","message":"unknown input '"'sexx'"' (did you mean '"'sex'"'?)"},{"line":4,'
has batch-jsonl.out '"message":"age_years 500 is above 120"'
has batch-jsonl.out '{"row":4,"line":5,"id":"d","ok":true'
# A row is one line of the batch: a lone CR, NEL or U+2028 inside it (a line
# break to YAML) never moves a problem onto another row's line; columns are
# characters from the row's start.
printf '{"id": "a"}\n{"id": "b", "\303\251x": 1, "age_years": 30\r, "sex": "zzz"}\n{"id": "c",\302\205"sex": "q"}\n' > batch-cr.jsonl
run 65 batch-jsonl-cr "$assess" -b batch-cr.jsonl
lines batch-jsonl-cr.out 3
has batch-jsonl-cr.out '{"row":2,"line":2,"id":"b","ok":false,"errors":[{"line":2,"column":19,"field":"'
has batch-jsonl-cr.out '{"line":2,"column":47,"field":"sex","message":"sex must be one of: female, male, not '"'zzz'"'"}'
has batch-jsonl-cr.out '{"row":3,"line":3,"id":"c","ok":false,"errors":[{"line":3,"column":20,"field":"sex",'
# Nesting far past what a runner needs is refused at once (libyaml's own
# reading of it would take hours), in a file and in a batch row.
awk 'BEGIN { s = ""; for (i = 0; i < 100000; i++) s = s "["; print "a: " s }' > deep.yaml
run 65 assess-deep "$assess" deep.yaml
has assess-deep.err "hl-assess: deep.yaml:1: YAML: nested deeper than 16 levels (a runner needs 3)"
awk 'BEGIN { s = ""; for (i = 0; i < 100000; i++) s = s "{\"a\": "; print s }' > deep.jsonl
run 65 batch-deep "$assess" -b deep.jsonl
has batch-deep.out '{"row":1,"line":1,"ok":false,"errors":[{"line":1,"column":97,"field":"","message":"JSON: nested deeper than 16 levels (a runner needs 3)"}]}'

# A NUL inside a value is no end of it; a column named twice is the header's
# problem, said once.
printf 'id,age_years\nr1,3@0\n' | tr @ '\000' > nul.csv
run 65 batch-nul "$assess" -b nul.csv
has batch-nul.out '"field":"age_years","message":"age_years must be a number in y, not '"'3\\\\x000'"'"}'
printf 'age_years,sex,age_years\n30,male,31\n' > twice.csv
run 65 batch-twice "$assess" -b twice.csv
has batch-twice.err "hl-assess: twice.csv:1: CSV: column 3 repeats 'age_years' (column 1)"

# One runner is one document; numbers are decimal; nan is unknown.
printf 'age_years: 30\n---\nage_years: 31\n' > twodocs.yaml
run 65 assess-twodocs "$assess" twodocs.yaml
has assess-twodocs.err "hl-assess: twodocs.yaml:3: YAML: a second document; a runner is one document (one runner a file, or --batch)"
printf 'age_years = 0x1Ep0\nbody_mass_kg = inf\nair_temp_c = NaN\n' > numbers.txt
run 65 assess-numbers "$assess" numbers.txt
has assess-numbers.err "hl-assess: numbers.txt:1: age_years must be a number in y, not '0x1Ep0'"
has assess-numbers.err "hl-assess: numbers.txt:2: body_mass_kg must be a number in kg, not 'inf'"
has assess-numbers.err "hl-assess: 2 problems in the input; nothing was assessed"

# A value with line breaks or control characters is quoted on one line.
printf 'sex: "ma\\nle\\x01"\n' > ctl.yaml
run 65 assess-ctl "$assess" ctl.yaml
has assess-ctl.err "hl-assess: ctl.yaml:1: sex must be one of: female, male, not 'ma\\nle\\x01'"
run 65 batch-jsonl-auto "$assess" -b - < "$top/examples/sample-runner.jsonl"
lines batch-jsonl-auto.out 3
has batch-jsonl-auto.out '"id":"misspelt","ok":false,'

printf 'id,daily_sleep_hh[0],sex\n1,7,male\n' > badhead.csv
run 65 batch-badhead "$assess" -b badhead.csv
has batch-badhead.err "hl-assess: badhead.csv:1: unknown input 'daily_sleep_hh' (did you mean 'daily_sleep_h'?)"
printf 'id,thirsty\nx,yes,no\n' > cells.csv
run 65 batch-cells "$assess" -b cells.csv
has batch-cells.out '"message":"CSV: the row has 3 cells, the header 2"'

# full() WANT NAME COMMAND...: stdout to /dev/full
full() {
	want=$1 name=$2
	shift 2
	"$@" > /dev/full 2> "$name.err"
	got=$?
	[ "$got" -eq "$want" ] && ok || fail "$name: exit $got, not $want"
}
if [ -w /dev/full ]; then
	full 74 write-error "$assess" "$top/examples/sample-runner.txt" --json
	has write-error.err "hl-assess: write error"
	full 74 batch-write-error "$assess" -b batch.jsonl
	full 74 lint-write-error "$lint" dump.out
	full 74 help-write-error "$assess" --help
	full 74 version-write-error "$lint" --version
fi

# ---- hl-lint -------------------------------------------------------------------
run 78 lint-several "$lint" "$data/bad-rules.yaml"
has lint-several.err "$data/bad-rules.yaml:10:15: rule tired: unknown input 'daily_sleep_hh' (did you mean 'daily_sleep_h'?)"
has lint-several.err "$data/bad-rules.yaml:13:5: rule thirsty_legs: unknown key 'titel' in a cause (did you mean 'title'?)"
has lint-several.err "$data/bad-rules.yaml:17:17: rule thirsty_legs:"
has lint-several.err "$data/bad-rules.yaml: 5 errors"
run 78 lint-unquoted "$lint" "$data/unquoted.yaml"
has lint-unquoted.err "$data/unquoted.yaml:7:16: YAML: mapping values are not allowed in this context (a text that contains ': ' must be quoted"
run 78 lint-many "$lint" "$data/bad-rules.yaml" dump.out - < "$data/unquoted.yaml"
has lint-many.out "dump.out: ok ("
has lint-many.err "<stdin>:7:16: YAML"
has lint-many.err "bad-rules.yaml: 5 errors"
run 78 lint-quiet "$lint" -q "$data/bad-rules.yaml" dump.out
lines lint-quiet.out 0
lines lint-quiet.err 0
run 66 lint-missing "$lint" dump.out no-such.yaml
has lint-missing.err "hl-lint: no-such.yaml: No such file or directory"
run 0 lint-ok "$lint" --quiet dump.out
run 0 lint-stdin "$lint" - < dump.out
has lint-stdin.out "<stdin>: ok ("
# the cap: 150 errors, 100 shown
awk 'BEGIN { print "heavylegs: 1\nname: many\nversion: \"1\"\ndisclaimer: x\ncauses:"
	for (i = 0; i < 150; i++) printf "  - id: c%d\n    title: t\n    advice: a\n    bogus: 1\n    evidence:\n      - when: thirsty\n        weight: 0.3\n", i }' > many.yaml
run 78 lint-cap "$lint" many.yaml
n=$(grep -c "unknown key 'bogus'" lint-cap.err)
[ "$n" -eq 100 ] && ok || fail "lint cap: $n errors shown, not 100"
has lint-cap.err "many.yaml: 150 errors (the first 100 shown)"

# ---- the EXAMPLES of hl-assess(1) and hl-lint(1), run as printed -----------
# Each example is a literal display whose lines starting with "$ " are
# commands, run from examples/ with the programs on PATH; the lines after a
# command, up to the next one or the end, are its expected output, where a
# line "..." stands for any number of lines.  A command ending in
# "; echo $?" also checks its exit status that way.
man_examples() {
	awk '
	/^\.Sh / { inex = ($2 == "EXAMPLES") }
	inex && /^\.Bd -literal/ { n++; show = 1; printf "@@ %d\n", n; next }
	/^\.Ed/ { show = 0; next }
	show { gsub(/\\e/, "\\"); gsub(/\\&/, ""); gsub(/\\\(aq/, "\047"); print }
	' "$1"
}
check_page() {
	page=$1
	man_examples "$top/$page" > ex.all
	k=0
	awk -v dir="$out/ex" '
	function flush() { if (cmd != "") { print cmd > (dir "/" k ".cmd"); close(dir "/" k ".cmd"); close(dir "/" k ".want") } }
	/^@@ / { flush(); cmd = ""; next }
	/^\$ / { flush(); k++; cmd = substr($0, 3); printf "" > (dir "/" k ".want"); next }
	cmd != "" { print > (dir "/" k ".want") }
	END { flush() }
	' ex.all
}
mkdir -p ex
for page in man/man1/hl-assess.1 man/man1/hl-lint.1; do
	rm -f ex/*.cmd ex/*.want
	check_page "$page"
	n=0
	for c in ex/*.cmd; do
		[ -f "$c" ] || continue
		n=$((n + 1))
		w=${c%.cmd}.want
		(cd "$top/examples" && PATH=$top/examples:$PATH sh -c "$(cat "$top/build/cli-test/$c")") \
		    > "${c%.cmd}.got" 2>&1
		# compare, "..." matching any lines
		if awk -v gotf="${c%.cmd}.got" '
		BEGIN { while ((getline l < gotf) > 0) got[++ng] = l }
		{ want[++nw] = $0 }
		END {
			i = 1
			for (j = 1; j <= nw; j++) {
				if (want[j] == "...") {
					if (j == nw) exit 0
					while (i <= ng && got[i] != want[j + 1]) i++
					continue
				}
				if (i > ng || got[i] != want[j]) exit 1
				i++
			}
			exit (i <= ng)
		}' "$w"; then ok; else
			fail "$page: example '$(cat "$c")' printed:"
			sed 's/^/    /' "${c%.cmd}.got" >&2
			echo "  expected:" >&2
			sed 's/^/    /' "$w" >&2
		fi
	done
	[ "$n" -gt 0 ] && ok || fail "$page: no examples found"
done

echo "tests/cli: $passes checks passed, $fails failed"
[ "$fails" -eq 0 ]
