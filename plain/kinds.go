package plain

import "github.com/coo-advisor/coo-advisor/advisor"

// prompt asks one kind of question in lines of text, as each huh field
// does in its accessible mode.
type prompt interface {
	// ask says how to answer, under the question and why it is asked.
	ask(out *printer)
	// allowed says, for help, what is accepted.
	allowed(out *printer)
	// keep says, when the question is asked again after back, what the
	// answer was (described) and that an empty line keeps it.
	keep(out *printer, was string)
	// read turns a typed line into an answer, or says why it is none.
	read(line string) (advisor.Answer, error)
}

// promptKinds builds the prompt for each kind of question. This map is the
// one place in plain that knows the kinds: a new kind is its prompt type
// below and one line here.
var promptKinds = map[advisor.Kind]func(q *advisor.Question) prompt{
	advisor.KindInteger: func(q *advisor.Question) prompt { return integerPrompt{q} },
	advisor.KindChoice:  func(q *advisor.Question) prompt { return choicePrompt{q} },
	advisor.KindMulti:   func(q *advisor.Question) prompt { return multiPrompt{q} },
}

func newPrompt(q *advisor.Question) prompt { return promptKinds[q.Kind](q) }

// integerPrompt takes a whole number.
type integerPrompt struct{ q *advisor.Question }

func (p integerPrompt) ask(out *printer) { out.printf("Answer with %s.\n", p.q.Allowed()) }

func (p integerPrompt) allowed(out *printer) {
	out.printf("Allowed: %s. The labels shown are accepted too, in any case.\n", p.q.Allowed())
}

func (p integerPrompt) keep(out *printer, was string) { keepLine(out, was, ", or type another") }

func (p integerPrompt) read(line string) (advisor.Answer, error) { return p.q.ParseInput(line) }

// choicePrompt takes one of the options, by its number or in words, or a
// percentage where the options stand for ranges of them.
type choicePrompt struct{ q *advisor.Question }

func (p choicePrompt) ask(out *printer) {
	printOptions(out, p.q)
	if hasPercents(p.q) {
		out.println("Answer with one number, or with a percentage, such as 20%.")
		return
	}
	out.println("Answer with one number.")
}

func (p choicePrompt) allowed(out *printer) { printAllowedOptions(out, p.q) }

func (p choicePrompt) keep(out *printer, was string) { keepLine(out, was, ", or type another") }

func (p choicePrompt) read(line string) (advisor.Answer, error) { return p.q.ParseInput(line) }

// multiPrompt takes any number of the options, separated by commas, or an
// empty line for none.
type multiPrompt struct{ q *advisor.Question }

func (p multiPrompt) ask(out *printer) {
	printOptions(out, p.q)
	percents := ""
	if hasPercents(p.q) {
		percents = " (percentages, such as 20%, are accepted too)"
	}
	out.printf("Answer with numbers separated by commas%s, or an empty line for none (%s).\n", percents, p.q.None.Label)
}

func (p multiPrompt) allowed(out *printer) { printAllowedOptions(out, p.q) }

// keep: after back an empty line keeps the answer, so none is typed.
func (p multiPrompt) keep(out *printer, was string) {
	keepLine(out, was, "; type another, or none for "+p.q.None.Label)
}

func (p multiPrompt) read(line string) (advisor.Answer, error) { return p.q.ParseInput(line) }

// printOptions lists the options by number. The labels only: a screen
// reader reads every word, and the numbers, the labels and the ids are
// all taken as answers.
func printOptions(out *printer, q *advisor.Question) {
	for j, o := range q.Options {
		out.printf("  %d. %s\n", j+1, o.Label)
	}
}

func printAllowedOptions(out *printer, q *advisor.Question) {
	percents := ""
	if hasPercents(q) {
		percents = ", and a percentage picks the option whose range holds it"
	}
	out.printf("Allowed: %s. The labels shown are accepted too, in any case, and so are the numbers in front of them%s.\n", q.Allowed(), percents)
}

func keepLine(out *printer, was, other string) {
	out.printf("Your answer was: %s. An empty line keeps it%s.\n", was, other)
}

// hasPercents reports whether any option stands for a range of
// percentages, so that "20%" is an answer (growth: "Moderate (10-30% a
// year)").
func hasPercents(q *advisor.Question) bool {
	for _, o := range q.Options {
		if o.Range.HasLo || o.Range.HasHi {
			return true
		}
	}
	return false
}
