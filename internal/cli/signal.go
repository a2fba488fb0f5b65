package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// errInterrupted ends a scan stopped by SIGINT or SIGTERM: no report is
// written and the exit status is ExitError.
var errInterrupted = errors.New("interrupted")

// stopped is the error of a scan whose context ended: interrupted, or
// timed out when the --timeout deadline passed first.
func stopped(ctx context.Context, timeout time.Duration) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("timed out after %s (--timeout); no report was written", timeout)
	}
	return errInterrupted
}

// interruptible returns a context cancelled by the first SIGINT or
// SIGTERM, or when timeout (if positive) has passed, and a function that
// stops listening. A timeout stops the scan exactly as a signal does.
//
// Cancelling is enough to stop promptly: go/packages interrupts the
// process group of each go command it runs (go list and the compilers it
// starts) and kills it 5 s later, goscan returns once those commands have
// ended, and the scan does not wait for a file engine deep in one file.
// Later signals are caught too, so that tokenvet is not killed while its
// children are being stopped (SIGTERM would otherwise orphan them); a
// process killed outright (SIGKILL) cannot clean up.
func interruptible(timeout time.Duration) (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	if timeout > 0 {
		ctx, cancel = context.WithTimeout(context.Background(), timeout)
	}
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
