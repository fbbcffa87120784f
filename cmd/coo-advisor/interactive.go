package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func (a *app) runInteractive(cmd *cobra.Command, out *outputFlags, plain bool) error {
	return badInput(errors.New("the interactive advisor is not built yet; use 'coo-advisor recommend --answers FILE'"))
}
