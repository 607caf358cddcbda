package weaviate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"syscall"
	"testing"

	"github.com/weaviate/weaviate-go-client/v5/weaviate/fault"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// dropped tells a connection that failed under a request from an answer
// the server gave: only the first is worth sending again.
func TestDropped(t *testing.T) {
	nested := &fault.WeaviateClientError{StatusCode: -1, Msg: "check the DerivedFromError field",
		DerivedFromError: &fault.WeaviateClientError{StatusCode: -1, Msg: "check the DerivedFromError field", DerivedFromError: io.ErrUnexpectedEOF}}
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"an EOF inside the client's errors", fmt.Errorf("weaviate: vector query: %w", nested), true},
		{"a bare EOF", io.EOF, true},
		{"a reset", fmt.Errorf("read: %w", syscall.ECONNRESET), true},
		{"gRPC unavailable", status.Error(codes.Unavailable, "connection closed"), true},
		{"an answer of 500", &fault.WeaviateClientError{IsUnexpectedStatusCode: true, StatusCode: 500, Msg: "boom"}, false},
		{"gRPC invalid argument", status.Error(codes.InvalidArgument, "bad filter"), false},
		{"a cancelled question", context.Canceled, false},
		{"another error", errors.New("no such class"), false},
	} {
		if got := dropped(tc.err); got != tc.want {
			t.Errorf("%s: dropped = %v, want %v", tc.name, got, tc.want)
		}
	}
}
