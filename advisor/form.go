package advisor

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A questionnaire page (coo-advisor form) is one HTML file that asks the
// questions in a browser, offline, and saves an answers file: the answers
// of people who never open a terminal. Its script reads the questions
// from a FormModel the page carries as JSON, so that a custom questions
// file makes its own page, and it writes the file the program would: the
// parts that hold wording (the header, each question's comment) come from
// here, and FormAnswersYAML is what the page's script must write.

// fingerprintPrefix starts every fingerprint: the hash it is, so that
// another could come later.
const fingerprintPrefix = "sha256:"

// fingerprintDigits is how many hexadecimal digits of the hash a
// fingerprint keeps: 64 bits tell two sets of definitions apart, which
// is all it is for (it guards no secret), and keep the line short enough
// that a mail program does not break it in two. Files saved by the first
// pages hold all 64 digits; they are read, and compared by their start.
const fingerprintDigits = 16

// Fingerprint identifies the questionnaire: what each question asks and
// which answers it takes (its id, kind, prompt, range and unit, options
// and their labels, the label of none and its default), in order. Two
// definitions with the same fingerprint take the same answers files with
// the same meaning; the weights, the roles and the help around a question
// do not enter it, since they change the advice, not what an answer
// says. An answers file saved by a questionnaire page names the
// fingerprint of the questions it asked (engagement.questionnaire), and
// coo-advisor team warns when it is not its own.
func (d *Definitions) Fingerprint() string {
	h := sha256.New()
	field := func(s string) { _, _ = fmt.Fprintf(h, "%d:%s;", len(s), s) } // a hash takes every write
	for i := range d.Questions {
		q := &d.Questions[i]
		field(q.ID)
		field(string(q.Kind))
		field(q.Prompt)
		if q.Kind == KindInteger {
			field(strconv.Itoa(q.Min))
			field(strconv.Itoa(q.Max))
			field(q.Unit)
		}
		for _, o := range q.Options {
			field(o.Value)
			field(o.Label)
		}
		if q.IsList() {
			field(q.None.Label)
		}
		if q.Default != nil {
			field(q.rules().templateValue(q, *q.Default))
		}
		h.Write([]byte{'\n'})
	}
	return fingerprintPrefix + hex.EncodeToString(h.Sum(nil))[:fingerprintDigits]
}

// readFingerprint reads engagement.questionnaire: a fingerprint as
// Fingerprint writes it.
func readFingerprint(n *yaml.Node, pl *problemList) string {
	const path = keyEngagement + "." + keyQuestionnaire
	if n.Kind == yaml.ScalarNode && n.Tag == tagNull {
		return ""
	}
	v := strings.TrimSpace(n.Value)
	hexPart, ok := strings.CutPrefix(v, fingerprintPrefix)
	if _, err := hex.DecodeString(hexPart); n.Kind != yaml.ScalarNode || !ok || err != nil || (len(hexPart) != fingerprintDigits && len(hexPart) != 2*sha256.Size) {
		what := quoteInput(v)
		if n.Kind != yaml.ScalarNode {
			what = kindName(n)
		}
		pl.addf(n.Line, path, "%s is not a questionnaire's fingerprint (sha256: and 16 hexadecimal digits, as the questionnaire page writes it); leave the line as the page saved it, or remove it", what)
		return ""
	}
	return v
}

// FormModel is what a questionnaire page knows of the questionnaire: the
// questions, the engagement it was made for, and what its script needs
// to write an answers file byte for byte as FormAnswersYAML does.
type FormModel struct {
	// Fingerprint is Definitions.Fingerprint, written into every file
	// the page saves.
	Fingerprint string `json:"fingerprint"`
	// Header is the answers file's first line(s).
	Header string `json:"header"`
	// Engagement is what the facilitator filled in: the client, who
	// prepared it and the date. The respondent and the role are the
	// person's.
	Engagement FormEngagement `json:"engagement"`
	// EngagementKeys are the keys of the engagement, in the order an
	// answers file writes them.
	EngagementKeys []string `json:"engagementKeys"`
	// MaxText bounds a name or a client, as the program does.
	MaxText int `json:"maxText"`
	// MaxQuoted is how much of a wrong answer a message repeats.
	MaxQuoted int `json:"maxQuoted"`
	// PageID tells this page's answers, kept in the browser, from
	// another page's (see FormPage).
	PageID string `json:"pageId"`
	// KeepDays is how long the browser keeps answers not saved.
	KeepDays int `json:"keepDays"`
	// MaxLine is the longest line of an answers file, past which a list
	// goes on to the next line (see answerLine).
	MaxLine   int            `json:"maxLine"`
	Questions []FormQuestion `json:"questions"`
}

// formKeepDays is how long a page's answers, kept in the browser until
// they are saved, are kept at most: a person who never comes back does
// not leave their name and answers there for good.
const formKeepDays = 14

// FormEngagement is the engagement a page is made for.
type FormEngagement struct {
	Client     string `json:"client,omitempty"`
	PreparedBy string `json:"prepared_by,omitempty"`
	Date       string `json:"date,omitempty"`
}

// FormQuestion is one question as a page asks it.
type FormQuestion struct {
	ID     string `json:"id"`
	Kind   Kind   `json:"kind"`
	Number int    `json:"number"`
	Prompt string `json:"prompt"`
	Help   string `json:"help,omitempty"`
	// Allowed describes the allowed answers, as messages say it.
	Allowed string `json:"allowed"`
	// Integer questions: the range, and the unit ("employees").
	Min  int    `json:"min,omitempty"`
	Max  int    `json:"max,omitempty"`
	Unit string `json:"unit,omitempty"`
	// Choice and multi-choice questions.
	Options []FormOption `json:"options,omitempty"`
	// None is the label of an empty list, a multi-choice answer of
	// none.
	None string `json:"none,omitempty"`
	// Default is the answer a question left out takes (a number, a
	// value or a list of values), when HasDefault: the page starts with
	// it chosen.
	Default    any  `json:"default,omitempty"`
	HasDefault bool `json:"hasDefault,omitempty"`
	// Comment is the comment above the answer in an answers file;
	// Blank the one when the question is left blank.
	Comment string `json:"comment"`
	Blank   string `json:"blank"`
}

// FormOption is one allowed value and its label.
type FormOption struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// FormModel is the model of a questionnaire page for these definitions,
// made for engagement e (its client, preparer and date; the respondent
// and the role are left to the person who answers).
func (d *Definitions) FormModel(e Engagement) FormModel {
	m := FormModel{
		Fingerprint:    d.Fingerprint(),
		Header:         answersHeader,
		Engagement:     FormEngagement{Client: e.Client, PreparedBy: e.PreparedBy, Date: e.Date},
		EngagementKeys: append(engagementFields[:len(engagementFields):len(engagementFields)], keyQuestionnaire),
		MaxText:        maxEngagementText,
		MaxQuoted:      maxQuoted,
		MaxLine:        maxAnswersLine,
		KeepDays:       formKeepDays,
	}
	for i := range d.Questions {
		q := &d.Questions[i]
		fq := FormQuestion{
			ID: q.ID, Kind: q.Kind, Number: i + 1, Prompt: q.Prompt, Help: q.Help, Allowed: q.Allowed(),
			Comment: answerComment(q, true), Blank: answerComment(q, false),
		}
		if q.Kind == KindInteger {
			fq.Min, fq.Max, fq.Unit = q.Min, q.Max, q.Unit
		}
		for _, o := range q.Options {
			fq.Options = append(fq.Options, FormOption{Value: o.Value, Label: o.Label})
		}
		if q.IsList() {
			fq.None = q.None.Label
		}
		if q.Default != nil {
			fq.HasDefault = true
			fq.Default = q.JSONValue(*q.Default)
			if q.IsList() && len(q.Default.Multi) == 0 {
				fq.Default = []string{}
			}
		}
		m.Questions = append(m.Questions, fq)
	}
	return m
}

// FormAnswersYAML is the answers file a questionnaire page saves for
// answers a and engagement e: AnswersYAML, with the fingerprint of the
// questionnaire in the engagement. A question a leaves out is left blank.
func (d *Definitions) FormAnswersYAML(a Answers, e Engagement) []byte {
	return d.answersYAML(a, e, d.Fingerprint())
}

// OtherQuestionnaire reports whether answers file f was saved from a
// questionnaire page of other questions than these definitions': its
// fingerprint (engagement.questionnaire) is not theirs. A file that
// names none was not saved from a page, and is not.
func (d *Definitions) OtherQuestionnaire(f *AnswersFile) bool {
	if f.Questionnaire == "" {
		return false
	}
	// A file saved by a first page holds the whole hash: its start is
	// the fingerprint.
	return !strings.HasPrefix(strings.ToLower(f.Questionnaire), d.Fingerprint())
}
