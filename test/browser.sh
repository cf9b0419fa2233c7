#!/bin/sh
# test/browser.sh: every HTML report of examples/ in a real browser.
# Each page is printed to PDF by headless Chromium and checked from the
# PDF (pdfinfo, pdftotext): every page A4; no page holding a lone line;
# for the tartan rug every indicator's column header and every authority
# present (nothing cut off the page).  On screen at 1280 px (and the
# calendar at 640 px too) the page is measured from inside: no horizontal
# overflow (document.documentElement.scrollWidth), no word broken across
# lines.  Screenshots and PDFs stay in $SE_BROWSER_OUT (default
# build/browser/) for people to look at.  Ends "N passed, N failed".
# usage: sh test/browser.sh      (make check-browser)
B=${SE_BUILD:-build}
PATH=$(pwd)/$B/bin:$PATH
export PATH LC_ALL=C TZ=UTC
unset NO_COLOR SE_FORMATS
out=${SE_BROWSER_OUT:-$B/browser}
pass=0 fail=0
say() {
	if [ "$1" = 0 ]; then
		echo "ok - $2"
		pass=$((pass + 1))
	else
		echo "not ok - $2"
		fail=$((fail + 1))
	fi
}
chrome=
for c in chromium chromium-browser google-chrome; do
	command -v "$c" >/dev/null 2>&1 && { chrome=$c; break; }
done
if [ -z "$chrome" ] || ! command -v pdftotext >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium \
		    poppler-utils >/dev/null 2>&1 ||
		    { apt-get update -qq >/dev/null 2>&1 &&
		    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		    chromium poppler-utils >/dev/null 2>&1; }
		chrome=chromium
	fi
fi
if ! command -v "${chrome:-chromium}" >/dev/null 2>&1 ||
    ! command -v pdftotext >/dev/null 2>&1; then
	echo "not ok - chromium and poppler-utils are needed (apt-get install chromium poppler-utils)"
	echo "0 passed, 1 failed"
	exit 1
fi
rm -rf "$out"
mkdir -p "$out" || exit 2
profile=$(mktemp -d) || exit 2
trap 'rm -rf "$profile"' EXIT
run_chrome() {
	timeout 120 "$chrome" --headless --no-sandbox --disable-gpu \
	    --user-data-dir="$profile" --no-pdf-header-footer \
	    --hide-scrollbars "$@" 2>/dev/null
}

# ---- the reports -----------------------------------------------------------
E=examples/anyshire/2018-19
I=examples/data/indicators.yaml
X=examples/data/extract-long.csv
N=examples/data/neighbours.csv
se-rag -i $I --by authority -F html -o "$out/rug.html" $X
se-rag -i $I --neighbours $N --by indicator --authority Anyshire -F html \
    -o "$out/rug-by-indicator.html" $X
se-rag -i $I --exceptions -F html -o "$out/exceptions.html" $X
se-rag -F html -o "$out/ratings.html" $E/summary.md
se-report -t summary -F html -o "$out/summary.html" $E/
se-report -t feedback -F html -o "$out/feedback.html" $E/review.yaml
se-report -t letter -F html -o "$out/letter.html" $E/review.yaml
se-report -t dashboard -F html -i $I --data $X --neighbours $N \
    --authority Anyshire -o "$out/dashboard.html" 2>/dev/null
se-report -t themes -F html -o "$out/themes.html" examples 2>/dev/null
se-report -t calendar -F html -o "$out/calendar.html" \
    examples/midshires/programme.yaml
se-report -t incidents -F html -o "$out/incidents.html" $E/review.yaml
se-report -t evaluation -F html -o "$out/evaluation.html" $E/review.yaml
se-report -t evaluation -F html -o "$out/evaluation-across.html" \
    $E/review.yaml test/fixtures/report/reviews-2018-19
se-plan --as-of 2019-06-30 -F html -o "$out/plan.html" $E/plan.yaml

# ---- print ----------------------------------------------------------------
# A4 is 595 x 842 points, either way up.
a4() {
	pdfinfo "$1" 2>/dev/null | awk '/^Page size:/ { w = $3; h = $5 }
	    END { if (!((w > 594 && w < 597 && h > 841 && h < 843) ||
		  (h > 594 && h < 597 && w > 841 && w < 843))) exit 1 }'
}
# The pages with a single line of text, or none.
lone_pages() {
	n=$(pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	p=1
	while [ "$p" -le "${n:-0}" ]; do
		k=$(pdftotext -layout -f "$p" -l "$p" "$1" - 2>/dev/null |
		    grep -c '[^[:space:]]')
		[ "$k" -le 1 ] && printf ' %s(%s line)' "$p" "$k"
		p=$((p + 1))
	done
}
for f in "$out"/*.html; do
	n=$(basename "$f" .html)
	run_chrome --print-to-pdf="$out/$n.pdf" "file://$(pwd)/$f"
	[ -s "$out/$n.pdf" ]
	say $? "$n: prints to PDF"
	a4 "$out/$n.pdf"
	say $? "$n: every page is A4 ($(pdfinfo "$out/$n.pdf" 2>/dev/null |
	    awk '/^Pages:/ { print $2 }') pages)"
	lone=$(lone_pages "$out/$n.pdf")
	[ -z "$lone" ]
	say $? "$n: no page holds only a lone line${lone:+:$lone}"
	pdftotext -layout "$out/$n.pdf" "$out/$n.txt" 2>/dev/null
done

# Every column header and every authority of the rug on paper.
missing=
for id in $(se-rag -i $I -F csv $X | cut -d, -f2 | sed 1d | sort -u); do
	grep -q -- "$id" "$out/rug.txt" || missing="$missing $id"
done
[ -z "$missing" ]
say $? "rug: every indicator's column is on paper${missing:+; missing:$missing}"
missing=
for a in $(se-rag -i $I -F csv $X | sed 1d | cut -d, -f1 | sort -u |
    tr ' ' '_'); do
	grep -q -- "$(echo "$a" | tr '_' ' ')" "$out/rug.txt" ||
	    missing="$missing $a"
done
[ -z "$missing" ]
say $? "rug: every authority is on paper${missing:+; missing:$missing}"

# ---- screen ----------------------------------------------------------------
# The page with a script that writes, into the DOM, how wide the page is
# and the words the browser broke across two lines.  (The reports carry a
# policy that forbids scripts; the copy measured drops it.)
cat > "$profile/probe.js" <<'EOF'
<script>addEventListener("load",function(){var b=[],w=document.createTreeWalker(document.body,NodeFilter.SHOW_TEXT),t,r=document.createRange();while((t=w.nextNode())){var s=t.data,re=/[^\s\-\/]+/g,m;while((m=re.exec(s))){r.setStart(t,m.index);r.setEnd(t,m.index+m[0].length);var q=r.getClientRects(),tops={},k=0;for(var i=0;i<q.length;i++){var y=Math.round(q[i].top);if(!tops[y]){tops[y]=1;k++}}if(k>1)b.push(m[0])}}var p=document.createElement("pre");p.id="se-probe";p.textContent="scrollWidth="+document.documentElement.scrollWidth+" broken="+b.length+" "+b.slice(0,5).join("|");document.body.appendChild(p)})</script>
EOF
measure() { # file width
	awk -v probe="$profile/probe.js" '/Content-Security-Policy/ { next }
	    /<\/body>/ { while ((getline l < probe) > 0) print l; close(probe) }
	    { print }' "$1" > "$out/probe.html"
	run_chrome --window-size="$2,900" --virtual-time-budget=5000 \
	    --dump-dom "file://$(pwd)/$out/probe.html" |
	    sed -n 's/.*<pre id="se-probe">\([^<]*\)<\/pre>.*/\1/p'
}
for f in "$out"/*.html; do
	n=$(basename "$f" .html)
	[ "$n" = probe ] && continue
	widths=1280
	[ "$n" = calendar ] && widths="1280 640"
	for w in $widths; do
		m=$(measure "$f" "$w")
		sw=$(echo "$m" | sed -n 's/^scrollWidth=\([0-9]*\).*/\1/p')
		[ -n "$sw" ] && [ "$sw" -le "$w" ]
		say $? "$n: fits a $w px window (scrollWidth ${sw:-unknown})"
		br=$(echo "$m" | sed -n 's/.* broken=\([0-9]*\).*/\1/p')
		[ "${br:-1}" = 0 ]
		say $? "$n: no word broken across lines at $w px${m:+ (${m#* broken=})}"
	done
	run_chrome --window-size=1280,2000 --screenshot="$out/$n.png" \
	    "file://$(pwd)/$f" >/dev/null
done
rm -f "$out/probe.html"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
