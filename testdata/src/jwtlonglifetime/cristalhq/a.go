package cristalhq

import (
	"time"

	"github.com/cristalhq/jwt/v5"
)

func long() {
	_ = jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(48 * time.Hour))} // want `JWT lifetime of 2d exceeds`
}

// Not a finding.
func short() { _ = jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))} }
