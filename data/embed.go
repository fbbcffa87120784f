// Package data holds coo-advisor's built-in role and question definitions,
// embedded in the binary so the program runs with no files of its own.
package data

import (
	"embed"

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

// Load loads the built-in definitions. Their names in messages start with
// "built-in " so a user can tell them from their own files.
func Load() (*advisor.Definitions, error) {
	return advisor.LoadFS(FS, RolesFile, QuestionsFile, "built-in ")
}
