package p

var Token = "x"
