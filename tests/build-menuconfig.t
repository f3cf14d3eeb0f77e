#!/usr/bin/env bash
# `make menuconfig` driven through tmux: toggle the app's option, save.
source "$(dirname "$0")/lib/tap.sh"
plan 4

cp -r "$KILN/tests/fixtures/twofiles" "$TMP/app"
s=kiln-menuconfig-$$
screen() { tmux capture-pane -p -t "$s"; }
# wait_for REGEX: poll the screen for up to 10 s.
wait_for() {
	local i
	for ((i = 0; i < 100; i++)); do
		screen | grep -Eq -- "$1" && return 0
		sleep 0.1
	done
	return 1
}
trap 'tmux kill-session -t "$s" 2>/dev/null || true; rm -rf "$TMP"' EXIT

tmux new-session -d -s "$s" -x 120 -y 40 \
	"make -s -C '$KILN' A='$TMP/app' O='$TMP/build' menuconfig; echo \$? > '$TMP/rc'"
wait_for 'Application +--->' && tap_r=0 || tap_r=1
ok "$tap_r" "menuconfig shows the main menu"
tmux send-keys -t "$s" Down Down Down Down Enter
wait_for '\[ \] Zebra feature of the test app' && tap_r=0 || tap_r=1
ok "$tap_r" "the app's option is shown, off"
tmux send-keys -t "$s" y
wait_for '\[\*\] Zebra feature of the test app' || true
tmux send-keys -t "$s" Escape Escape
sleep 0.5
tmux send-keys -t "$s" Escape Escape
wait_for 'save your new configuration' && tmux send-keys -t "$s" Enter
for ((i = 0; i < 100; i++)); do [ -f "$TMP/rc" ] && break; sleep 0.1; done
is "$(cat "$TMP/rc" 2>/dev/null)" 0 "menuconfig exits 0 after saving"
grep -q '^CONFIG_APPTWOFILES_FOO=y' "$TMP/app/.config" && tap_r=0 || tap_r=1
ok "$tap_r" ".config has the option turned on"
