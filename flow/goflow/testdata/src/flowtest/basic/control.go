package basic

import "example.com/sink"

// Local control flow: which definitions reach the use.

func switches(n int) {
	k := "s0"
	switch n {
	case 1:
		k = "s1"
	case 2:
		k = "s2"
		fallthrough
	case 3:
		k = "s3"
	case 4:
	default:
		return
	}
	sink.Key([]byte(k)) // want `^jwt-key: literal "s0" k @\d+: assigned to k; converted by \[\]byte\(…\) \| literal "s1" k @\d+: assigned to k; converted by \[\]byte\(…\) \| literal "s3" k @\d+: assigned to k; converted by \[\]byte\(…\)$`
}

func loops(n int) {
	k := "l0"
	for i := 0; i < n; i++ {
		if i == 3 {
			k = "l1"
			break
		}
		k = "l2"
	}
	sink.Key([]byte(k)) // want `^jwt-key: literal "l0" k @\d+: assigned to k; converted by \[\]byte\(…\) \| literal "l1" k @\d+: assigned to k; converted by \[\]byte\(…\) \| literal "l2" k @\d+: assigned to k; converted by \[\]byte\(…\)$`
}

func labeled(n int) {
	k := "g0"
outer:
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if j == 2 {
				k = "g1"
				continue outer
			}
			if j == 3 {
				k = "g2"
				break outer
			}
		}
		k = "g3"
	}
	sink.Key([]byte(k)) // want `^jwt-key: literal "g0" k @\d+: assigned to k; converted by \[\]byte\(…\) \| literal "g1" k @\d+: assigned to k; converted by \[\]byte\(…\) \| literal "g2" k @\d+: assigned to k; converted by \[\]byte\(…\) \| literal "g3" k @\d+: assigned to k; converted by \[\]byte\(…\)$`
}

func deadStore() {
	k := "dead"
	k = "live"
	sink.Key([]byte(k)) // want `^jwt-key: literal "live" k @\d+: assigned to k; converted by \[\]byte\(…\)$`
}

func panics(b bool) {
	k := "p0"
	if b {
		k = "p1"
		panic("no key")
	}
	sink.Key([]byte(k)) // want `^jwt-key: literal "p0" k @\d+: assigned to k; converted by \[\]byte\(…\)$`
}

func gotos(n int) {
	k := "t0"
	if n > 0 {
		goto done
	}
	k = "t1"
done:
	sink.Key([]byte(k)) // want `^jwt-key: literal "t0" k @\d+: assigned to k; converted by \[\]byte\(…\) \| literal "t1" k @\d+: assigned to k; converted by \[\]byte\(…\)$`
}

func typeSwitch(v any) {
	k := "ts0"
	switch x := v.(type) {
	case string:
		k = x
	case int:
		k = "ts1"
	}
	sink.Key([]byte(k)) // want `^jwt-key: literal "ts0" k @\d+: assigned to k; converted by \[\]byte\(…\) \| literal "ts1" k @\d+: assigned to k; converted by \[\]byte\(…\) \| parameter 0 v @\d+: assigned to k; converted by \[\]byte\(…\)$`
}

type node struct{ next *node }

func (n *node) Next() *node { return n.next }

// A variable defined by a method call on itself: resolving the call asks
// the variable's type, which asks the call.
func walkList(n *node) {
	for n != nil {
		n = n.Next()
	}
	sink.Log(n) // want `^log: parameter 0 n @97 \| parameter 0 n @97: passed to node\.Next; read from n\.next; returned by node\.Next; assigned to n$`
}
