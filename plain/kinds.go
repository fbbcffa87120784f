package plain

import "github.com/coo-advisor/coo-advisor/advisor"

// prompt asks one kind of question in lines of text, as each huh field
// does in its accessible mode.
type prompt interface {
	// ask says how to answer, under the question and why it is asked.
	ask(out *printer)
	// allowed says, for help, what is accepted.
	allowed(out *printer)
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

func (p integerPrompt) read(line string) (advisor.Answer, error) { return p.q.ParseInput(line) }

// choicePrompt takes one of the options, by its number or in words.
type choicePrompt struct{ q *advisor.Question }

func (p choicePrompt) ask(out *printer) {
	printOptions(out, p.q)
	out.println("Answer with one number.")
}

func (p choicePrompt) allowed(out *printer) { printAllowedOptions(out, p.q) }

func (p choicePrompt) read(line string) (advisor.Answer, error) { return p.q.ParseInput(line) }

// multiPrompt takes any number of the options, separated by commas, or an
// empty line for none.
type multiPrompt struct{ q *advisor.Question }

func (p multiPrompt) ask(out *printer) {
	printOptions(out, p.q)
	out.printf("Answer with numbers separated by commas, or an empty line for none (%s).\n", p.q.None.Label)
}

func (p multiPrompt) allowed(out *printer) { printAllowedOptions(out, p.q) }

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
	out.printf("Allowed: %s. The labels shown are accepted too, in any case, and so are the numbers in front of them.\n", q.Allowed())
}
