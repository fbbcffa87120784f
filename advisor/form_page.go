package advisor

import (
	"crypto/sha256"
	_ "embed" // the page's style sheet and script
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// The page's style sheet and script, inline in every page: a page that
// is emailed must need nothing from anywhere else.
var (
	//go:embed formpage/form.css
	formCSS string
	//go:embed formpage/form.js
	formJS string
)

// FormPage writes the questionnaire page for engagement e: one HTML file
// that asks every question with native controls, checks each answer as
// the program does, and saves (or copies) the answers file
// FormAnswersYAML describes. The questions are in the HTML itself, so
// that a mail program's preview, which runs no script, and a printer
// show them; the script brings the checks, the saving and the progress,
// from the FormModel the page carries. A Content-Security-Policy allows
// the page's own style sheet and script, by their hashes, and nothing
// else: no connection, no form sent anywhere.
//
// pageID tells this page apart from others in the browser's keeping
// (its local storage, which every page opened from a file shares in some
// browsers): the caller makes it at random, since this package has no
// randomness.
func (d *Definitions) FormPage(e Engagement, pageID string) []byte {
	m := d.FormModel(e)
	m.PageID = pageID
	data, err := json.Marshal(m)
	if err != nil {
		// Strings, numbers and lists of strings: always encodable.
		panic(fmt.Sprintf("encode the form model: %v", err))
	}
	// JSON in a script element ends at the first "</": json.Marshal
	// already escapes <, > and & as \u003c and so on.
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	client := e.Client
	title := "Questionnaire on operations leadership"
	if client != "" {
		title += " for " + client
	}
	w("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	w("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	w("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src '%s'; style-src '%s'; connect-src 'none'; form-action 'none'; base-uri 'none'; img-src 'none'; font-src 'none'; object-src 'none'; frame-src 'none'\">\n", cspHash(formJS), cspHash(formCSS))
	w("<meta name=\"referrer\" content=\"no-referrer\">\n")
	w("<meta name=\"generator\" content=\"coo-advisor form\">\n")
	w("<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n", esc(title), formCSS)
	w("<main>\n<header>\n<p class=\"kicker\">%s</p>\n<h1>Your answers on operations leadership</h1>\n", esc(kicker(client)))
	if by := byline(e); by != "" {
		w("<p class=\"byline\">%s</p>\n", esc(by))
	}
	w("</header>\n")
	w("<div id=\"static-note\" class=\"callout\"><p><strong>This page cannot save your answers here:</strong> its script is not running, as in a mail program's preview. Save the attachment, then open the saved file in a web browser (Chrome, Edge, Firefox or Safari). You can also print the page and answer on paper.</p></div>\n")
	d.formIntro(&b, e, len(d.Questions))
	w("<form id=\"form\" novalidate aria-label=\"Questionnaire\">\n")
	formAbout(&b, e)
	for i := range d.Questions {
		formQuestion(&b, &d.Questions[i], i+1)
	}
	w("</form>\n")
	formActions(&b, e)
	w("</main>\n<footer class=\"page-footer\"><p>Made with coo-advisor<span class=\"fingerprint-line\">; questionnaire <span class=\"fingerprint\">%s</span></span>.</p></footer>\n", esc(shortFingerprint(m.Fingerprint)))
	w("<script type=\"application/json\" id=\"model\">%s</script>\n", data)
	w("<script>%s</script>\n</body>\n</html>\n", formJS)
	return []byte(b.String())
}

// cspHash is the Content-Security-Policy source that allows an inline
// script or style sheet whose text is s.
func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// shortFingerprint is the start of a fingerprint, enough to tell two
// pages apart by eye.
func shortFingerprint(f string) string {
	if len(f) > len(fingerprintPrefix)+12 {
		return f[:len(fingerprintPrefix)+12]
	}
	return f
}

func kicker(client string) string {
	if client == "" {
		return "Questionnaire for the leadership team"
	}
	return "Questionnaire for " + client
}

// byline names who sent the page, and when.
func byline(e Engagement) string {
	var parts []string
	if e.PreparedBy != "" {
		parts = append(parts, "From "+e.PreparedBy)
	}
	if t, err := time.Parse("2006-01-02", e.Date); err == nil {
		parts = append(parts, t.Format("2 January 2006"))
	}
	return strings.Join(parts, " · ")
}

// sender is who the answers go back to, for sentences.
func sender(e Engagement) string {
	if e.PreparedBy != "" {
		return e.PreparedBy
	}
	return "the person who sent you this page"
}

// formIntro says what the page is for, that it shows no recommendation,
// and what happens to the answers.
func (d *Definitions) formIntro(b *strings.Builder, e Engagement, n int) {
	company := "the company"
	if e.Client != "" {
		company = e.Client
	}
	fmt.Fprintf(b, "<section class=\"intro\" aria-labelledby=\"intro-h\">\n<h2 id=\"intro-h\">Before you start</h2>\n")
	fmt.Fprintf(b, "<p>%s is deciding what operations leadership it needs next. Each member of the leadership team answers these %s questions on their own, as they see %s today. There are no right answers; about ten minutes is enough.</p>\n",
		esc(capitalize(company)), Spelled(n), esc(company))
	fmt.Fprintf(b, "<p><strong>This page shows no recommendation.</strong> Your answers are one set of several: %s brings the team's answers together with coo-advisor, and the team then sees one recommendation and where its answers differ.</p>\n", esc(sender(e)))
	fmt.Fprintf(b, "<p class=\"print-only\"><strong>On paper:</strong> write your name and role, write each number in its box, tick the answers that apply, and hand the sheets to %s.</p>\n", esc(sender(e)))
	fmt.Fprintf(b, "<p class=\"screen-only\"><strong>Your answers stay on this computer until you send them.</strong> The page makes no connection to the internet. When you are done, choose <em>Save my answers</em>: it saves a file named after you, such as <span class=\"file\">ana-answers.yaml</span>, where your browser keeps downloads. Send that file to %s. If downloads are blocked, choose <em>Copy answers</em> and paste them into an email.</p>\n", esc(sender(e)))
	b.WriteString("<p id=\"storage-note\" class=\"note\" hidden></p>\n</section>\n")
}

// roleSuggestions are the roles a person may pick from (or type another).
const roleSuggestions = "CEO, CFO, COO, CTO, Head of Sales, Head of Marketing, Head of People, VP Operations, Founder, Board member"

// formAbout asks who answers: the name and role the person types, and
// the company when the page was not made for one.
func formAbout(b *strings.Builder, e Engagement) {
	b.WriteString("<fieldset class=\"q about\">\n<legend>About you</legend>\n")
	if e.Client == "" {
		b.WriteString("<div class=\"field\"><label for=\"client\">Company</label>\n<input id=\"client\" name=\"client\" type=\"text\" autocomplete=\"organization\" aria-describedby=\"client-error\">\n<p class=\"error\" aria-live=\"polite\" id=\"client-error\"></p></div>\n")
	}
	b.WriteString("<div class=\"field\"><label for=\"respondent\">Your name</label>\n<p class=\"help\" id=\"respondent-help\">The team's summary names each person's answers by it, and the saved file is named after it.</p>\n<input id=\"respondent\" name=\"respondent\" type=\"text\" autocomplete=\"name\" required aria-required=\"true\" aria-describedby=\"respondent-help respondent-error\">\n<p class=\"error\" aria-live=\"polite\" id=\"respondent-error\"></p></div>\n")
	b.WriteString("<div class=\"field\"><label for=\"role\">Your role <span class=\"optional\">(optional)</span></label>\n<p class=\"help\" id=\"role-help\">Such as CEO, CFO or Head of Sales: type it, or pick one.</p>\n<input id=\"role\" name=\"role\" type=\"text\" list=\"roles\" autocomplete=\"organization-title\" aria-describedby=\"role-help role-error\">\n<datalist id=\"roles\">")
	for _, r := range strings.Split(roleSuggestions, ", ") {
		fmt.Fprintf(b, "<option value=\"%s\"></option>", esc(r))
	}
	b.WriteString("</datalist>\n<p class=\"error\" aria-live=\"polite\" id=\"role-error\"></p></div>\n</fieldset>\n")
}

// formQuestion writes question q, the n-th: its prompt, help, the
// allowed answers and a place for the error, with the native control of
// its kind.
func formQuestion(b *strings.Builder, q *Question, n int) {
	id := esc(q.ID)
	help := ""
	if q.Help != "" {
		help = fmt.Sprintf("<p class=\"help\" id=\"%s-help\">%s</p>\n", id, esc(q.Help))
	}
	described := id + "-hint " + id + "-error"
	if q.Help != "" {
		described = id + "-help " + described
	}
	if q.Kind == KindInteger {
		fmt.Fprintf(b, "<div class=\"q\" id=\"q-%s\" data-q=\"%s\">\n<label class=\"prompt\" for=\"in-%s\"><span class=\"num\">%d.</span> %s</label>\n%s", id, id, id, n, esc(q.Prompt), help)
		fmt.Fprintf(b, "<p class=\"hint\" id=\"%s-hint\">%s.</p>\n", id, esc(capitalize(q.Allowed())))
		fmt.Fprintf(b, "<input class=\"number\" id=\"in-%s\" name=\"%s\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" spellcheck=\"false\" aria-describedby=\"%s\"", id, id, described)
		if q.Required() {
			b.WriteString(" required aria-required=\"true\"")
		}
		fmt.Fprintf(b, "> <span class=\"unit\" aria-hidden=\"true\">%s</span>\n<p class=\"error\" aria-live=\"polite\" id=\"%s-error\"></p>\n</div>\n", esc(q.Unit), id)
		return
	}
	input, hint := "radio", "Choose one."
	if q.IsList() {
		input, hint = "checkbox", "Choose every answer that applies, or the last one if none does."
	}
	if !q.Required() {
		hint += " If you leave it as it is, “" + q.Describe(*q.Default) + "” is assumed."
	}
	fmt.Fprintf(b, "<fieldset class=\"q\" id=\"q-%s\" data-q=\"%s\" aria-describedby=\"%s\">\n<legend class=\"prompt\"><span class=\"num\">%d.</span> %s</legend>\n%s", id, id, described, n, esc(q.Prompt), help)
	fmt.Fprintf(b, "<p class=\"hint\" id=\"%s-hint\">%s</p>\n<div class=\"options\">\n", id, esc(hint))
	for i, o := range q.Options {
		fmt.Fprintf(b, "<label class=\"option\"><input type=\"%s\" name=\"%s\" id=\"in-%s-%d\" value=\"%s\"> <span>%s</span></label>\n", input, id, id, i+1, esc(o.Value), esc(o.Label))
	}
	if q.IsList() {
		fmt.Fprintf(b, "<label class=\"option none\"><input type=\"checkbox\" name=\"%s\" id=\"in-%s-none\" value=\"\" data-none=\"1\"> <span>%s</span></label>\n", id, id, esc(q.None.Label))
	}
	fmt.Fprintf(b, "</div>\n<p class=\"error\" aria-live=\"polite\" id=\"%s-error\"></p>\n</fieldset>\n", id)
}

// formActions are the buttons, the progress and the place where the page
// says what it did.
func formActions(b *strings.Builder, e Engagement) {
	b.WriteString("<section class=\"actions\" id=\"actions\" aria-labelledby=\"actions-h\" hidden>\n<h2 id=\"actions-h\">Save and send</h2>\n")
	b.WriteString("<p class=\"progress\" id=\"progress\">0 answered</p>\n")
	b.WriteString("<div class=\"buttons\">\n<button type=\"button\" id=\"save\" class=\"primary\">Save my answers</button>\n<button type=\"button\" id=\"copy\">Copy answers</button>\n<button type=\"button\" id=\"load\">Load saved answers</button>\n<button type=\"button\" id=\"forget\" hidden>Forget what this browser kept</button>\n<input type=\"file\" id=\"load-file\" accept=\".yaml,.yml,.txt,text/yaml,text/plain\" hidden aria-label=\"Saved answers file\">\n</div>\n")
	b.WriteString("<div id=\"unfinished\" class=\"callout\" hidden><p id=\"unfinished-text\"></p><button type=\"button\" id=\"save-unfinished\">Save unfinished answers</button></div>\n")
	b.WriteString("<div id=\"status\" class=\"status\" role=\"status\" aria-live=\"polite\"></div>\n")
	b.WriteString("<div id=\"copy-box\" hidden><label for=\"copy-text\">Your answers, to copy into an email</label><textarea id=\"copy-text\" readonly rows=\"8\"></textarea></div>\n")
	fmt.Fprintf(b, "<p class=\"note\">Send the saved file to %s. To change your answers later, open this page again, choose <em>Load saved answers</em> and pick the file.</p>\n</section>\n", esc(sender(e)))
}
