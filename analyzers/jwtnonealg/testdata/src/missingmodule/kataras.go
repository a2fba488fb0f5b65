package missingmodule

import "github.com/kataras/jwt"

func kataras(claims any) {
	_, _ = jwt.Sign(jwt.NONE, nil, claims) // want `JWT signed with the none algorithm \(jwt.NONE\)`
	_, _ = jwt.Sign(jwt.HS256, []byte("k"), claims)
}
