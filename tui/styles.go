package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// styles holds every style the screens use, built once for a background
// (light or dark) and rebuilt only when the terminal reports another one.
// Meaning never rests on colour alone: bars use different glyphs per role,
// the cursor is a ›, chosen items are [x], so the program reads the same
// with NO_COLOR or on a 16-colour terminal.
type styles struct {
	isDark  bool
	profile colorprofile.Profile

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

// pick is one colour for each profile and background: the 16 ANSI
// colours, the 256-colour palette and true colour, on light and dark.
// Each profile gets colours chosen for it, not the nearest to a true
// colour: in 16 colours the highlight, the headings and the errors would
// otherwise all come out bright red, and in 256 colours pink and red
// (205, 203) look alike.
type pick struct {
	ansi, ansi256 [2]uint8  // light, dark
	hex           [2]string // light, dark
}

func (p pick) color(isDark bool, profile colorprofile.Profile) color.Color {
	i := 0
	if isDark {
		i = 1
	}
	switch profile {
	case colorprofile.ANSI:
		return lipgloss.ANSIColor(p.ansi[i])
	case colorprofile.ANSI256:
		return lipgloss.ANSIColor(p.ansi256[i])
	default:
		// True colour; with no colour at all the output drops it anyway.
		return lipgloss.Color(p.hex[i])
	}
}

// The palette. Errors are red in every profile, the highlight (the brand,
// headings, the selected option) magenta, warnings yellow, and the roles
// blue, cyan, orange and green: no two of them alike in any profile.
var (
	paletteFg      = pick{[2]uint8{0, 7}, [2]uint8{235, 254}, [2]string{"#1F1F1F", "#E4E4E4"}}
	paletteFaint   = pick{[2]uint8{8, 8}, [2]uint8{242, 246}, [2]string{"#6B6B6B", "#9A9A9A"}}
	paletteAccent  = pick{[2]uint8{5, 13}, [2]uint8{90, 205}, [2]string{"#B0127A", "#FF5FAF"}}
	paletteError   = pick{[2]uint8{1, 9}, [2]uint8{160, 196}, [2]string{"#B00020", "#FF6B6B"}}
	paletteOK      = pick{[2]uint8{2, 10}, [2]uint8{28, 78}, [2]string{"#0B7A3B", "#5FD787"}}
	palettePain    = pick{[2]uint8{3, 11}, [2]uint8{130, 221}, [2]string{"#9A5B00", "#FFD75F"}}
	paletteBorder  = pick{[2]uint8{7, 8}, [2]uint8{251, 239}, [2]string{"#C8C8C8", "#4E4E4E"}}
	paletteBrandFg = pick{[2]uint8{15, 0}, [2]uint8{231, 234}, [2]string{"#FFFFFF", "#1F1F1F"}}
	paletteHelpKey = pick{[2]uint8{8, 7}, [2]uint8{239, 250}, [2]string{"#4A4A4A", "#BDBDBD"}}
	paletteRoles   = []pick{
		{[2]uint8{4, 12}, [2]uint8{62, 141}, [2]string{"#5A3FD9", "#AF87FF"}},
		{[2]uint8{6, 14}, [2]uint8{30, 80}, [2]string{"#00787A", "#5FD7D7"}},
		{[2]uint8{3, 3}, [2]uint8{130, 215}, [2]string{"#A85A00", "#FFAF5F"}},
		{[2]uint8{2, 2}, [2]uint8{64, 149}, [2]string{"#2E6B00", "#AFD75F"}},
	}
)

func newStyles(isDark bool, profile colorprofile.Profile) *styles {
	c := func(p pick) color.Color { return p.color(isDark, profile) }

	fg := c(paletteFg)
	faint := c(paletteFaint)
	accent := c(paletteAccent)
	errColor := c(paletteError)
	okColor := c(paletteOK)
	border := c(paletteBorder)

	s := &styles{isDark: isDark, profile: profile}
	s.app = lipgloss.NewStyle().Padding(0, 1)
	s.brand = lipgloss.NewStyle().Bold(true).Foreground(c(paletteBrandFg)).Background(accent).Padding(0, 1)
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
	s.pain = lipgloss.NewStyle().Bold(true).Foreground(c(palettePain))
	s.barEmpty = lipgloss.NewStyle().Foreground(border)

	for _, p := range paletteRoles {
		s.roles = append(s.roles, lipgloss.NewStyle().Foreground(c(p)))
	}

	keyStyle := lipgloss.NewStyle().Foreground(c(paletteHelpKey))
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
