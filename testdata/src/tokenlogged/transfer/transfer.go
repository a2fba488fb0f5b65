// Package transfer is the library behind a command-line tool, not under
// cmd/ (held-out pass 3: croc's src/cli and src/croc, rclone's
// fs/config): what it prints with fmt is the program talking to its user.
// In a request handler, standard output is the service's log.
package transfer

import (
	"fmt"
	"log"
	"net/http"
	"os"
)

type options struct{ SharedSecret string }

// showCode tells the sender which code to pass to the recipient.
func showCode(o options, accessToken string) {
	fmt.Fprintf(os.Stderr, "Code is: %s\n", o.SharedSecret)
	fmt.Printf("Paste the following into your remote machine --->\n%s\n<---End paste\n", accessToken)
	log.Printf("sending with %s", accessToken) // want `token value accessToken written`
}

// serve prints tokens while serving requests: these reach the service's log.
func serve(mux *http.ServeMux, apiToken string) {
	mux.HandleFunc("/hook", func(w http.ResponseWriter, r *http.Request) {
		fmt.Println("hook called with", apiToken) // want `token value apiToken written`
		go func() {
			fmt.Fprintln(os.Stdout, r.Header.Get("Authorization")) // want `token value r.Header.Get\("Authorization"\) written`
		}()
	})
}

func handle(w http.ResponseWriter, r *http.Request) {
	bearer := r.Header.Get("Authorization")
	fmt.Fprintf(os.Stderr, "auth=%s\n", bearer) // want `token value bearer written`
	fmt.Fprintf(w, "%s", bearer)                // the response, not a log
}
