// Package advisor is the pure domain of coo-advisor: the role and question
// definitions and their loading and validation, the answers a user gives,
// the scoring that turns answers into a recommendation, the explanation of
// that recommendation (reasons and what would change it), and the reports
// in text, Markdown and JSON.
//
// Nothing here does terminal I/O, reads the clock or uses randomness: the
// same definitions and answers always give byte-identical results. Every
// point of every score comes from a weight in the YAML definitions.
package advisor
