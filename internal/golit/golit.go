// Package golit writes a Go value as Go source: a composite literal that
// builds the same value when compiled. It is what turns the built-in
// definitions, read from YAML once by `go generate`, into static Go data,
// so that the program starts without parsing them.
//
// It writes exported struct fields only (unexported ones are the
// reader's to rebuild), leaves out zero values, and sorts map keys, so
// that the same value always gives the same source.
package golit

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Literal returns v as a Go expression. Named types are qualified with
// the last element of their package path ("advisor.Role"), so the caller
// imports the packages they come from.
func Literal(v any) (string, error) {
	var b strings.Builder
	if err := write(&b, reflect.ValueOf(v), 0); err != nil {
		return "", err
	}
	return b.String(), nil
}

func typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return "*" + typeName(t.Elem())
	case reflect.Slice:
		return "[]" + typeName(t.Elem())
	case reflect.Array:
		return fmt.Sprintf("[%d]%s", t.Len(), typeName(t.Elem()))
	case reflect.Map:
		return "map[" + typeName(t.Key()) + "]" + typeName(t.Elem())
	default:
		if t.Name() == "" {
			return t.String()
		}
		if p := t.PkgPath(); p != "" {
			return p[strings.LastIndex(p, "/")+1:] + "." + t.Name()
		}
		return t.Name()
	}
}

func indent(b *strings.Builder, n int) {
	b.WriteString(strings.Repeat("\t", n))
}

func write(b *strings.Builder, v reflect.Value, depth int) error {
	t := v.Type()
	switch t.Kind() {
	case reflect.Bool:
		fmt.Fprintf(b, "%s", basic(t, strconv.FormatBool(v.Bool())))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(basic(t, strconv.FormatInt(v.Int(), 10)))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		b.WriteString(basic(t, strconv.FormatUint(v.Uint(), 10)))
	case reflect.Float32, reflect.Float64:
		s := strconv.FormatFloat(v.Float(), 'g', -1, 64)
		if !strings.ContainsAny(s, ".eE") {
			s += ".0"
		}
		b.WriteString(basic(t, s))
	case reflect.String:
		b.WriteString(basic(t, strconv.Quote(v.String())))
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil")
			return nil
		}
		if t.Elem().Kind() != reflect.Struct {
			return fmt.Errorf("golit: a pointer to %s has no literal", t.Elem())
		}
		b.WriteString("&")
		return write(b, v.Elem(), depth)
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && v.IsNil() {
			b.WriteString("nil")
			return nil
		}
		b.WriteString(typeName(t) + "{")
		if v.Len() == 0 {
			b.WriteString("}")
			return nil
		}
		b.WriteString("\n")
		for i := 0; i < v.Len(); i++ {
			indent(b, depth+1)
			if err := write(b, v.Index(i), depth+1); err != nil {
				return err
			}
			b.WriteString(",\n")
		}
		indent(b, depth)
		b.WriteString("}")
	case reflect.Map:
		if v.IsNil() {
			b.WriteString("nil")
			return nil
		}
		b.WriteString(typeName(t) + "{")
		keys := v.MapKeys()
		if len(keys) == 0 {
			b.WriteString("}")
			return nil
		}
		texts := make([]string, len(keys))
		for i, k := range keys {
			var kb strings.Builder
			if err := write(&kb, k, depth+1); err != nil {
				return err
			}
			texts[i] = kb.String()
		}
		order := make([]int, len(keys))
		for i := range order {
			order[i] = i
		}
		sort.Slice(order, func(i, j int) bool { return texts[order[i]] < texts[order[j]] })
		b.WriteString("\n")
		for _, i := range order {
			indent(b, depth+1)
			b.WriteString(texts[i] + ": ")
			if err := write(b, v.MapIndex(keys[i]), depth+1); err != nil {
				return err
			}
			b.WriteString(",\n")
		}
		indent(b, depth)
		b.WriteString("}")
	case reflect.Struct:
		b.WriteString(typeName(t) + "{")
		wrote := false
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() || v.Field(i).IsZero() {
				continue
			}
			if !wrote {
				b.WriteString("\n")
				wrote = true
			}
			indent(b, depth+1)
			b.WriteString(f.Name + ": ")
			if err := write(b, v.Field(i), depth+1); err != nil {
				return err
			}
			b.WriteString(",\n")
		}
		if wrote {
			indent(b, depth)
		}
		b.WriteString("}")
	case reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return nil
		}
		return write(b, v.Elem(), depth)
	default:
		return fmt.Errorf("golit: %s has no literal", t)
	}
	return nil
}

// basic writes a basic value, converted to its named type when it has
// one: advisor.Points(250).
func basic(t reflect.Type, lit string) string {
	if t.PkgPath() != "" {
		return typeName(t) + "(" + lit + ")"
	}
	switch t.Kind() {
	case reflect.Int, reflect.String, reflect.Bool, reflect.Float64:
		return lit
	default:
		return t.String() + "(" + lit + ")"
	}
}
