
// The questionnaire page's script (coo-advisor form). It reads the
// questions from the model the page carries (advisor.FormModel), checks
// each answer as the program reads it (the functions marked "as Go"
// follow advisor/kinds.go and advisor/problems.go line for line, and a
// test compares their messages), and writes the answers file byte for
// byte as advisor.FormAnswersYAML does. It makes no connection: nothing
// leaves the page but the file the person saves or copies.
"use strict";
(function () {
  var model = JSON.parse(document.getElementById("model").textContent);
  var byId = function (id) { return document.getElementById(id); };
  var questions = model.questions;

  // --- Text as Go handles it ---

  // goSpace is what Go's unicode.IsSpace counts as space (strings.TrimSpace).
  var goSpace = "\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";
  function goTrim(s) {
    var a = 0, b = s.length;
    while (a < b && goSpace.indexOf(s.charAt(a)) >= 0) a++;
    while (b > a && goSpace.indexOf(s.charAt(b - 1)) >= 0) b--;
    return s.slice(a, b);
  }
  var printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
  function hex(n, width) { var h = n.toString(16); while (h.length < width) h = "0" + h; return h; }
  // goQuote is Go's strconv.Quote, which the program uses to write text
  // into an answers file and to quote a wrong answer in a message.
  function goQuote(s) {
    var out = "\"";
    for (var ch of s) {
      var c = ch.codePointAt(0);
      if (ch === "\"" || ch === "\\") { out += "\\" + ch; continue; }
      if (c >= 0x20 && c < 0x7f) { out += ch; continue; }
      if (c >= 0x80 && !(c >= 0xd800 && c < 0xe000) && printable.test(ch)) { out += ch; continue; }
      var named = { 7: "\\a", 8: "\\b", 12: "\\f", 10: "\\n", 13: "\\r", 9: "\\t", 11: "\\v" }[c];
      if (named) out += named;
      else if (c < 0x20 || c === 0x7f) out += "\\x" + hex(c, 2);
      else if (c >= 0xd800 && c < 0xe000) out += "\\ufffd";
      else if (c < 0x10000) out += "\\u" + hex(c, 4);
      else out += "\\U" + hex(c, 8);
    }
    return out + "\"";
  }
  // quoteInput, as Go: a user's text in a message, cut after MaxQuoted.
  function quoteInput(s) {
    var r = Array.from(s);
    if (r.length <= model.maxQuoted) return goQuote(s);
    var q = goQuote(r.slice(0, model.maxQuoted).join(""));
    return q.slice(0, -1) + "\u2026\"";
  }
  // unsafeForTerminal, as Go: characters no name may hold (control,
  // invisible, direction-changing).
  var format = /^\p{Cf}$/u;
  function unsafeChar(ch) {
    var c = ch.codePointAt(0);
    if ((c >= 0x20 && c < 0x7f) || c === 9) return false;
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0)) return true;
    if (format.test(ch) || (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) === 0xfffe) return true;
    if ([0x115f, 0x1160, 0x3164, 0xffa0, 0x2800, 0x2028, 0x2029, 0xfffd].indexOf(c) >= 0) return true;
    return c >= 0xd800 && c < 0xe000;
  }
  // cleanText leaves out what no name may hold, as the program's text
  // fields do, and a tab (a line of text holds none).
  function cleanText(s) {
    var out = "";
    for (var ch of s) { if (ch === "\t") out += " "; else if (!unsafeChar(ch)) out += ch; }
    return out;
  }
  function groupDigits(n) {
    var s = String(Math.abs(n)), out = "";
    for (var i = 0; i < s.length; i++) {
      if (i > 0 && (s.length - i) % 3 === 0) out += ",";
      out += s.charAt(i);
    }
    return (n < 0 ? "-" : "") + out;
  }

  // --- Numbers, as Go's parseGroupedInt ---

  function allDigits(s) { return /^[0-9]+$/.test(s); }
  // goFloat is Go's strconv.ParseFloat on text without x or p: the number,
  // or null when Go refuses it (out of range included).
  function goFloat(t) {
    var m = /^[+-]?(inf|infinity|nan)$/i.exec(t);
    if (m) return /nan/i.test(t) ? NaN : (t.charAt(0) === "-" ? -Infinity : Infinity);
    if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(t)) return null;
    var f = Number(t);
    return isFinite(f) ? f : null;
  }
  function notANumber(s) {
    var t = goTrim(s), f = goFloat(t);
    if (f !== null && !/[xXpP]/.test(t)) {
      if (Number.isInteger(f) && f >= -9223372036854775808 && f < 9223372036854775808 && /[eE]/.test(t)) {
        return quoteInput(s) + " is not a whole number as written (write the digits: " + (Object.is(f, -0) ? "-0" : String(f)) + ")";
      }
      return quoteInput(s) + " is not a whole number";
    }
    return quoteInput(s) + " is not a number";
  }
  function ungroup(t, sep, s) {
    var groups = t.split(sep);
    var ok = groups[0].length >= 1 && groups[0].length <= 3;
    for (var i = 1; i < groups.length; i++) ok = ok && groups[i].length === 3;
    var joined = groups.join("");
    if (ok && sep === "." && allDigits(joined)) return { msg: quoteInput(s) + " is ambiguous; write the whole number without a dot, like 1000 or 1,000" };
    if (ok && allDigits(joined)) return { digits: joined };
    if (sep === "." && groups.length === 2 && allDigits(groups[0]) && allDigits(groups[1])) return { msg: quoteInput(s) + " is not a whole number (no decimals)" };
    if (allDigits(joined)) return { msg: quoteInput(s) + " is not a number: groups of digits after a separator have three digits (1,200 or 1 200)" };
    return { msg: notANumber(s) };
  }
  function parseGroupedInt(s) {
    var t = goTrim(s), neg = false;
    if (t.charAt(0) === "-") { neg = true; t = t.slice(1); } else if (t.charAt(0) === "+") t = t.slice(1);
    if (t === "") return { msg: quoteInput(s) + " is not a number" };
    var sep = "";
    for (var r of t) {
      if (",  _\u00a0\u202f.".indexOf(r) >= 0) {
        if (sep && r !== sep) return { msg: quoteInput(s) + " mixes separators; write the number as 1200 or 1,200" };
        sep = r;
      }
    }
    var digits = t;
    if (sep) {
      var u = ungroup(t, sep, s);
      if (u.msg) return u;
      digits = u.digits;
    }
    if (!allDigits(digits)) return { msg: notANumber(s) };
    if (digits.replace(/^0+/, "").length > 12) return { msg: quoteInput(s) + (neg ? " is far too small" : " is far too large") };
    var v = parseInt(digits, 10);
    return { value: neg && v !== 0 ? -v : v };
  }
  // numberAnswer is integerKind.fromText, as Go: the number typed, or
  // why it cannot be taken.
  function numberAnswer(q, text) {
    text = goTrim(text);
    if (text === "") return { msg: "enter " + q.allowed };
    var p = parseGroupedInt(text);
    if (p.msg) return { msg: p.msg + "; enter " + q.allowed };
    if (p.value < q.min || p.value > q.max) return { msg: groupDigits(p.value) + " is out of range; enter " + q.allowed };
    return { value: p.value };
  }

  // --- The page's answers ---

  var field = function (q) { return byId("in-" + q.id); };
  var boxes = function (q) { return Array.prototype.slice.call(document.getElementsByName(q.id)); };
  var noneBox = function (q) { return byId("in-" + q.id + "-none"); };
  var fixedClient = model.engagement.client || "";

  // raw reads what the page holds for q: text typed, a value chosen, or
  // values ticked (none: the box of none is ticked).
  function raw(q) {
    if (q.kind === "integer") return field(q).value;
    if (q.kind === "choice") {
      var on = boxes(q).filter(function (b) { return b.checked; });
      return on.length ? on[0].value : null;
    }
    var values = boxes(q).filter(function (b) { return b.checked && !b.dataset.none; }).map(function (b) { return b.value; });
    return { values: values, none: noneBox(q).checked };
  }
  function setRaw(q, v) {
    if (q.kind === "integer") { field(q).value = v === null || v === undefined ? "" : String(v); return; }
    if (q.kind === "choice") { boxes(q).forEach(function (b) { b.checked = b.value === v; }); return; }
    v = v || { values: [], none: false };
    boxes(q).forEach(function (b) { b.checked = b.dataset.none ? !!v.none : v.values.indexOf(b.value) >= 0; });
  }
  // check says what q's answer is: blank, wrong (msg), or its value as an
  // answers file writes it.
  function check(q) {
    var r = raw(q);
    if (q.kind === "integer") {
      if (goTrim(r) === "") return { blank: true, msg: q.hasDefault ? "" : "enter " + q.allowed };
      var a = numberAnswer(q, r);
      return a.msg ? { msg: a.msg } : { text: String(a.value) };
    }
    if (q.kind === "choice") return r === null ? { blank: true, msg: q.hasDefault ? "" : "choose one of the answers" } : { text: r };
    if (!r.values.length && !r.none) return { blank: true, msg: q.hasDefault ? "" : "choose every answer that applies, or \u201c" + q.none + "\u201d" };
    // In option order, as the program writes lists.
    var ordered = q.options.map(function (o) { return o.value; }).filter(function (v) { return r.values.indexOf(v) >= 0; });
    return { text: "[" + ordered.join(", ") + "]" };
  }

  var about = [
    { key: "client", el: byId("client"), required: false, label: "the company" },
    { key: "respondent", el: byId("respondent"), required: true, missing: "enter your name", label: "your name" },
    { key: "role", el: byId("role"), required: false, label: "your role" }
  ].filter(function (f) { return f.el; });
  function checkAbout(f) {
    var v = goTrim(f.el.value);
    if (v === "") return f.required ? { blank: true, msg: f.missing } : { text: "" };
    if (Array.from(v).length > model.maxText) return { msg: "keep it to " + model.maxText + " characters" };
    return { text: v };
  }
  function engagement() {
    var e = { client: fixedClient, prepared_by: model.engagement.prepared_by || "", date: model.engagement.date || "" };
    about.forEach(function (f) { e[f.key] = checkAbout(f).text || ""; });
    return e;
  }

  // answersYAML is advisor.FormAnswersYAML, as Go: the header, the
  // engagement with the questionnaire's fingerprint, then each question's
  // comment and answer, blank when it has none.
  function answersYAML() {
    var e = engagement(), out = model.header + "\nengagement:\n";
    model.engagementKeys.forEach(function (k) {
      var v = k === "questionnaire" ? model.fingerprint : e[k];
      if (v) out += "  " + k + ": " + goQuote(v) + "\n";
    });
    questions.forEach(function (q) {
      var c = check(q);
      out += "\n" + (c.text === undefined ? q.blank + q.id + ":\n" : q.comment + answerLine(q, c.text));
    });
    return out;
  }
  // answerLine is q's line, as Go's answerLine: a list too long for one
  // line goes on over the next ones, indented.
  function answerLine(q, text) {
    var line = q.id + ": " + text, len = function (s) { return Array.from(s).length; };
    if (q.kind !== "multi-choice" || len(line) <= model.maxLine) return line + "\n";
    var values = text.slice(1, -1).split(", "), out = "", cur = q.id + ": [";
    values.forEach(function (v, i) {
      var item = v + (i === values.length - 1 ? "]" : ",");
      if (i > 0 && len(cur) + 1 + len(item) > model.maxLine) { out += cur + "\n"; cur = "  " + item; return; }
      cur += (i > 0 ? " " : "") + item;
    });
    return out + cur + "\n";
  }

  // --- Errors, progress, status ---

  function capital(s) { return s.charAt(0).toUpperCase() + s.slice(1); }
  function showError(box, errEl, inputs, msg) {
    errEl.textContent = msg ? capital(msg) + "." : "";
    if (box) box.classList.toggle("invalid", !!msg);
    inputs.forEach(function (i) { if (msg) i.setAttribute("aria-invalid", "true"); else i.removeAttribute("aria-invalid"); });
  }
  function showQuestion(q, c, blankToo) {
    var msg = c.msg && (!c.blank || blankToo) ? c.msg : "";
    showError(byId("q-" + q.id), byId(q.id + "-error"), q.kind === "integer" ? [field(q)] : boxes(q), msg);
    return msg;
  }
  function showAbout(f, c, blankToo) {
    var msg = c.msg && (!c.blank || blankToo) ? c.msg : "";
    showError(null, byId(f.key + "-error"), [f.el], msg);
    f.el.closest(".field").classList.toggle("invalid", !!msg);
    return msg;
  }
  // progress counts the questions answered; those answered only by the
  // default the page starts with, not yet touched, are said apart, so
  // that an untouched page does not look started.
  var touched = {};
  function progress() {
    var done = 0, byDefault = 0;
    questions.forEach(function (q) {
      if (check(q).text === undefined) return;
      done++;
      if (q.hasDefault && !touched[q.id]) byDefault++;
    });
    byId("progress").textContent = done + " of " + questions.length + " answered" + (byDefault ? " (" + byDefault + " of them by default)" : "");
  }
  function status(text, kind) {
    var s = byId("status");
    s.textContent = "";
    var p = document.createElement("p");
    p.textContent = text;
    if (kind) p.className = kind;
    s.appendChild(p);
  }

  // --- Keeping answers in the browser ---

  // The key names the page: its client, its questions and the id
  // coo-advisor form gave it at random, so that another page (every page
  // opened from a file may share one storage) does not find, or
  // overwrite, these answers. They are kept at most model.keepDays days.
  var storePrefix = "coo-advisor-form:";
  var storeKey = storePrefix + fixedClient + ":" + model.fingerprint + ":" + model.pageId;
  var keepFor = model.keepDays * 24 * 60 * 60 * 1000;
  var store = null, paused = false;
  try {
    window.localStorage.setItem(storeKey + ":test", "1");
    window.localStorage.removeItem(storeKey + ":test");
    store = window.localStorage;
  } catch (err) { store = null; }
  function snapshot() {
    var s = { kept: Date.now(), about: {}, answers: {}, touched: touched };
    about.forEach(function (f) { s.about[f.key] = f.el.value; });
    questions.forEach(function (q) { s.answers[q.id] = raw(q); });
    return s;
  }
  function keep() {
    if (!store || paused) return;
    try { store.setItem(storeKey, JSON.stringify(snapshot())); } catch (err) { /* full or refused: the note already says to save */ }
  }
  function forget() { if (store) { try { store.removeItem(storeKey); } catch (err) { /* nothing kept */ } } }
  // expire forgets what any page kept longer ago than keepDays.
  function expire() {
    if (!store) return;
    try {
      for (var i = store.length - 1; i >= 0; i--) {
        var k = store.key(i), s = null;
        if (!k || k.indexOf(storePrefix) !== 0) continue;
        try { s = JSON.parse(store.getItem(k)); } catch (err) { s = null; }
        if (!s || typeof s.kept !== "number" || Date.now() - s.kept > keepFor) store.removeItem(k);
      }
    } catch (err) { /* nothing to forget */ }
  }
  function restore() {
    if (!store) return false;
    var s;
    try { s = JSON.parse(store.getItem(storeKey) || "null"); } catch (err) { s = null; }
    if (!s) return false;
    about.forEach(function (f) { if (s.about && typeof s.about[f.key] === "string") f.el.value = s.about[f.key]; });
    questions.forEach(function (q) { if (s.answers && q.id in s.answers) setRaw(q, s.answers[q.id]); });
    if (s.touched && typeof s.touched === "object") questions.forEach(function (q) { if (s.touched[q.id] === true) touched[q.id] = true; });
    return true;
  }
  // keptNote says what the browser keeps, and for how long.
  function keptNote(restored) {
    var note = byId("storage-note");
    note.hidden = false;
    byId("forget").hidden = !store;
    if (!store) {
      note.textContent = "This browser does not let the page keep your answers: save them before you close the page (you can load the saved file later to go on).";
      return;
    }
    note.textContent = (restored ? "Your earlier answers, kept in this browser, are back. " : "") +
      "Until you save or copy your answers, this browser keeps what you type here (your name, your role and your answers, on this computer only, for " +
      model.keepDays + " days at most), so closing the page loses nothing. Saving or copying clears it; so does Forget what this browser kept.";
  }

  // --- Saving and copying ---

  function fileName() {
    var name = cleanText(goTrim(byId("respondent").value)).replace(/[\/\\:*?"<>|]+/g, " ");
    name = name.replace(/[\s\u00a0]+/g, "-").replace(/^[-.]+|[-.]+$/g, "");
    name = Array.from(name).slice(0, 60).join("").replace(/[-.]+$/, "");
    return (name.toLowerCase() || "my") + "-answers.yaml";
  }
  // ready checks every answer, shows what is wrong, and says whether the
  // answers can be saved (unfinished: blank answers may stay blank).
  function ready(unfinished) {
    var wrong = [], blank = [];
    about.forEach(function (f) {
      var c = checkAbout(f);
      if (showAbout(f, c, true)) wrong.push({ el: f.el, label: f.label });
    });
    questions.forEach(function (q) {
      var c = check(q);
      var msg = showQuestion(q, c, !unfinished);
      if (c.blank && c.msg) blank.push(q);
      else if (msg) wrong.push({ el: q.kind === "integer" ? field(q) : boxes(q)[0], number: q.number });
    });
    byId("unfinished").hidden = true;
    if (wrong.length) {
      var open = unfinished ? [] : blank;
      status("Nothing was saved: " + (wrong.length === 1 ? "one answer needs" : wrong.length + " answers need") + " attention (" + which(wrong) + ")" +
        (open.length ? ", and " + which(open) + (open.length === 1 ? " is" : " are") + " not answered yet" : "") + ".", "bad");
      wrong[0].el.focus();
      return false;
    }
    if (blank.length && !unfinished) {
      var nums = words(blank.map(function (q) { return q.number; }));
      byId("unfinished-text").textContent = (blank.length === 1 ? "Question " + nums + " is" : "Questions " + nums + " are") +
        " not answered yet. Answer " + (blank.length === 1 ? "it" : "them") + ", or save what you have and finish later: load the saved file into this page to go on.";
      byId("unfinished").hidden = false;
      status("Not saved: " + blank.length + " of " + questions.length + " questions are not answered yet.", "bad");
      byId("save-unfinished").focus();
      return false;
    }
    return true;
  }
  // words joins a list as a sentence does: "a, b and c".
  function words(list) {
    return list.length < 2 ? list.join("") : list.slice(0, -1).join(", ") + " and " + list[list.length - 1];
  }
  // which names the fields and questions of a list: "your name and
  // questions 1 and 3".
  function which(list) {
    var labels = list.filter(function (w) { return w.label; }).map(function (w) { return w.label; });
    var nums = list.filter(function (w) { return w.number; }).map(function (w) { return w.number; });
    if (nums.length) labels.push((nums.length === 1 ? "question " : "questions ") + words(nums));
    return labels.join(" and ");
  }
  function download(unfinished) {
    if (!ready(unfinished)) return;
    var text = answersYAML(), name = fileName();
    var url = URL.createObjectURL(new Blob([text], { type: "application/yaml" }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    forget();
    status("Saved " + name + " where your browser keeps downloads. Send it to " + sender() + "." +
      (unfinished ? " To finish later, open this page again and load the file." : ""), "good");
  }
  function sender() { return model.engagement.prepared_by || "the person who sent you this page"; }
  // copy copies the answers, finished or not: a person whose downloads
  // are blocked has no other way to send them, and the blank answers
  // show in the text.
  function copy() {
    if (!ready(true)) return;
    var open = questions.filter(function (q) { var c = check(q); return c.blank && c.msg; });
    // Unfinished answers stay kept, to finish on this page later.
    var nums = words(open.map(function (q) { return q.number; }));
    var after = open.length ? " " + (open.length === 1 ? "Question " + nums + " is" : "Questions " + nums + " are") +
      " not answered yet: the copy leaves " + (open.length === 1 ? "it" : "them") + " blank, and this browser keeps your answers to finish later." :
      " This browser no longer keeps them.";
    var copied = function () { if (!open.length) forget(); return "Copied. Paste the answers into an email to " + sender() + "." + after; };
    var text = answersYAML(), box = byId("copy-box"), area = byId("copy-text");
    area.value = text;
    var fallback = function () {
      box.hidden = false;
      area.focus();
      area.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (err) { done = false; }
      status(done ? copied() :
        "Your browser did not let the page copy: the answers are selected below; copy them with Ctrl+C (Command+C on a Mac), then paste them into an email.", done ? "good" : "bad");
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      // A browser that neither copies nor refuses (a permission never
      // asked) gets the fallback after two seconds.
      var settled = false;
      var once = function (f) { return function () { if (!settled) { settled = true; f(); } }; };
      setTimeout(once(fallback), 2000);
      navigator.clipboard.writeText(text).then(once(function () {
        box.hidden = true;
        status(copied(), "good");
      }), once(fallback));
    } else fallback();
  }

  // --- Loading a saved file ---

  // unquote reads a YAML scalar as the program writes them: double
  // quoted (Go's escapes), single quoted, or plain.
  function unquote(v) {
    v = v.trim();
    if (v.charAt(0) === "'" && v.slice(-1) === "'" && v.length > 1) return v.slice(1, -1).replace(/''/g, "'");
    if (v.charAt(0) !== "\"") return v.replace(/\s+#.*$/, "");
    var out = "", i = 1;
    for (; i < v.length && v.charAt(i) !== "\""; i++) {
      var ch = v.charAt(i);
      if (ch !== "\\") { out += ch; continue; }
      var e = v.charAt(++i), n = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "0": "\0", "\"": "\"", "\\": "\\", "/": "/", " ": " " }[e];
      if (n !== undefined) { out += n; continue; }
      var len = { x: 2, u: 4, U: 8 }[e];
      if (!len) return null;
      var code = parseInt(v.substr(i + 1, len), 16);
      if (isNaN(code) || code > 0x10ffff) return null;
      out += String.fromCodePoint(code);
      i += len;
    }
    return i < v.length ? out : null;
  }
  // readFile reads an answers file into the page: the engagement's name
  // and role, and every answer the file holds; what it cannot take is
  // said. It changes only what the file holds: a question the file
  // leaves blank, or does not have, keeps the page's answer. A file that
  // holds nothing of this page (another file picked by mistake) changes
  // nothing at all.
  function readFile(text) {
    var lines = text.replace(/^\ufeff/, "").split(/\r?\n/), inEngagement = false, found = {}, problems = [], eng = {}, open = null;
    lines.forEach(function (line, i) {
      if (/^\s*(#.*)?$/.test(line)) return;
      if (open && /^\s/.test(line)) {
        // A long list goes on over the next lines (see answerLine).
        open.value += " " + line.replace(/\s+#.*$/, "").trim();
        if (open.value.slice(-1) === "]") open = null;
        return;
      }
      open = null;
      var m = /^(\s*)([^:#\s][^:]*):(.*)$/.exec(line);
      if (!m) { problems.push("line " + (i + 1) + " is not an answer"); return; }
      var indent = m[1].length > 0, key = m[2].trim(), value = m[3].replace(/^\s+/, "");
      if (!indent) inEngagement = key === "engagement";
      if (!indent && inEngagement) return;
      if (indent && inEngagement) {
        var v = unquote(value);
        if (v === null) problems.push("line " + (i + 1) + ": engagement." + key + " cannot be read");
        else if (v !== "") eng[key] = v;
        return;
      }
      if (indent) { problems.push("line " + (i + 1) + " is not an answer"); return; }
      found[key] = { value: value.replace(/\s+#.*$/, "").trim(), line: i + 1 };
      open = found[key].value.charAt(0) === "[" && found[key].value.slice(-1) !== "]" ? found[key] : null;
    });
    Object.keys(found).forEach(function (k) {
      if (!questions.some(function (q) { return q.id === k; })) problems.push("line " + found[k].line + ": " + k + " is not a question of this page");
    });
    // What the file answers, before anything on the page changes.
    var answers = [];
    questions.forEach(function (q) {
      var f = found[q.id];
      if (!f || f.value === "") return;
      var v = f.value;
      if (q.kind === "integer") { answers.push({ q: q, v: unquote(v) }); return; }
      var list = v.charAt(0) === "[" && v.slice(-1) === "]" ? v.slice(1, -1).split(",") : [v];
      var values = [], bad = [];
      list.map(function (x) { return unquote(x) || ""; }).filter(function (x) { return x !== ""; }).forEach(function (x) {
        var o = q.options.filter(function (o) { return o.value.toLowerCase() === x.toLowerCase() || o.label.toLowerCase() === x.toLowerCase(); })[0];
        if (o) values.push(o.value); else bad.push(x);
      });
      if (bad.length) problems.push("line " + f.line + ": " + q.id + ": " + bad.map(quoteInput).join(", ") + " is not an answer of this page");
      if (bad.length && !values.length) return;
      answers.push({ q: q, v: q.kind === "choice" ? values[0] : { values: values, none: values.length === 0 } });
    });
    var person = ["respondent", "role"].filter(function (k) { return k in eng; });
    if (!answers.length && !person.length) {
      status("Nothing was loaded, and the page is as it was: the file holds no answers to these questions" +
        (problems.length ? " (" + problems.slice(0, 2).join("; ") + ")" : "") + ". Choose the file this page saved, such as ana-answers.yaml.", "bad");
      return;
    }
    person.forEach(function (k) { byId(k).value = cleanText(eng[k]); });
    if (eng.client && byId("client")) byId("client").value = cleanText(eng.client);
    answers.forEach(function (a) { setRaw(a.q, a.v); touched[a.q.id] = true; });
    questions.forEach(function (q) { showQuestion(q, check(q), false); });
    progress();
    keep();
    var note = "Loaded " + answers.length + " of " + questions.length + " answers" +
      (answers.length < questions.length ? "; the others are as they were on the page." : ".");
    if (eng.questionnaire && eng.questionnaire.toLowerCase().indexOf(model.fingerprint) !== 0) note += " The file was saved from another version of the questions: check each answer.";
    if (eng.client && fixedClient && eng.client.toLowerCase() !== fixedClient.toLowerCase()) note += " The file is for " + eng.client + ", this page for " + fixedClient + ".";
    if (problems.length) note += " Left out: " + problems.slice(0, 5).join("; ") + (problems.length > 5 ? "; and " + (problems.length - 5) + " more" : "") + ".";
    status(note, problems.length ? "bad" : "good");
  }

  // --- Wiring ---

  function listen() {
    questions.forEach(function (q) {
      if (q.kind === "integer") {
        var el = field(q);
        el.addEventListener("input", function () {
          // A wrong answer is said once the person leaves the field; a
          // fixed one is cleared at once.
          if (el.getAttribute("aria-invalid")) showQuestion(q, check(q), false);
          touched[q.id] = true;
          progress(); keep();
        });
        // On leaving the field, not on change: a wrong answer deleted and
        // typed again is no change, and must be said again.
        el.addEventListener("blur", function () { showQuestion(q, check(q), false); progress(); keep(); });
        return;
      }
      boxes(q).forEach(function (b) {
        // A click on the answer already chosen changes nothing, but says
        // the person looked at it.
        b.addEventListener("click", function () { if (!touched[q.id]) { touched[q.id] = true; progress(); keep(); } });
        b.addEventListener("change", function () {
          touched[q.id] = true;
          if (q.kind === "multi-choice" && b.checked) {
            // None of these and a value exclude each other.
            boxes(q).forEach(function (o) { if (o !== b && (b.dataset.none || o.dataset.none)) o.checked = false; });
          }
          showQuestion(q, check(q), false); progress(); keep();
        });
      });
    });
    about.forEach(function (f) {
      f.el.addEventListener("input", function () {
        var clean = cleanText(f.el.value);
        if (clean !== f.el.value) f.el.value = clean;
        if (f.el.getAttribute("aria-invalid")) showAbout(f, checkAbout(f), false);
        keep();
      });
      f.el.addEventListener("blur", function () { showAbout(f, checkAbout(f), false); keep(); });
    });
    byId("save").addEventListener("click", function () { download(false); });
    byId("save-unfinished").addEventListener("click", function () { download(true); });
    byId("copy").addEventListener("click", copy);
    byId("forget").addEventListener("click", function () {
      forget();
      paused = true;
      status("This browser no longer keeps your answers, and keeps nothing more from this page until you open it again. The answers stay on the page: save them before you close it.", "good");
    });
    byId("load").addEventListener("click", function () { byId("load-file").click(); });
    byId("load-file").addEventListener("change", function () {
      var file = this.files && this.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () { readFile(String(reader.result)); };
      reader.onerror = function () { status("The file could not be read.", "bad"); };
      reader.readAsText(file);
      this.value = "";
    });
    byId("form").addEventListener("submit", function (ev) { ev.preventDefault(); });
  }

  function start() {
    byId("static-note").hidden = true;
    byId("actions").hidden = false;
    questions.forEach(function (q) { if (q.hasDefault) setRaw(q, q.kind === "multi-choice" ? { values: q.default, none: q.default.length === 0 } : q.default); });
    expire();
    keptNote(restore());
    listen();
    questions.forEach(function (q) { var c = check(q); if (!c.blank) showQuestion(q, c, false); });
    progress();
  }

  // For the tests: the checks and the writer, as the page runs them.
  window.cooAdvisorForm = { numberAnswer: numberAnswer, answersYAML: answersYAML, fileName: fileName, quote: goQuote, readFile: readFile };
  start();
})();
