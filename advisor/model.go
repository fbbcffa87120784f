package advisor

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Role is one kind of leader the advisor can recommend.
type Role struct {
	ID    string
	Title string // "Chief Operating Officer"
	Short string // "COO"; the title when the file gives none
	// Advice is the recommendation as words in a sentence ("the advice
	// would be a Chief Operating Officer", "... no new operations leader
	// yet"); Headline the recommendation on its own ("Hire a Chief
	// Operating Officer").
	Advice           string
	Headline         string
	Summary          string
	Responsibilities []Responsibility
	FitsWhen         []string
	WorksWith        string
	BeforeHiring     Texts // points to weigh before hiring this role (optional)
	// Secondary roles are shown beside the others only when the width
	// allows it, on request, or when they are recommended: the COO and the
	// Operations Director stay the heart of the comparison.
	Secondary bool
	// AlsoPlan says which other roles to plan for when this one is
	// recommended and the other's own evidence is strong.
	AlsoPlan []AlsoPlan
	// Brief is what a client receives about the role when it is
	// recommended (empty when the roles file gives none).
	Brief RoleBrief
}

// RoleBrief describes the role for a client who is about to hire it.
// Most of its texts are conditional (Texts): each says when it applies,
// so that a brief follows the client's answers.
type RoleBrief struct {
	// Title heads the role's part of the brief ("The role: COO" when not
	// given).
	Title string
	// Decision is the step as the decision a client takes: "hire an
	// Operations Director" ("The decision: whether to hire an Operations
	// Director or to bring in a fractional COO").
	Decision string
	// Case is what the answers call for, after the factors that weigh
	// most: "call for a full-time leader of operations under the CEO".
	Case          Texts
	Mission       Texts // the first that holds
	ReportingLine string
	// Manager is who the role reports to and who keeps the decisions the
	// role does not own: "CEO" unless a variant says otherwise.
	Manager string
	// Owner is who owns the decisions the role owns, when that is not the
	// role itself: "the leader in post" for no new leader. "" for the
	// role's title.
	Owner string
	// Variants change the reporting line and the manager for some answers
	// (an Operations Director reports to the COO where there is one); the
	// first that holds applies.
	Variants []BriefVariant
	// InPost says what happens to the leaders already in post: the
	// Director who will report to the new COO, an internal candidate.
	InPost   Texts
	CEOKeeps Texts // decision rights the CEO (the manager) keeps
	RoleOwns Texts // decision rights the new leader owns
	// Covers lists other roles' responsibilities the role takes on (a
	// fractional COO covers every pain, part-time).
	Covers []string
	// HandOff says who takes a pain the role does not cover: the first
	// that holds for the pain's owner role.
	HandOff   []HandOff
	Periods   []PeriodPlan // the first 90 days
	Measures  Texts        // success measures, after those of the client's pains
	NextSteps Texts        // what the client does next
	// RevisitWhen lists what would make another step the right one later
	// (no new leader now: a hire once the CEO is swamped again).
	RevisitWhen Texts
	// Cost is the role's cost where no market gives one (a user's roles
	// file without markets).
	Cost      Figure
	Effect    Figure // time to full effect
	Scorecard Scorecard
	// where covers is, for messages
	coversLine int
	coversPath string
}

// HandOff names who takes on a client's pain that the role does not
// cover: "the CEO, who keeps the strategy".
type HandOff struct {
	OwnerOf string   // the role whose responsibility it is ("" for any)
	Pains   []string // the responsibilities it is for (none: every one)
	// Remit, instead of To, takes the pain into the role's own remit,
	// saying what the role does about it (an agency's Director staffs the
	// client work).
	Remit string
	line  int
	To    string
	If    Condition
}

// Scorecard is the role in the one-page comparison of the options: a
// short cell each, the first text that holds (the risks listed the most
// particular first).
type Scorecard struct {
	Remit, ReportsTo, Decides, Effect, Reversible, Risks Texts
}

// BriefVariant is the reporting line and the manager of a role brief
// for the answers its condition fits.
type BriefVariant struct {
	If            Condition
	ReportingLine string
	Manager       string
	Owner         string
}

// PeriodPlan is one stage of the first 90 days as the roles file gives
// it; a brief fills it in (Period).
type PeriodPlan struct {
	Days    string // "1-30"
	Title   string
	Actions Texts
	// FromPains is how many of the client's pains lead this period with
	// their responsibility's action (before Actions).
	FromPains int
	// WithoutPains are the actions that take the pains' place when none
	// of the client's pains gives one (they would repeat them otherwise).
	WithoutPains Texts
}

// Period is one stage of the first 90 days in a brief.
type Period struct {
	Days    string
	Title   string
	Actions []string
}

// Figure is a second-hand range: a cost or a duration, where it holds,
// and where it comes from.
type Figure struct {
	Range  string
	Region string
	Source string
}

// AlsoPlan is a second hire to plan for next to the recommended role.
type AlsoPlan struct {
	Role      int    // index of the other role
	MinPoints Points // the other role's points from which the plan is shown
	// Factors, when given, limit the points that count to those factors'
	// questions: the other role's own evidence, not its share of the size.
	Factors []string
	// MinConfidence is the confidence the recommendation needs first: a
	// close call already weighs the other role in its own words.
	MinConfidence float64
	// Text is the plan in words, the first that holds: "Hire the COO
	// first, then an Operations Director under them".
	Text Texts
	Why  string
}

// Responsibility is one thing a role owns. Its id is stable: pain points
// in answers files refer to it.
type Responsibility struct {
	ID          string
	Name        string
	Description string
	// Action is what the new leader does about it in the first 90 days
	// when it is one of the client's pains; Measure how success shows in
	// the first year: the first text that holds for the client (a project
	// business measures delivery, not cost per unit). Both optional.
	Action  Texts
	Measure Texts
	// If limits where the responsibility is offered as part of the role
	// (no new leader's outsourced services: not for a large company).
	If Condition
}

// Factor groups questions for the per-factor scores (size, complexity...).
type Factor struct {
	ID          string
	Title       string
	Description string
	// Phrase names the factor in a client's sentence: "the company's
	// size" ("Why: the company's size and the pains it names call for...").
	Phrase string
}

// Question is one question of the questionnaire, with the weights its
// answers give to each role.
type Question struct {
	ID     string
	Factor string
	Title  string // short name: "Employees", "Growth"
	Prompt string
	Why    string // one line: why we ask
	Help   string // optional: how to answer
	// Detail is more about the question, shown only on request (? in the
	// program, help in plain mode): what would steer the answer if shown
	// with it, such as which role each pain points to.
	Detail string
	Kind   Kind

	// Statement is an integer question's answer as a sentence, with
	// {value} and {unit}: "The company has {value} {unit}".
	Statement string

	// Integer questions.
	Unit     string // plural noun for sentences: "employees"
	UnitOne  string // singular: "employee"; Unit when the file gives none
	Min, Max int
	Bands    []Band

	// Choice and multi-choice questions.
	Options []Option
	None    Option // multi-choice: label and weights of an empty answer

	// Cap is the most points one role can get from this question (0: no
	// cap). It keeps a list of ticked pains from outweighing the shape of
	// the company.
	Cap Points

	// Scale lessens what the question gives some roles when other
	// answers hold: with a leader in post, the company's size is no
	// reason to add another. The first rule that holds for a role
	// applies, before the cap.
	Scale []ScaleRule
	// MattersWhen limits where the answer is worth stating in a brief:
	// who runs the sites says nothing about a single site.
	MattersWhen Condition
	// Ordered marks a choice whose options lie on a scale (low, medium,
	// high): a team's answers meet at their median, not the most common.
	Ordered bool
	// Fact marks a question whose answer is a fact to check (headcount,
	// sites, who leads operations), not a perception: a team's brief
	// shows who said what.
	Fact bool
	// Self names the roles (as respondents give engagement.role: "CEO")
	// whose holder answers about themselves here: a team's brief calls
	// out such a holder who rates themself unlike everyone else.
	Self []string
	// Discuss is the question a facilitator asks to open a team's
	// discussion of this one ("What does the payroll say?").
	Discuss string
	// listShare is Scoring.Team.ListShare in hundredths, for a team's
	// merged lists (see sharedParts).
	listShare Points

	// Default is used when an answers file leaves the question out; nil
	// means the question must be answered.
	Default *Answer

	optionIndex map[string]int // value -> index in Options
}

// Part is what one band or option says: the points its answer gives the
// roles, the roles it rules out, the notes it brings up, and why.
type Part struct {
	Label    string
	Weights  Weights
	Notes    Notes
	RulesOut []Rule
	// Statement is the answer as a sentence for the client ("The company
	// grows fast, over 30% a year"); "" for the question's own.
	Statement string
	Why       string // one line: why the answer gives these points
	Source    string // where the reasoning comes from, second-hand, if anywhere
	// NoLever marks an answer that "what would change the advice" never
	// offers: one a client could neither make true nor be wrong about.
	NoLever bool
	Line    int // where it is defined
}

// ScaleRule scales the points a question gives some roles when its
// condition holds on the other answers.
type ScaleRule struct {
	If     Condition
	Roles  []int  // the roles it scales (every role when the file names none)
	Share  Points // the share that still counts, in hundredths: 0 to 100
	Why    string // why, for the client and the appendix
	Source string // where that reasoning comes from, second-hand
	Line   int
}

// Rule rules a role out whenever the answer it belongs to is given.
type Rule struct {
	Role   int    // index of the role ruled out
	Reason string // shown with the result, in plain words
	Source string
	Line   int
}

// Band is a range of integer answers that score alike.
type Band struct {
	Min, Max int
	Part
}

// Option is one allowed value of a choice or multi-choice question.
type Option struct {
	Value string
	Part
	// Range is the span of percentages the option stands for, when it
	// stands for one: an answer of "25%" picks the option holding 25.
	Range PercentRange
	// Unless lists options of the same multi-choice question whose being
	// chosen too cancels this option's points ("an Operations Director
	// points to a COO only when there is no COO").
	Unless []int
	// OffScale marks a choice that is no point on the question's scale
	// ("Not given" for revenue): a team's spread of answers leaves it out.
	OffScale bool

	unlessNode *yaml.Node // while loading: the values Unless names
}

// PercentRange is a span of percentages an option stands for. Each end
// may be open (no bound), and each bound includes its value or not: from
// 10 (10 included) or over 10 (10 not included); below 30 (not included)
// or up to 30 (included).
type PercentRange struct {
	Lo, Hi       float64
	HasLo, HasHi bool
	LoExcluded   bool // "over": Lo itself is not in the range
	HiIncluded   bool // "upto": Hi itself is in the range
}

func (r PercentRange) holds(p float64) bool {
	if !r.HasLo && !r.HasHi {
		return false
	}
	if r.HasLo && (p < r.Lo || p == r.Lo && r.LoExcluded) {
		return false
	}
	if r.HasHi && (p > r.Hi || p == r.Hi && !r.HiIncluded) {
		return false
	}
	return true
}

// endsBefore reports whether every value of r is below every value of b.
func (r PercentRange) endsBefore(b PercentRange) bool {
	if !r.HasHi || !b.HasLo {
		return false
	}
	return r.Hi < b.Lo || r.Hi == b.Lo && (!r.HiIncluded || b.LoExcluded)
}

// Notes holds, per role index, what to tell the user when an answer was
// given and that role is recommended ("" for nothing); nil when none.
type Notes []string

// For returns the note for role i, or "".
func (n Notes) For(i int) string {
	if i < len(n) {
		return n[i]
	}
	return ""
}

// Points are scores in hundredths of a point: weights have at most two
// decimals, so that sums, leads and ties are exact.
type Points int64

// pointScale is one point.
const pointScale = 100

// Float is the points as a number (1.5 for 150 hundredths).
func (p Points) Float() float64 { return float64(p) / pointScale }

// String writes the points without trailing zeros: 3, 1.5, 0.25.
func (p Points) String() string {
	neg := p < 0
	if neg {
		p = -p
	}
	s := strconv.FormatInt(int64(p/pointScale), 10)
	if frac := p % pointScale; frac != 0 {
		f := fmt.Sprintf("%02d", frac)
		s += "." + strings.TrimRight(f, "0")
	}
	if neg {
		return "-" + s
	}
	return s
}

// Weights holds the points an answer gives each role, indexed like
// Definitions.Roles.
type Weights []Points

// Scoring holds the numbers that turn scores into advice and its
// explanation. They are declared in the questions file.
type Scoring struct {
	// FullLead is the lead, in points, that reads as a confidence of 100%.
	FullLead Points
	// Confidence words, from the smallest lead up: a lead below Below[i]
	// (as a share of FullLead) reads as Words[i]; the last word has no
	// bound. A lead of 0 is a tie.
	Confidence []ConfidenceStep
	// CloseCall is the confidence under which the report warns that the
	// runner-up is close.
	CloseCall float64
	// TurnsOn says which changes of a single answer the advice turns on:
	// advice that such a change would flip is never called more than the
	// first confidence word.
	TurnsOn TurnsOnRule
	// What would change the advice: integer answers are tried from
	// Shrink to Grow times today's answer, choices up to OptionSteps
	// places away, lists with up to Toggles values added or removed; at
	// most MaxChanges are listed.
	Shrink, Grow float64
	OptionSteps  int
	Toggles      int
	MaxChanges   int
	// Reasons is how many reasons each side lists before "and N smaller
	// points".
	Reasons int
	// Team is how several people's answers become the team's.
	Team TeamScoring
}

// TeamScoring says how a team's answers are merged, and which of its
// differences are worth a discussion.
type TeamScoring struct {
	// ListShare is the share of the team that must name a list value for
	// its rules to hold in the team's answers (0.5: half); its points
	// count by the share that named it, whatever it is.
	ListShare float64
	// Majority is the share of the team whose own answers must reach one
	// outcome for the brief's headline to be it (two thirds).
	Majority float64
	// Agenda is the most items a facilitator's agenda lists.
	Agenda int
	// Spread is how many bands or options apart answers must be to be a
	// disagreement in their own right.
	Spread int
	// CampShare is the share of the team each side of such a gap must
	// hold for the answers to be a split into two camps (1, 1, 5, 5).
	CampShare float64
	// MaxListed is how many disagreements a brief lists before "and N
	// smaller differences".
	MaxListed int
}

// TurnsOnRule bounds the changes of one answer that count as doubts the
// advice turns on: no more than Steps away (bands, options, list values),
// and for a number, to a value within Numbers (a share) of today's answer,
// or one more or fewer. Steps 0: none counts.
type TurnsOnRule struct {
	Steps   int
	Numbers float64
}

// ConfidenceStep is one word for a range of confidence.
type ConfidenceStep struct {
	Below float64 // 0 for the last step
	Word  string
	// Meaning says what the word means for the client, with
	// {recommended} and {runner_up} for the two options' names: "Most
	// answers favour {recommended} over {runner_up}".
	Meaning string
}

// defaultScoring is used when a questions file has no scoring section. The
// built-in file declares every one of these numbers itself.
func defaultScoring() Scoring {
	return Scoring{
		FullLead: 10 * pointScale,
		Confidence: []ConfidenceStep{
			{Below: 0.15, Word: "a close call"}, {Below: 0.35, Word: "moderate"}, {Below: 0.6, Word: "clear"}, {Word: "strong"},
		},
		CloseCall: 0.15, TurnsOn: TurnsOnRule{Steps: 1, Numbers: 0.25}, Shrink: 0.5, Grow: 2, OptionSteps: 1, Toggles: 3, MaxChanges: 5, Reasons: 5,
		Team: TeamScoring{ListShare: 0.5, Majority: 0.666, Agenda: 5, Spread: 2, CampShare: 0.3, MaxListed: 8},
	}
}

// Definitions is a validated set of roles and questions.
type Definitions struct {
	Roles     []Role
	Factors   []Factor
	Questions []Question
	Scoring   Scoring
	// Markets say what the roles cost, country by country; the first is
	// the default.
	Markets []Market
	// Caveats are points to weigh before deciding, whatever the role,
	// each where its condition holds (a heavily regulated company that
	// names unassessed risk: the board's matter now).
	Caveats Texts
	// TieOrder ranks the roles for ties, cheaper and more reversible
	// first: TieOrder[i] is role i's rank.
	TieOrder []int
	// LeftOut lists the role ids built-in questions give points to that a
	// user's roles file does not define: their points, rules and plans are
	// left out.
	LeftOut []string
	// NoAdvice names answers whose rules, with a user's roles file and the
	// built-in questions, would rule out every role the file defines
	// ("employees \"fewer than 10\"..."); such answers get no advice. ""
	// when there are none.
	NoAdvice string

	lenient bool
	// builtInRoles is set when the built-in roles meet a user's own
	// questions: their conditions on questions not asked never hold.
	builtInRoles bool
	// scaledBy[i] is set when another question's scale rule reads
	// question i's answer: changing it moves their points too.
	scaledBy      []bool
	roleIndex     map[string]int
	questionIndex map[string]int
	factorIndex   map[string]int
	respOwner     map[string][2]int // responsibility id -> role, index
}

// Role returns the role with the given id.
func (d *Definitions) Role(id string) (*Role, bool) {
	i, ok := d.roleIndex[id]
	if !ok {
		return nil, false
	}
	return &d.Roles[i], true
}

// RoleIndex returns the position of role id in Roles, or -1.
func (d *Definitions) RoleIndex(id string) int {
	if i, ok := d.roleIndex[id]; ok {
		return i
	}
	return -1
}

// Question returns the question with the given id.
func (d *Definitions) Question(id string) (*Question, bool) {
	i, ok := d.questionIndex[id]
	if !ok {
		return nil, false
	}
	return &d.Questions[i], true
}

// Factor returns the factor with the given id.
func (d *Definitions) Factor(id string) (*Factor, bool) {
	i, ok := d.factorIndex[id]
	if !ok {
		return nil, false
	}
	return &d.Factors[i], true
}

// RoleIDs lists the role ids in file order.
func (d *Definitions) RoleIDs() []string {
	ids := make([]string, len(d.Roles))
	for i, r := range d.Roles {
		ids[i] = r.ID
	}
	return ids
}

// QuestionIDs lists the question ids in questionnaire order.
func (d *Definitions) QuestionIDs() []string {
	ids := make([]string, len(d.Questions))
	for i, q := range d.Questions {
		ids[i] = q.ID
	}
	return ids
}

// ResponsibilityOwner returns the role that owns the responsibility id.
func (d *Definitions) ResponsibilityOwner(id string) (*Role, *Responsibility, bool) {
	at, ok := d.respOwner[id]
	if !ok {
		return nil, nil, false
	}
	r := &d.Roles[at[0]]
	return r, &r.Responsibilities[at[1]], true
}

// PrimaryRoles lists the indexes of the roles that are always compared
// side by side (every role when none is marked secondary).
func (d *Definitions) PrimaryRoles() []int {
	var out []int
	for i, r := range d.Roles {
		if !r.Secondary {
			out = append(out, i)
		}
	}
	return out
}

// Values lists the allowed values of a choice or multi-choice question.
func (q *Question) Values() []string {
	vs := make([]string, len(q.Options))
	for i, o := range q.Options {
		vs[i] = o.Value
	}
	return vs
}

// Option returns the option with the given value.
func (q *Question) Option(value string) (*Option, int) {
	i, ok := q.optionIndex[value]
	if !ok {
		return nil, -1
	}
	return &q.Options[i], i
}

// BandIndex returns the index of the band holding v, or -1 when v is out of
// range.
func (q *Question) BandIndex(v int) int {
	lo, hi := 0, len(q.Bands)-1
	for lo <= hi {
		mid := (lo + hi) / 2
		switch b := q.Bands[mid]; {
		case v < b.Min:
			hi = mid - 1
		case v > b.Max:
			lo = mid + 1
		default:
			return mid
		}
	}
	return -1
}

// UnitFor is the unit for n: singular for 1.
func (q *Question) UnitFor(n int) string {
	if n == 1 && q.UnitOne != "" {
		return q.UnitOne
	}
	return q.Unit
}

// Required reports whether the question must be answered.
func (q *Question) Required() bool { return q.Default == nil }

// GroupDigits writes 1000000 as 1,000,000.
func GroupDigits(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// QuestionIndex returns the position of question id, or -1.
func (d *Definitions) QuestionIndex(id string) int {
	if i, ok := d.questionIndex[id]; ok {
		return i
	}
	return -1
}
