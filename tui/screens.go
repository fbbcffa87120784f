package tui

// screen names a screen; each screen's file declares its own.
type screen string

func (s screen) String() string { return string(s) }

// registry lists every screen: how it is built, and whether it shows the
// result (and so cannot open before there is one). A new screen is its
// file, which names it and implements component, and one line here.
var registry = []struct {
	id          screen
	build       func(c *common, o Options) component
	needsResult bool
}{
	{screenWelcome, build(newWelcomeModel), false},
	{screenQuestion, build(newQuestionsScreen), false},
	// The results say so while the advice is being worked out.
	{screenResults, build(newResultsModel), false},
	{screenCompare, build(newCompareModel), true},
	{screenReview, build(newReviewModel), true},
	{screenExport, func(c *common, o Options) component { return newExportModel(c, o.ExportPath, o.Format) }, true},
	{screenSave, func(c *common, o Options) component { return newSaveModel(c, o.SavePath) }, false},
	{screenDetails, build(newDetailsModel), false},
	{screenTeam, build(newTeamModel), true},
}

// build is a registry constructor for a screen that needs only what every
// screen shares.
func build[T component](f func(*common) T) func(*common, Options) component {
	return func(c *common, _ Options) component { return f(c) }
}

// needsResult reports whether screen s shows the result.
func needsResult(s screen) bool {
	for _, r := range registry {
		if r.id == s {
			return r.needsResult
		}
	}
	return false
}
