// Package data holds coo-advisor's built-in role and question definitions,
// embedded in the binary so that the program runs with no files of its
// own. They are read like a user's files: the same parser, the same
// checks, the same messages.
package data

import (
	"embed"
	"sync"

	"github.com/coo-advisor/coo-advisor/advisor"
)

// FS holds roles.yaml and questions.yaml.
//
//go:embed roles.yaml questions.yaml
var FS embed.FS

// File names inside FS.
const (
	RolesFile     = "roles.yaml"
	QuestionsFile = "questions.yaml"
)

// Load returns the built-in definitions, parsed from the embedded YAML the
// first time it is called and shared after that: definitions are never
// changed once loaded. Their names in messages start with "built-in " so
// that a user can tell them from their own files.
var Load = sync.OnceValues(func() (*advisor.Definitions, error) {
	return advisor.LoadFS(FS, RolesFile, QuestionsFile, "built-in ")
})
