// Package issued: an OAuth client reads the claims of the tokens it was
// issued (tuning set: portainer's getIdToken). The ID token from the
// token endpoint is the client's own; a token a client sent it is not.
package issued

import (
	"context"
	"net/http"

	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/oauth2"
)

func idTokenClaims(ctx context.Context, conf *oauth2.Config, code string) (jwt.MapClaims, error) {
	tok, err := conf.Exchange(ctx, code)
	if err != nil {
		return nil, err
	}
	raw, _ := tok.Extra("id_token").(string)
	t, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		return nil, err
	}
	return t.Claims.(jwt.MapClaims), nil
}

func accessTokenClaims(tok *oauth2.Token) jwt.Claims {
	t, _, _ := jwt.NewParser().ParseUnverified(tok.AccessToken, jwt.MapClaims{})
	return t.Claims
}

func received(r *http.Request) jwt.Claims {
	raw := r.Header.Get("Authorization")
	t, _, _ := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{}) // want `JWT decoded without verifying its signature`
	return t.Claims
}

func either(tok *oauth2.Token, r *http.Request, fromClient bool) jwt.Claims {
	raw := tok.AccessToken
	if fromClient {
		raw = r.URL.Query().Get("token")
	}
	t, _, _ := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{}) // want `JWT decoded without verifying its signature`
	return t.Claims
}
