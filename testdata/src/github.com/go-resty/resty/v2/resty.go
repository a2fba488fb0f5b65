// Package resty stubs github.com/go-resty/resty/v2 v2.17.2 for
// analysistest: signatures only.
package resty

import "net/http"

// Client makes requests.
type Client struct{}

// Request is a request being built.
type Request struct{}

// Response is a request's response.
type Response struct{}

func New() *Client            { return &Client{} }
func (c *Client) R() *Request { return &Request{} }

func (c *Client) SetQueryParam(param, value string) *Client      { return c }
func (c *Client) SetHeader(header, value string) *Client         { return c }
func (c *Client) SetAuthToken(token string) *Client              { return c }
func (c *Client) SetBasicAuth(username, password string) *Client { return c }
func (c *Client) SetCookie(hc *http.Cookie) *Client              { return c }
func (c *Client) SetCookies(cs []*http.Cookie) *Client           { return c }

func (r *Request) SetQueryParam(param, value string) *Request      { return r }
func (r *Request) SetHeader(header, value string) *Request         { return r }
func (r *Request) SetAuthToken(token string) *Request              { return r }
func (r *Request) SetBasicAuth(username, password string) *Request { return r }
func (r *Request) SetCookie(hc *http.Cookie) *Request              { return r }
func (r *Request) SetCookies(rs []*http.Cookie) *Request           { return r }
func (r *Request) Get(url string) (*Response, error)               { return nil, nil }
func (r *Request) Post(url string) (*Response, error)              { return nil, nil }
func (r *Request) Put(url string) (*Response, error)               { return nil, nil }
func (r *Request) Patch(url string) (*Response, error)             { return nil, nil }
func (r *Request) Delete(url string) (*Response, error)            { return nil, nil }
func (r *Request) Head(url string) (*Response, error)              { return nil, nil }
func (r *Request) Execute(method, url string) (*Response, error)   { return nil, nil }
func (r *Request) SetBody(body any) *Request                       { return r }
func (r *Request) SetFormData(data map[string]string) *Request     { return r }
func (c *Client) SetBaseURL(url string) *Client                    { return c }
