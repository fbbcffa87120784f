package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// styles holds every style the screens use, built once for a background
// (light or dark) and rebuilt only when the terminal reports another one.
// Meaning never rests on colour alone: bars use different glyphs per role,
// the cursor is a ›, chosen items are [x], so the program reads the same
// with NO_COLOR or on a 16-colour terminal.
type styles struct {
	isDark bool

	app       lipgloss.Style
	brand     lipgloss.Style
	header    lipgloss.Style
	title     lipgloss.Style
	headline  lipgloss.Style
	section   lipgloss.Style
	text      lipgloss.Style
	faint     lipgloss.Style
	accent    lipgloss.Style
	errorText lipgloss.Style
	success   lipgloss.Style
	selected  lipgloss.Style
	cursor    lipgloss.Style
	checked   lipgloss.Style
	pain      lipgloss.Style
	barEmpty  lipgloss.Style

	roles []lipgloss.Style // one per role, by role index (cycled)
	help  help.Styles
}

// roleGlyphs tell the roles apart in bars without colour.
var roleGlyphs = []string{"█", "▒", "▓", "░"}

func newStyles(isDark bool) *styles {
	ld := lipgloss.LightDark(isDark)
	c := func(light, dark string) color.Color { return ld(lipgloss.Color(light), lipgloss.Color(dark)) }

	fg := c("#1F1F1F", "#E4E4E4")
	faint := c("#6B6B6B", "#9A9A9A")
	accent := c("#B0127A", "#FF5FAF")
	errColor := c("#B00020", "#FF6B6B")
	okColor := c("#0B7A3B", "#5FD787")
	border := c("#C8C8C8", "#4E4E4E")

	s := &styles{isDark: isDark}
	s.app = lipgloss.NewStyle().Padding(0, 1)
	s.brand = lipgloss.NewStyle().Bold(true).Foreground(c("#FFFFFF", "#1F1F1F")).Background(accent).Padding(0, 1)
	s.header = lipgloss.NewStyle().Foreground(faint)
	s.title = lipgloss.NewStyle().Bold(true).Foreground(fg)
	s.headline = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.section = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.text = lipgloss.NewStyle().Foreground(fg)
	s.faint = lipgloss.NewStyle().Foreground(faint)
	s.accent = lipgloss.NewStyle().Foreground(accent)
	s.errorText = lipgloss.NewStyle().Foreground(errColor)
	s.success = lipgloss.NewStyle().Bold(true).Foreground(okColor)
	s.selected = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.cursor = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.checked = lipgloss.NewStyle().Foreground(okColor)
	s.pain = lipgloss.NewStyle().Bold(true).Foreground(c("#9A5B00", "#FFD75F"))
	s.barEmpty = lipgloss.NewStyle().Foreground(border)

	s.roles = []lipgloss.Style{
		lipgloss.NewStyle().Foreground(c("#5A3FD9", "#AF87FF")),
		lipgloss.NewStyle().Foreground(c("#00787A", "#5FD7D7")),
		lipgloss.NewStyle().Foreground(c("#A85A00", "#FFAF5F")),
		lipgloss.NewStyle().Foreground(c("#2E6B00", "#AFD75F")),
	}

	keyStyle := lipgloss.NewStyle().Foreground(c("#4A4A4A", "#BDBDBD"))
	descStyle := lipgloss.NewStyle().Foreground(faint)
	sepStyle := lipgloss.NewStyle().Foreground(border)
	s.help = help.Styles{
		Ellipsis: sepStyle, ShortKey: keyStyle, ShortDesc: descStyle, ShortSeparator: sepStyle,
		FullKey: keyStyle, FullDesc: descStyle, FullSeparator: sepStyle,
	}
	return s
}

// role returns the style of role i.
func (s *styles) role(i int) lipgloss.Style { return s.roles[i%len(s.roles)] }

func roleGlyph(i int) string { return roleGlyphs[i%len(roleGlyphs)] }
