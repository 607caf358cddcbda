package config

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestEveryFieldHasASetting changes each exported field of Config in turn and
// checks that some setting shows the change: a field no setting reads or
// shows would be undocumented and impossible to set.
func TestEveryFieldHasASetting(t *testing.T) {
	base := Default().String()
	var visit func(path string, v reflect.Value)
	visit = func(path string, v reflect.Value) {
		switch v.Type() {
		case reflect.TypeOf(Schedule{}):
			assertShown(t, path, base, reflect.ValueOf(mustParseCron("5 5 * * *")))
			return
		case reflect.TypeOf(time.Duration(0)):
			assertShown(t, path, base, reflect.ValueOf(time.Duration(v.Int())+time.Second))
			return
		}
		switch v.Kind() {
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if f := v.Type().Field(i); f.IsExported() {
					visit(path+"."+f.Name, v.Field(i))
				}
			}
		case reflect.String:
			assertShown(t, path, base, reflect.ValueOf("1"+v.String()).Convert(v.Type()))
		case reflect.Int, reflect.Int64:
			assertShown(t, path, base, reflect.ValueOf(v.Int()+1).Convert(v.Type()))
		case reflect.Bool:
			assertShown(t, path, base, reflect.ValueOf(!v.Bool()))
		case reflect.Slice:
			assertShown(t, path, base, reflect.Append(v, reflect.ValueOf("1")))
		default:
			t.Errorf("%s: no way to change a %s; extend this test", path, v.Type())
		}
	}
	c := Default()
	visit("Config", reflect.ValueOf(&c).Elem())
}

// assertShown sets the field at path to changed on a fresh default Config and
// reports whether String shows the difference.
func assertShown(t *testing.T, path, base string, changed reflect.Value) {
	t.Helper()
	c := Default()
	field := reflect.ValueOf(&c).Elem()
	for _, name := range strings.Split(path, ".")[1:] {
		field = field.FieldByName(name)
	}
	field.Set(changed)
	if c.String() == base {
		t.Errorf("%s is not shown by any setting", path)
	}
}
