package tui

import (
	"os"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// Messages the screens send up to the root model.
type (
	// startMsg leaves the welcome screen for the first question.
	startMsg struct{}
	// answeredMsg confirms the answer to question index.
	answeredMsg struct {
		index  int
		answer advisor.Answer
	}
	// backMsg leaves the current screen for the previous one.
	backMsg struct{}
	// showMsg switches to another screen.
	showMsg struct{ to screen }
	// editMsg opens question index for editing from the review screen.
	editMsg struct{ index int }
	// restartMsg clears every answer and goes back to the welcome screen.
	restartMsg struct{}
	// detailsMsg carries the engagement details typed in, and the screen
	// to go back to.
	detailsMsg struct {
		engagement advisor.Engagement
		back       screen
	}
	// scoredMsg carries a recommendation worked out off the update loop.
	scoredMsg struct {
		gen    int
		res    *advisor.Result
		err    error
		notice func(*advisor.Result) string
	}
	// exportedMsg reports the end of an export.
	exportedMsg struct {
		path    string
		err     error
		exists  bool
		answers bool           // the save screen wrote answers
		format  advisor.Format // the report's format
		// info is the file as written, to know it again.
		info os.FileInfo
		// saved and engagement are the answers and the client's details
		// the file holds (a report's are its result's).
		saved      advisor.Answers
		engagement advisor.Engagement
	}
)
