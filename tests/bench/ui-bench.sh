#!/bin/sh
# ui-bench.sh DB: the interface's figures on the database DB, measured by
# luot itself (LUOT_UI_TRACE) while tmux types at it one key at a time:
#   - first screen: from the process start to the first screen drawn;
#   - a scroll key (j, PgDn, k) until the screen is redrawn;
#   - search as you type: each key until its hits are on the screen;
#   - peak RSS of the whole run.
# Prints one table; with BENCH_VALUES=1, "= key value" lines as well (for
# tests/bench/report.sh). Needs tmux.
set -eu

db=$1
LUOT=${LUOT:-src/luot}
# BENCH_TRACE=FILE keeps the raw timings.
trace=${BENCH_TRACE:-$(mktemp)}
sock="luot-bench-$$"
# The server may be gone already: under set -e a failing trap would set
# the exit status.
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; [ -n "${BENCH_TRACE:-}" ] || rm -f "$trace"' EXIT

command -v tmux >/dev/null || { echo "ui-bench: needs tmux" >&2; exit 1; }
[ -f "$db" ] || { echo "ui-bench: no database $db" >&2; exit 1; }

tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 40 \
	"env LC_ALL=C.UTF-8 TERM=screen LUOT_UI_TRACE='$trace' '$LUOT' --db '$db'; sleep 2"

# lines_now: keys timed so far.
lines_now() {
	# grep -c fails (status 1) on a count of 0: not an error here.
	n=$(grep -c "^key" "$trace" 2>/dev/null || true)
	echo "${n:-0}"
}

# wait_lines N: until the trace has N lines (10 s at most).
wait_lines() {
	tries=0
	while [ "$(lines_now)" -lt "$1" ] && [ $tries -lt 2000 ]; do
		sleep 0.005
		tries=$((tries + 1))
	done
}

# key K...: send each key and wait for luot to have drawn its effect.
key() {
	for k in "$@"; do
		n=$(lines_now)
		tmux -L "$sock" send-keys "$k"
		wait_lines $((n + 1))
	done
}

# type TEXT: as a person types, one character every 120 ms or so, so that
# luot's idle work (ranking the hits) runs between keys and a key may come
# in the middle of it.
type_text() {
	# grep -o . splits into characters, not bytes, in a UTF-8 locale.
	printf '%s\n' "$1" | LC_ALL=C.UTF-8 grep -o . | while IFS= read -r c; do
		n=$(lines_now)
		tmux -L "$sock" send-keys -l -- "${c:- }"
		wait_lines $((n + 1))
		sleep 0.12
	done
}

wait_lines 1
# The counts and place in the list come when idle: let them.
sleep 1
# (Loops count with their own variable: the helpers use "tries".)
for n in $(seq 200); do key j; done
for n in $(seq 40); do key PgDn; done
for n in $(seq 100); do key k; done
key /
for q in "dan van kheo" "nuoc sach" "hòa bình" "thuy loi" "công tác dân vận" "da nang" \
	"lu lut" "tỉnh ủy" "dân*" "\"dân vận khéo\""; do
	type_text "$q"
	key C-u
done
key Escape
# luot quits on q without timing it: waiting for its line would only run
# out the 10 s of wait_lines.
tmux -L "$sock" send-keys q
tries=0
while ! grep -q maxrss "$trace" && [ $tries -lt 400 ]; do sleep 0.01; tries=$((tries + 1)); done

awk -v values="${BENCH_VALUES:-}" '
function pct(a, n, p,   k) { k = int(n * p); if (k >= n) k = n - 1; return a[k] }
function sort(a, n,   i, j, t) {
	for (i = 1; i < n; i++) { t = a[i]; for (j = i - 1; j >= 0 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
}
/^first-screen/ { first = $2 }
/^key \/ / { searching = 1; next }
/^key/ {
	if (searching) { if ($2 != "/" && $2 != "Esc" && $2 != "C-u" && $2 != "q") s[ns++] = $3 }
	else if ($2 == "j" || $2 == "k" || $2 == "PgDn") m[nm++] = $3
}
/^idle/ { if (searching) r[nr++] = $2 }
/^maxrss-kb/ { rss = $2 }
END {
	sort(m, nm); sort(s, ns); sort(r, nr)
	printf "| first screen | %.1f ms |\n", first
	printf "| scroll key, p50 / p99 (%d keys) | %.2f / %.2f ms |\n", nm, pct(m, nm, 0.5), pct(m, nm, 0.99)
	printf "| search keystroke, p50 / p99 (%d keys) | %.1f / %.1f ms |\n", ns, pct(s, ns, 0.5), pct(s, ns, 0.99)
	printf "| hits ranked after typing stops, p50 / p99 (%d) | %.1f / %.1f ms |\n", nr, pct(r, nr, 0.5), pct(r, nr, 0.99)
	printf "| peak RSS | %.1f MB |\n", rss / 1024
	if (values) {
		printf "= ui_first_ms %.1f\n", first
		printf "= ui_scroll_n %d\n= ui_scroll_p50 %.2f\n= ui_scroll_p99 %.2f\n", nm, pct(m, nm, 0.5), pct(m, nm, 0.99)
		printf "= ui_key_n %d\n= ui_key_p50 %.1f\n= ui_key_p99 %.1f\n", ns, pct(s, ns, 0.5), pct(s, ns, 0.99)
		printf "= ui_rank_p50 %.1f\n= ui_rank_p99 %.1f\n", pct(r, nr, 0.5), pct(r, nr, 0.99)
		printf "= ui_rss_mb %.1f\n", rss / 1024
	}
}' "$trace"
