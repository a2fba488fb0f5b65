// Package app makes the store its handlers package configures: the
// package it imports sets the options, so the defaults never reach a
// response.
package app

import (
	"net/http"

	"github.com/gorilla/sessions"

	"tokencookieinsecure/sessionstore/app/handlers"
)

func serve(key []byte) {
	store := sessions.NewCookieStore(key)
	http.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) { handlers.Login(store, w, r) })
}
