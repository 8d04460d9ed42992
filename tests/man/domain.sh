#!/bin/sh
# SPDX-License-Identifier: MIT
# domain.sh - checks that heavylegs-domain(7) quotes the default rulebase as
# it is: every cause's leak, every condition of rules/heavylegs.yaml with its
# weight, lowering factor or urgency, every `applies` and every strategy
# condition, and nothing else; and every input of lib/vocab_table.h.  When the rulebase changes, the page must change with it.
#
# usage: sh tests/man/domain.sh   (from the top directory)
set -eu
rules=rules/heavylegs.yaml
page=man/man7/heavylegs-domain.7
out=build/man-domain
mkdir -p "$out"

# "KIND VALUE|condition" for every rule condition of the rulebase.
awk '
function num(s) { return sprintf("%.2f", s + 0) }
function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
/^[ \t]*- \{ when: / {
	s = $0; sub(/^[ \t]*- \{ when: /, "", s); sub(/ \}[ \t]*$/, "", s)
	if (match(s, /, urgency: [0-9]+$/)) {
		v = substr(s, RSTART + 11); c = substr(s, 1, RSTART - 1)
		print "U " v "|" trim(c)
	} else if (match(s, /, by: [0-9.]+$/)) {
		v = substr(s, RSTART + 6); c = substr(s, 1, RSTART - 1)
		print "B " num(v) "|" trim(c)
	} else if (match(s, /, weight: [0-9.]+$/)) {
		v = substr(s, RSTART + 10); c = substr(s, 1, RSTART - 1)
		print "W " num(v) "|" trim(c)
	}
	next
}
/^[ \t]*- id: / { id = $0; sub(/^[ \t]*- id: /, "", id); id = trim(id); next }
/^[ \t]*leak: / { s = $0; sub(/^[ \t]*leak: /, "", s); print "L " num(s) "|" id; next }
/^[ \t]*- when: / { w = $0; sub(/^[ \t]*- when: /, "", w); w = trim(w); next }
/^[ \t]*when: / { s = $0; sub(/^[ \t]*when: /, "", s); print "S|" trim(s); next }
/^[ \t]*applies: / { s = $0; sub(/^[ \t]*applies: /, "", s); print "A|" trim(s); next }
/^[ \t]*weight: / { s = $0; sub(/^[ \t]*weight: /, "", s); print "W " num(s) "|" w; next }
/^[ \t]*by: / { s = $0; sub(/^[ \t]*by: /, "", s); print "B " num(s) "|" w; next }
/^[ \t]*urgency: / { s = $0; sub(/^[ \t]*urgency: /, "", s); print "U " trim(s) "|" w; next }
' "$rules" | sort > "$out/rules"

# The same, as the page lists them.
awk '
function cond(s) { gsub(/\\&/, "", s); gsub(/\\e/, "\\", s); sub(/ \[[^]]*\]$/, "", s); return s }
/^\.Sh / { insec = ($2 == "CAUSES" || $2 == "STRATEGIES" || ($2 == "RED" && $3 == "FLAGS")); want = ""; next }
!insec { next }
/^\.Ss / { id = $2; next }
/^Leak [0-9.]+\./ { v = $2; sub(/\.$/, "", v); print "L " sprintf("%.2f", v) "|" id; next }
want != "" && !/^\./ { print want "|" cond($0); want = ""; next }
/^\.It Sy lower\\ [0-9.]+$/ { v = $0; sub(/.*\\ /, "", v); want = "B " v; next }
/^\.It [0-9]\.[0-9][0-9]$/ { want = "W " $2; next }
/^\.It [0-4]$/ { want = "U " $2; next }
/^Applies only when: *$/ { want = "A"; next }
/^Condition: *$/ { want = "S"; next }
' "$page" | sort > "$out/page"

# Every input of lib/vocab_table.h, in struct order, under "The inputs".
sed -n -E 's/^[[:space:]]*(NUM|CNT|TRI|ENM)\(([a-z0-9_]*),.*/\2/p' \
    lib/vocab_table.h > "$out/inputs"
awk '
/^\.Ss / { inl = ($0 == ".Ss The inputs"); next }
/^\.S[hs] / { inl = 0 }
inl && /^\.It Va / { n = $3; sub(/\[28\]$/, "", n); print n }
' "$page" > "$out/page-inputs"
if ! cmp -s "$out/inputs" "$out/page-inputs"; then
	echo "$page does not list the inputs of lib/vocab_table.h in order" \
	    "(< only in the table, > only in the page):" >&2
	diff "$out/inputs" "$out/page-inputs" >&2 || :
	exit 1
fi

if ! cmp -s "$out/rules" "$out/page"; then
	echo "$page does not quote $rules as it is" \
	    "(< only in the rulebase, > only in the page):" >&2
	diff "$out/rules" "$out/page" >&2 || :
	exit 1
fi
echo "domain: $page quotes all $(wc -l < "$out/rules") leaks and conditions of $rules with their weights, and the $(wc -l < "$out/inputs") inputs of lib/vocab_table.h"
