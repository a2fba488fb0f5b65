// Package req stubs github.com/imroc/req/v3 v3.61.0 for analysistest:
// signatures only.
package req

import "net/http"

// Client makes requests.
type Client struct{}

// Request is a request being built.
type Request struct{}

// Response is a request's response.
type Response struct{}

func C() *Client              { return &Client{} }
func (c *Client) R() *Request { return &Request{} }

func (c *Client) SetCommonQueryParam(key, value string) *Client        { return c }
func (c *Client) AddCommonQueryParam(key, value string) *Client        { return c }
func (c *Client) SetCommonHeader(key, value string) *Client            { return c }
func (c *Client) SetCommonBearerAuthToken(token string) *Client        { return c }
func (c *Client) SetCommonBasicAuth(username, password string) *Client { return c }
func (c *Client) SetCommonCookies(cookies ...*http.Cookie) *Client     { return c }

func (r *Request) SetQueryParam(key, value string) *Request        { return r }
func (r *Request) AddQueryParam(key, value string) *Request        { return r }
func (r *Request) SetHeader(key, value string) *Request            { return r }
func (r *Request) SetBearerAuthToken(token string) *Request        { return r }
func (r *Request) SetBasicAuth(username, password string) *Request { return r }
func (r *Request) SetCookies(cookies ...*http.Cookie) *Request     { return r }
func (r *Request) Get(url string) (*Response, error)               { return nil, nil }

func (r *Request) Post(url string) (*Response, error)          { return nil, nil }
func (r *Request) Put(url string) (*Response, error)           { return nil, nil }
func (r *Request) Delete(url string) (*Response, error)        { return nil, nil }
func (r *Request) Send(method, url string) (*Response, error)  { return nil, nil }
func (r *Request) SetBody(body any) *Request                   { return r }
func (r *Request) SetFormData(data map[string]string) *Request { return r }
func (c *Client) SetBaseURL(u string) *Client                  { return c }
