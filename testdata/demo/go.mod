module example.com/tokenvet-demo

go 1.24

require (
	github.com/golang-jwt/jwt/v5 v5.3.1
	github.com/kataras/jwt v0.1.12
)
