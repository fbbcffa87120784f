package tui

import tea "charm.land/bubbletea/v2"

// component is one screen of the program. The root model keeps one of
// each (see screens.go) and talks to them through this interface: it
// opens one, hands it the messages that are not the root's, asks it for
// its body, its header and its keys, and lays it out again when the size
// or the palette changes.
type component interface {
	// open readies the screen to be shown, coming from screen from: it
	// takes what it shows (the result, the answers, the client's
	// details) from common as they stand.
	open(from screen)
	// update handles a message. up is a message for the root model (nil
	// when there is none), handled in the same Update before the next key
	// is read, so that fast typing or a paste never reaches the wrong
	// screen.
	update(msg tea.Msg) (cmd tea.Cmd, up tea.Msg)
	// body is the screen's part of the frame: at most h lines, each
	// already wrapped to the content width.
	body(h int) []string
	// header is the context shown next to the program's name, and a
	// status for the right of the header line ("1–20 of 34"), if any.
	header() (title, status string)
	// help lists the keys the footer shows.
	help() helpKeys
	// typing says whether typed keys are text for a field rather than
	// commands.
	typing() typing
	// refuses reports, before any work, that a key changes nothing on
	// the screen (see refuser), so that the root drops it.
	refuses(km tea.KeyPressMsg) bool
	// relayout renders the screen again for a new size or palette.
	relayout()
}

// typing is how a screen takes the keys people type.
type typing int

const (
	typingNone   typing = iota // keys are commands (q quits, ? helps)
	typingNumber               // a number field: letters are text, ? is still help
	typingText                 // free text: every printable key is text
)

// scrolling is a component whose body scrolls: the root gives it the
// height left by the header and the footer, which is all a help toggle
// changes.
type scrolling interface {
	setHeight(h int)
}
