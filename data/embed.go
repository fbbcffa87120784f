// Package data holds coo-advisor's built-in role and question definitions,
// embedded in the binary so the program runs with no files of its own:
// the YAML (for `--roles` or `--questions` given alone, and for users to
// copy), and the same definitions compiled to Go data (builtin_gen.go),
// so that a run with the built-in ones starts without parsing YAML.
package data

//go:generate go run ./gen

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

// Load returns the built-in definitions, from the Go data compiled from
// the YAML. Each call gives a copy of its own.
func Load() (*advisor.Definitions, error) {
	return advisor.Indexed(builtin()), nil
}

// LoadYAML loads the built-in definitions from the YAML itself. Their
// names in messages start with "built-in " so a user can tell them from
// their own files.
func LoadYAML() (*advisor.Definitions, error) {
	return advisor.LoadFS(FS, RolesFile, QuestionsFile, "built-in ")
}
