package advisor

// Indexed rebuilds what loading adds to definitions beyond their exported
// fields, the lookups by id, and returns d. It is for definitions written
// as Go data: the built-in ones, which `go generate` compiles from the
// YAML so that the program starts without parsing it (package data).
func Indexed(d *Definitions) *Definitions {
	d.roleIndex = make(map[string]int, len(d.Roles))
	d.respOwner = map[string][2]int{}
	for i, r := range d.Roles {
		d.roleIndex[r.ID] = i
		for j, x := range r.Responsibilities {
			if _, dup := d.respOwner[x.ID]; !dup {
				d.respOwner[x.ID] = [2]int{i, j}
			}
		}
	}
	d.factorIndex = make(map[string]int, len(d.Factors))
	for i, f := range d.Factors {
		d.factorIndex[f.ID] = i
	}
	d.questionIndex = make(map[string]int, len(d.Questions))
	for i := range d.Questions {
		q := &d.Questions[i]
		d.questionIndex[q.ID] = i
		q.optionIndex = make(map[string]int, len(q.Options))
		for j, o := range q.Options {
			if _, dup := q.optionIndex[o.Value]; !dup {
				q.optionIndex[o.Value] = j
			}
		}
	}
	return d
}
