// Package credname: credentials whose only evidence besides their shape
// is a name that says credential or bearer. The values are fake.
package credname

const (
	cred = "Pq7vLm2Xz9KdR4tN8wYb3HcJ6sFg1Ua0Qe5=" // want `hard-coded credential in a credential-named variable \(rule tokenvet-credential-name\)`
)

var bearer string

func set() {
	bearer = "Bearer: 8fk2jd0q9wle7rm3na5zx1cv"                           // want `hard-coded credential in a credential-named variable \(rule tokenvet-credential-name\)`
	creds := map[string]string{"credentials": "Zt4Kq8Wm1Xv6Rp3Ln9Yb2Hc5"} // want `rule tokenvet-credential-name`
	_ = creds
}

// Not findings: words, a name that only contains "cred", a low-entropy
// value, a placeholder.
const (
	credKind   = "service_account_credentials_file"
	discredit  = "Pq7vLm2Xz9KdR4tN8wYb3HcJ6sFg1Ua0Qe5="
	credential = "aaaaaaaaaaaaaaaa1111"
	bearerTmpl = "Bearer: YOUR_TOKEN_HERE_12345678"
)
