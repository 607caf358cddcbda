package weaviate

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/weaviate/weaviate-go-client/v5/weaviate/fault"
	"github.com/weaviate/weaviate-go-client/v5/weaviate/filters"
	"github.com/weaviate/weaviate-go-client/v5/weaviate/graphql"
	"github.com/weaviate/weaviate-go-client/v5/weaviate/grpc/common"
	pb "github.com/weaviate/weaviate/grpc/generated/protocol/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// searchArgs are one search of a collection: nearest by vector when vector
// is set, best by BM25 over the terms property when bm25 is, and the
// objects the filter allows, in no order, when neither is.
type searchArgs struct {
	class   string
	idField string // passageId or articleId
	where   *filters.WhereBuilder
	limit   int
	vector  []float32
	bm25    string
	terms   bool // return each object's terms
}

// searchHit is one object a search found: its id, its cosine distance (a
// vector search) or Weaviate's BM25 score (a keyword search), and its
// terms when they were asked for.
type searchHit struct {
	id    string
	value float64
	terms string
}

// search runs a over gRPC when the store knows the server's gRPC address,
// and over GraphQL otherwise. gRPC carries the question's vector as bytes
// rather than as decimal text, and the answer as protocol buffers rather
// than JSON (docs/SCALING.md has what that saves per question); Weaviate's
// documentation also marks its GraphQL API as deprecated in favour of it.
//
// A search only reads, so one whose connection fails under it (a server
// or a proxy that closed it, "unexpected EOF") or that a busy server
// turns away is sent again, at most readRetries.attempts times, after a
// short pause; any other error is returned at once.
func (s *Store) search(ctx context.Context, a searchArgs) ([]searchHit, error) {
	policy := s.readRetries
	if policy.attempts == 0 {
		policy = defaultReadRetries
	}
	var hits []searchHit
	err := s.attempt(ctx, policy, false, func(err error) bool { return dropped(err) || busy(err) }, func() (err error) {
		if s.grpcSearch != nil {
			hits, err = s.grpcSearch.search(ctx, a, s.opts)
		} else {
			hits, err = s.searchGraphQL(ctx, a)
		}
		return err
	})
	return hits, err
}

// defaultReadRetries bounds the tries of a search: a question waits on
// it, so fewer and shorter than a write's.
var defaultReadRetries = retryPolicy{attempts: 3, first: 100 * time.Millisecond, most: time.Second}

// dropped reports whether err says the connection failed under a request
// rather than that the server answered it: an EOF or a reset, read through
// the Go client's errors (whose cause is in DerivedFromError), or gRPC's
// Unavailable.
func dropped(err error) bool {
	for err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNRESET) {
			return true
		}
		if st, ok := status.FromError(err); ok && st != nil && st.Code() == codes.Unavailable {
			return true
		}
		var ce *fault.WeaviateClientError
		if !errors.As(err, &ce) || ce.IsUnexpectedStatusCode {
			return false
		}
		err = ce.DerivedFromError
	}
	return false
}

// grpcSearcher asks Weaviate's gRPC Search method over a connection of its
// own. The Go client's gRPC search (Client.Experimental) leaves gRPC's
// default 4 MiB limit on the answers it receives, which a keyword query
// returning the terms of 80 long articles passes (realtimeqa-dev has such
// questions); Weaviate itself sends up to its GRPC_MAX_MESSAGE_SIZE (2 GB
// by default) and says how much in /v1/meta, which is what the Python
// client reads too (weaviate/weaviate#6098). So the connection takes the
// server's limit.
type grpcSearcher struct {
	conn   *grpc.ClientConn
	client pb.WeaviateClient
	// headers go with every call: the API key, when set.
	headers metadata.MD
}

// defaultGRPCMessageSize is the answer size allowed when the server does not
// say (servers before Weaviate 1.27): 100 MiB, what those servers allowed.
const defaultGRPCMessageSize = 104858000

func newGRPCSearcher(ctx context.Context, s *Store) (*grpcSearcher, error) {
	size := defaultGRPCMessageSize
	meta, err := s.client.Misc().MetaGetter().Do(ctx)
	if err != nil {
		return nil, fmt.Errorf("read server limits: %w", err)
	}
	if meta.GrpcMaxMessageSize > 0 {
		size = int(min(meta.GrpcMaxMessageSize, math.MaxInt32))
	}
	creds := insecure.NewCredentials()
	if strings.HasPrefix(s.opts.URL, "https:") {
		creds = credentials.NewTLS(&tls.Config{MinVersion: tls.VersionTLS12})
	}
	conn, err := grpc.NewClient(s.opts.GRPC, grpc.WithTransportCredentials(creds),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(size), grpc.MaxCallSendMsgSize(size)))
	if err != nil {
		return nil, fmt.Errorf("grpc %s: %w", s.opts.GRPC, err)
	}
	g := &grpcSearcher{conn: conn, client: pb.NewWeaviateClient(conn), headers: metadata.MD{}}
	if s.opts.APIKey != "" {
		g.headers.Set("authorization", "Bearer "+s.opts.APIKey)
	}
	return g, nil
}

func (g *grpcSearcher) search(ctx context.Context, a searchArgs, opts Options) ([]searchHit, error) {
	props := []string{a.idField}
	if a.terms {
		props = append(props, "terms")
	}
	req := &pb.SearchRequest{
		Collection: a.class,
		Limit:      uint32(a.limit),
		Properties: &pb.PropertiesRequest{NonRefProperties: props},
		Metadata:   &pb.MetadataRequest{Distance: a.vector != nil, Score: a.bm25 != ""},
		// The current form of request and answer (Weaviate 1.35 reads
		// only this flag of the three).
		Uses_127Api: true,
	}
	switch {
	case a.vector != nil:
		req.NearVector = &pb.NearVector{Vectors: []*pb.Vectors{common.GetVector("", a.vector)}}
	case a.bm25 != "":
		req.Bm25Search = &pb.BM25{Query: a.bm25, Properties: []string{"terms"}}
	}
	if a.where != nil {
		req.Filters = a.where.ToGRPC()
	}
	if opts.Replication > 1 {
		req.ConsistencyLevel = common.GetConsistencyLevel(opts.Consistency)
	}
	ctx, cancel := context.WithTimeout(metadata.NewOutgoingContext(ctx, g.headers), opts.Timeout)
	defer cancel()
	reply, err := g.client.Search(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("grpc: %w", err)
	}
	out := make([]searchHit, 0, len(reply.GetResults()))
	for _, r := range reply.GetResults() {
		fields := r.GetProperties().GetNonRefProps().GetFields()
		h := searchHit{id: fields[a.idField].GetTextValue(), terms: fields["terms"].GetTextValue()}
		m := r.GetMetadata()
		present := true
		switch {
		case a.vector != nil:
			present, h.value = m.GetDistancePresent(), float64(m.GetDistance())
		case a.bm25 != "":
			present, h.value = m.GetScorePresent(), float64(m.GetScore())
		}
		if h.id == "" || !present {
			return nil, fmt.Errorf("a result without %s or its distance or score", a.idField)
		}
		out = append(out, h)
	}
	return out, nil
}

func (g *grpcSearcher) close() error { return g.conn.Close() }

func (s *Store) searchGraphQL(ctx context.Context, a searchArgs) ([]searchHit, error) {
	measure := ""
	fields := []graphql.Field{{Name: a.idField}}
	switch {
	case a.vector != nil:
		measure = "distance"
	case a.bm25 != "":
		measure = "score"
	}
	if measure != "" {
		fields = append(fields, graphql.Field{Name: "_additional", Fields: []graphql.Field{{Name: measure}}})
	}
	if a.terms {
		fields = append(fields, graphql.Field{Name: "terms"})
	}
	get := s.client.GraphQL().Get().WithClassName(a.class).WithLimit(a.limit).WithFields(fields...)
	switch {
	case a.vector != nil:
		get = get.WithNearVector(s.client.GraphQL().NearVectorArgBuilder().WithVector(a.vector))
	case a.bm25 != "":
		get = get.WithBM25(s.client.GraphQL().Bm25ArgBuilder().WithQuery(a.bm25).WithProperties("terms"))
	}
	if a.where != nil {
		get = get.WithWhere(a.where)
	}
	if s.opts.Replication > 1 {
		// Weaviate takes the argument only for replicated collections.
		get = get.WithConsistencyLevel(s.opts.Consistency)
	}
	res, err := get.Do(ctx)
	if err := gqlError(res, err); err != nil {
		return nil, err
	}
	rows, err := rowsOf(res, "Get", a.class)
	if err != nil {
		return nil, err
	}
	out := make([]searchHit, 0, len(rows))
	for _, row := range rows {
		h := searchHit{}
		h.id, _ = row[a.idField].(string)
		h.terms, _ = row["terms"].(string)
		if h.id == "" {
			return nil, fmt.Errorf("a result without %s", a.idField)
		}
		if measure != "" {
			add, _ := row["_additional"].(map[string]any)
			v, err := numberOf(add[measure])
			if err != nil {
				return nil, fmt.Errorf("a result without its %s", measure)
			}
			h.value = v
		}
		out = append(out, h)
	}
	return out, nil
}

// numberOf reads a distance or a BM25 score, which Weaviate's GraphQL
// sends as a number and a string.
func numberOf(v any) (float64, error) {
	switch x := v.(type) {
	case string:
		return strconv.ParseFloat(x, 64)
	case float64:
		return x, nil
	}
	return 0, fmt.Errorf("not a number: %v", v)
}
