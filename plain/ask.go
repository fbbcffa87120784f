package plain

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// maxLine bounds one typed answer; anything longer is not an answer.
const maxLine = 64 << 10

// maxRejected is how many unacceptable answers in a row are taken from a
// file or a pipe before plain mode stops.
const maxRejected = 3

// maxIdle is how many lines of input from a file or a pipe are read
// without reaching a question not reached before, beyond two for each
// question asked (going back over all and answering again).
const maxIdle = 20

// session is one walk through the questions: the input, the answers so
// far, and what stops piped input going round in circles.
type session struct {
	d    *advisor.Definitions
	sc   *bufio.Scanner
	out  *printer
	echo bool
	// interactive: a person types the answers at a terminal and reads the
	// prompts there. quit then offers to save the answers first, and the
	// end offers to save them; input from a file or a pipe is never asked
	// anything it was not written for.
	interactive bool
	saver       saver
	given       advisor.Answers
	// ask lists the questions to ask, by index.
	ask     []int
	answers advisor.Answers
	// previous holds the answers taken back with back: the question asked
	// again says what it was, and an empty line keeps it.
	previous advisor.Answers
	// Input from a file or a pipe that goes round in circles (help,
	// back, back again) never ends either: it gives up after idleLimit
	// lines that reach no question further than furthest.
	furthest, idle, idleLimit int
}

// newSession prepares the questions to ask: given answers (a partial
// answers file) leave only those they answer neither themselves nor by a
// default. The prompts go to w.
func newSession(o *Options, w io.Writer) *session {
	in := o.Input
	if in == nil {
		in = strings.NewReader("")
	}
	s := &session{
		d: o.Defs, sc: bufio.NewScanner(in), out: &printer{w: w}, echo: o.Echo,
		interactive: o.Interactive && o.Prompts != nil, saver: o.saver(),
		given: o.Answers, answers: o.Answers.Clone(), previous: advisor.Answers{},
	}
	s.sc.Buffer(make([]byte, 4096), maxLine)
	for i, q := range s.d.Questions {
		if _, ok := s.given[q.ID]; s.given == nil || (!ok && q.Required()) {
			s.ask = append(s.ask, i)
		}
	}
	// A transcript may go back over every question and answer it again.
	s.idleLimit = maxIdle + 2*len(s.ask)
	return s
}

// run asks the questions as line prompts. Besides answers, it understands
// back (the previous question), help or ? (how to answer) and quit.
func (s *session) run() (advisor.Answers, error) {
	s.intro(s.given == nil)
	for k := 0; k < len(s.ask); {
		var err error
		if k, err = s.question(k); err != nil {
			return nil, err
		}
	}
	return s.answers, nil
}

// intro says how many questions there are and how to answer them.
func (s *session) intro(fresh bool) {
	n := len(s.d.Questions)
	if fresh {
		s.out.printf("COO Advisor: %d questions, about %d minutes. Your answers stay on this computer.\n", n, max(2, (n+1)/2))
	} else {
		s.out.printf("COO Advisor: %d of %d questions are answered; %d to go. Your answers stay on this computer.\n", n-len(s.ask), n, len(s.ask))
	}
	s.out.println("Answer with the number shown, or the answer in words. Where several answers are allowed, separate the numbers with commas; an empty line means none.")
	s.out.println("Type back for the previous question, help (or ?) for help, quit to stop.")
}

// question asks the k-th question to ask until a line moves on, and
// returns the next one: k+1 once it is answered, k-1 for back, or the
// end when the input ended and defaults answer the rest.
func (s *session) question(k int) (int, error) {
	i := s.ask[k]
	q := &s.d.Questions[i]
	p := newPrompt(q)
	s.printQuestion(q, i, p)
	before, again := s.previous[q.ID]
	if again {
		// Back again: say what was answered; an empty line keeps it.
		p.keep(s.out, q.Describe(before))
	}
	rejected := 0
	for {
		line, more, err := s.readLine(k, i, q)
		if err != nil {
			return 0, err
		}
		if !more {
			return len(s.ask), nil
		}
		if next, handled, err := s.command(line, k, q, p); err != nil || handled && next != k {
			return next, err
		} else if handled {
			continue
		}
		if strings.TrimSpace(line) == "" {
			switch {
			case again:
				s.record(q, before)
				return k + 1, nil
			case q.Default != nil:
				s.record(q, *q.Default)
				return k + 1, nil
			}
		}
		a, err := p.read(line)
		if err != nil {
			s.out.printf("Not accepted: %s.\n", strings.TrimSuffix(err.Error(), "."))
			// Input from a file or a pipe will not get better by asking
			// again (think of `yes | coo-advisor`): after a few tries,
			// stop and say which question it was.
			if rejected++; s.echo && rejected >= maxRejected {
				return 0, &InputError{Msg: fmt.Sprintf("question %d of %d (%s): %d answers in a row were not accepted; the last: %s", i+1, len(s.d.Questions), q.ID, rejected, err)}
			}
			continue
		}
		s.record(q, a)
		return k + 1, nil
	}
}

// command carries out back, help and quit, typed at the k-th question to
// ask. handled is false when the line is no command but an answer; next
// is the question to ask then, k to stay on this one.
func (s *session) command(line string, k int, q *advisor.Question, p prompt) (next int, handled bool, err error) {
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "back":
		if k == 0 {
			s.out.println("This is the first question.")
			return k, true, nil
		}
		id := s.d.Questions[s.ask[k-1]].ID
		s.previous[id] = s.answers[id]
		delete(s.answers, id)
		return k - 1, true, nil
	case "help", "?":
		s.printHelp(q, p)
		return k, true, nil
	case "quit", "exit":
		if err := s.quit(); err != nil {
			return 0, true, err
		}
		s.out.printf("Question %d of %d again: %s\n", s.ask[k]+1, len(s.d.Questions), q.Prompt)
		return k, true, nil
	}
	return k, false, nil
}

func (s *session) record(q *advisor.Question, a advisor.Answer) {
	s.answers[q.ID] = a
	delete(s.previous, q.ID)
	s.out.printf("Recorded: %s\n", q.Describe(a))
}

// readLine reads the next line for the k-th question to ask (question i).
// more is false when the input ended where the questions left all have
// defaults, which then answer them.
func (s *session) readLine(k, i int, q *advisor.Question) (line string, more bool, err error) {
	n := len(s.d.Questions)
	if s.echo {
		// Checked before a line is read, so that the line that would move
		// on is always taken.
		if k > s.furthest {
			s.furthest, s.idle = k, 0
		}
		if s.idle >= s.idleLimit {
			return "", false, &InputError{Msg: fmt.Sprintf("question %d of %d (%s): %d lines of input in a row reached no new question (help, back or answers not accepted); give one answer per line", i+1, n, q.ID, s.idle)}
		}
	}
	s.out.print("> ")
	if s.out.err != nil {
		return "", false, fmt.Errorf("writing the questions: %w", s.out.err)
	}
	if !s.sc.Scan() {
		s.out.println()
		if s.sc.Err() == nil && defaultsFor(s.d, s.ask[k:], s.answers) {
			// Input written for the questions without defaults (the nine
			// of the contract) ends here: the rest keep their defaults.
			return "", false, nil
		}
		if err := s.sc.Err(); err != nil {
			if errors.Is(err, bufio.ErrTooLong) {
				return "", false, &InputError{Msg: fmt.Sprintf("question %d (%s): the answer line is longer than %d KiB", i+1, q.ID, maxLine>>10)}
			}
			return "", false, &InputError{Msg: fmt.Sprintf("question %d (%s): cannot read input: %v", i+1, q.ID, err)}
		}
		return "", false, &InputEndedError{Index: i, ID: q.ID, Total: n}
	}
	line = strings.TrimRight(s.sc.Text(), "\r")
	line = strings.TrimPrefix(line, "\ufeff") // a byte order mark from a Windows editor
	if s.echo {
		// Input from a file or a pipe is not shown by a terminal: write it
		// after its prompt, so the transcript reads right.
		s.out.println(advisor.SafeText(line))
		s.idle++
	}
	return line, true, nil
}

// printQuestion asks question q (index i), with what its kind allows.
func (s *session) printQuestion(q *advisor.Question, i int, p prompt) {
	f, _ := s.d.Factor(q.Factor)
	factor := q.Factor
	if f != nil {
		factor = f.Title
	}
	s.out.printf("\nQuestion %d of %d, %s: %s\n", i+1, len(s.d.Questions), factor, q.Prompt)
	s.out.printf("Why we ask: %s\n", q.Why)
	if q.Help != "" {
		s.out.println(q.Help)
	}
	p.ask(s.out)
	if q.Default != nil {
		s.out.printf("An empty line keeps the default: %s.\n", q.Describe(*q.Default))
	}
}

// printHelp explains how to answer question q, and the commands.
func (s *session) printHelp(q *advisor.Question, p prompt) {
	s.out.printf("Help: %s\n", q.Prompt)
	if q.Help != "" {
		s.out.println(q.Help)
	}
	if q.Detail != "" {
		s.out.println(q.Detail)
	}
	p.allowed(s.out)
	quit := "quit (stop; nothing is written)"
	if s.interactive {
		quit = "quit (stop without the brief; it offers to save your answers first)"
	}
	s.out.printf("Commands: back (the previous question), help or ? (this help), %s. To answer with a value called back, help or quit, type its number.\n", quit)
}

// defaultsFor answers the questions at the given indexes with their
// defaults, and reports whether they all had one.
func defaultsFor(d *advisor.Definitions, idx []int, answers advisor.Answers) bool {
	for _, i := range idx {
		if d.Questions[i].Default == nil {
			return false
		}
	}
	for _, i := range idx {
		answers[d.Questions[i].ID] = *d.Questions[i].Default
	}
	return true
}

// printer writes the prompts and keeps the first write error: the
// questions check it once they have an answer to read, so that a closed
// or full stream stops the session instead of asking blind.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *printer) println(args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintln(p.w, args...)
	}
}

func (p *printer) print(args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprint(p.w, args...)
	}
}
