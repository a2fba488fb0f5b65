package p

var InTest = "x"
