#!/bin/sh
# test/a11y.sh: an offline accessibility and safety check of se-report's
# HTML.  For each FILE: lang on <html>; one <h1> and headings that never
# skip a level; every <th> with a scope; every <svg> an image with a
# title and a text alternative; every <img> with alt; no script, event
# handler or external fetch; each RAG colour's contrast with its text at
# least 4.5:1 (WCAG 2.1 AA, relative luminance).  Prints one line a
# check, "ok - ..." or "not ok - ...", and exits 1 on any failure.
# usage: sh test/a11y.sh FILE...
status=0
say() {
	if [ "$1" = 0 ]; then echo "ok - $2"; else echo "not ok - $2"; status=1; fi
}
for f in "$@"; do
	n=$(basename "$f")
	grep -q '<html lang="[a-zA-Z-][a-zA-Z-]*"' "$f"
	say $? "$n: the page says its language"
	# headings in document order, as levels
	tr '\n' ' ' < "$f" | grep -o '<h[1-6][ >]' | tr -dc '1-6\n' |
	    awk 'NR == 1 && $1 != 1 { bad = 1 } $1 == 1 { h1++ }
		NR > 1 && $1 > prev + 1 { bad = 1 } { prev = $1 }
		END { exit bad || h1 != 1 }'
	say $? "$n: one h1, and headings in order"
	! grep -o '<th[ >][^>]*' "$f" | grep -v 'scope="\(col\|row\)"' | grep -q .
	say $? "$n: every table header has a scope"
	tr '\n' ' ' < "$f" | grep -o '<svg[^>]*>[^<]*<title[^>]*>[^<][^<]*</title>[^<]*<desc[^>]*>[^<][^<]*</desc>' |
	    grep -c 'role="img" aria-labelledby=' > /tmp/a11y.$$ 2>/dev/null
	svg=$(grep -o '<svg' "$f" | wc -l)
	[ "$(cat /tmp/a11y.$$)" -eq "$svg" ]
	say $? "$n: every chart ($svg) is an image with a title and a text alternative"
	rm -f /tmp/a11y.$$
	! grep -o '<img[^>]*>' "$f" | grep -v ' alt="' | grep -q .
	say $? "$n: every image has alt text"
	! tr '\n' ' ' < "$f" | grep -o '<[a-zA-Z/!][^>]*>' |
	    grep -iq '<script\|<iframe\|<object\|<embed\|<link\|<img\|<base\| on[a-z]*=\|javascript:\| src=\|url('

	say $? "$n: no script, event handler or external fetch"
	# .rag-x{background:#RRGGBB;color:#RRGGBB}
	grep -o '\.rag-[a-z]{background:#[0-9a-fA-F]\{6\};color:#[0-9a-fA-F]\{6\}}' "$f" |
	    sed 's/.*background:#\(......\);color:#\(......\).*/\1 \2/' |
	    awk 'function hex(h,  i, c, v) { v = 0; h = tolower(h)
		    for (i = 1; i <= 2; i++) { c = index("0123456789abcdef", substr(h, i, 1)) - 1; v = v * 16 + c }
		    return v }
		function lin(v) { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ^ 2.4 }
		function lum(h) { return 0.2126 * lin(hex(substr(h, 1, 2))) + 0.7152 * lin(hex(substr(h, 3, 2))) + 0.0722 * lin(hex(substr(h, 5, 2))) }
		{ a = lum($1); b = lum($2); r = a > b ? (a + 0.05) / (b + 0.05) : (b + 0.05) / (a + 0.05)
		  n++; if (r < 4.5) { bad = 1; printf "# #%s on #%s: %.2f:1\n", $2, $1, r } }
		END { exit bad || n < 3 }'
	say $? "$n: every RAG colour (red, amber, green and the rest) contrasts at least 4.5:1 with its text"
done
exit $status
