// Package dgrijalvarequest imports dgrijalva's request subpackage: reported,
// with no rewrite (its names are not in the compatibility list).
package dgrijalvarequest

import (
	"net/http"

	"github.com/dgrijalva/jwt-go/request" // want `import of unmaintained JWT library github.com/dgrijalva/jwt-go/request`
)

func parse(r *http.Request) error {
	_, err := request.ParseFromRequest(r, request.OAuth2Extractor, nil)
	return err
}
