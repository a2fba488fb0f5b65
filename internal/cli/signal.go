package cli

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"syscall"
)

// errInterrupted ends a scan stopped by SIGINT or SIGTERM: no report is
// written and the exit status is ExitError.
var errInterrupted = errors.New("interrupted")

// interruptible returns a context cancelled by the first SIGINT or
// SIGTERM, and a function that stops listening.
//
// Cancelling is enough to stop promptly: go/packages interrupts the
// process group of each go command it runs (go list and the compilers it
// starts) and kills it 5 s later, goscan returns once those commands have
// ended, and the scan does not wait for a file engine deep in one file.
// Later signals are caught too, so that tokenvet is not killed while its
// children are being stopped (SIGTERM would otherwise orphan them); a
// process killed outright (SIGKILL) cannot clean up.
func interruptible() (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-sigs:
			cancel()
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel()
	}
}
