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
	{screenWelcome, func(c *common, _ Options) component { return newWelcomeModel(c) }, false},
	{screenQuestion, func(c *common, _ Options) component { return newQuestionsScreen(c) }, false},
	// The results say so while the advice is being worked out.
	{screenResults, func(c *common, _ Options) component { return newResultsModel(c) }, false},
	{screenCompare, func(c *common, _ Options) component { return newCompareModel(c) }, true},
	{screenReview, func(c *common, _ Options) component { return newReviewModel(c) }, true},
	{screenExport, func(c *common, o Options) component { return newExportModel(c, o.ExportPath, o.Format) }, true},
	{screenSave, func(c *common, o Options) component { return newSaveModel(c, o.SavePath) }, false},
	{screenDetails, func(c *common, _ Options) component { return newDetailsModel(c) }, false},
	{screenTeam, func(c *common, _ Options) component { return newTeamModel(c) }, true},
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
