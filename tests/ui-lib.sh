# ui-lib.sh: drive luot's interface in tmux, as a person would: start it in
# a private tmux server of a fixed size, type with send-keys, read the
# screen with capture-pane. Sourced after lib.sh. No fixed sleeps: every
# wait polls the screen for what should appear.

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP no tmux"
	exit 0
fi

# The tmux socket of the current run, in a file: tests run in subshells.
echo "luot-t$$-0" >"$T/ui-sock"
trap 'ui_tmux kill-server 2>/dev/null; rm -rf "$T"' EXIT

ui_tmux() {
	tmux -L "$(cat "$T/ui-sock")" "$@"
}

# ui_start COLS ROWS ARGS...: luot ARGS in a fresh tmux window. The
# environment is the test's (LC_ALL, HOME, XDG dirs); TERM is screen's;
# UI_ENV adds NAME=value words (no spaces in them) for luot alone.
ui_start() {
	cols=$1 rows=$2
	shift 2
	# A new server each time: starting one right after killing another
	# on the same socket races.
	ui_tmux kill-server 2>/dev/null || true
	n=$(sed "s/.*-//" "$T/ui-sock")
	echo "luot-t$$-$((n + 1))" >"$T/ui-sock"
	printf '%s\n' "$@" >"$T/ui-args"
	# A script file: arguments with spaces survive, and the exit status is
	# kept for ui_exit_status.
	{
		echo "cd '$T'"
		printf 'exec 2>"%s/ui-stderr"\n' "$T"
		printf '"%s"' "$LUOT"
		for a in "$@"; do printf " '%s'" "$a"; done
		printf '\necho $? >"%s/ui-status"\nsleep 600\n' "$T"
	} >"$T/ui-run.sh"
	rm -f "$T/ui-status"
	ui_tmux -f /dev/null new-session -d -x "$cols" -y "$rows" \
		"env LC_ALL='${UI_LC_ALL:-$LC_ALL}' ${UI_ENV:-} TERM='${UI_TERM-screen}' HOME='$HOME' \
		XDG_DATA_HOME='$XDG_DATA_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' sh '$T/ui-run.sh'"
	ui_tmux set-option -g status off >/dev/null
}

# ui_screen: the screen as text.
ui_screen() {
	ui_tmux capture-pane -p
}

# ui_body: the screen without the key-hint bar, the status and the
# message lines (the three at the bottom).
ui_body() {
	ui_screen | head -n -3
}

# ui_screen_attrs: the screen with its attributes as escape sequences.
ui_screen_attrs() {
	ui_tmux capture-pane -p -e
}

# ui_until SECONDS WHAT COMMAND...: run COMMAND every 50 ms until it
# succeeds; after SECONDS, say what was awaited, show the screen, fail.
ui_until() {
	limit=$(($1 * 20)) what=$2 tries=0
	shift 2
	while [ $tries -lt $limit ]; do
		if "$@"; then
			return 0
		fi
		sleep 0.05
		tries=$((tries + 1))
	done
	echo "timed out waiting for $what" >&2
	ui_screen >&2
	return 1
}

screen_has() {
	ui_screen | grep -qF -- "$1"
}

screen_lacks() {
	! screen_has "$1"
}

status_matches() {
	ui_status_line | grep -q -- "$1"
}

# ui_wait TEXT [SECONDS]: until the screen shows TEXT (a fixed string).
ui_wait() {
	ui_until "${2:-5}" "$1" screen_has "$1"
}

# ui_wait_gone TEXT [SECONDS]: until the screen no longer shows TEXT.
ui_wait_gone() {
	ui_until "${2:-5}" "this to go: $1" screen_lacks "$1"
}

# ui_keys KEY...: tmux key names (Enter, Escape, C-n, j...).
ui_keys() {
	ui_tmux send-keys "$@"
}

# ui_type TEXT: literal text, as typed.
ui_type() {
	ui_tmux send-keys -l -- "$1"
}

# ui_resize COLS ROWS
ui_resize() {
	ui_tmux resize-window -x "$1" -y "$2"
}

# ui_exit_status: wait for luot to end; print its exit status.
ui_exit_status() {
	i=0
	while [ ! -s "$T/ui-status" ] && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	cat "$T/ui-status"
}

# ui_status_raw: the status line (second to last line of the screen).
ui_status_raw() {
	ui_screen | tail -n 2 | head -n 1
}

# ui_status_line: the same without the key for the help at its right end
# ("?: help", "F1: trợ giúp"), so that a pattern can end with what the
# status says.
ui_status_line() {
	ui_status_raw | sed 's/  *\(?\|F1\): \(help\|trợ giúp\)$//'
}

# ui_wait_status REGEX [SECONDS]: until the status line matches REGEX.
ui_wait_status() {
	ui_until "${2:-5}" "the status line to match $1" status_matches "$1"
}

# ui_settle: wait until two captures a little apart are the same (the
# interface has drawn what it had to draw).
ui_settle() {
	prev=$(ui_screen)
	i=0
	while [ $i -lt 40 ]; do
		sleep 0.05
		cur=$(ui_screen)
		[ "$cur" = "$prev" ] && return 0
		prev=$cur
		i=$((i + 1))
	done
}
