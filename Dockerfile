# coveragebot: a static Go binary on a minimal, non-root runtime image.
#
#   docker build -t coveragebot:local .
#
# The base images are build arguments so that offline machines (and the smoke
# test, scripts/docker-smoke) can substitute local stand-ins. The defaults are
# public tags pinned to a release line; no digest is pinned because a digest
# that cannot be checked where this file is written would break every build.
ARG GO_IMAGE=golang:1.26-bookworm
ARG RUNTIME_IMAGE=gcr.io/distroless/static-debian12:nonroot

FROM ${GO_IMAGE} AS build
WORKDIR /src
ENV CGO_ENABLED=0

# Modules first, so that editing the source reuses this layer.
# GOPROXY and GOFLAGS pass through only when given as build arguments.
ARG GOPROXY
ARG GOFLAGS
COPY go.mod go.sum ./
RUN go mod download

COPY . .
ARG VERSION=dev
# timetzdata embeds Go's zone database, so dates still resolve on a runtime
# image without /usr/share/zoneinfo (scratch); the system copy wins if present.
RUN go build -trimpath -tags timetzdata \
        -ldflags "-s -w -X main.version=${VERSION}" \
        -o /rootfs/usr/local/bin/coveragebot . \
    && mkdir -p /rootfs/etc/ssl/certs /rootfs/tmp /state \
    && chmod 1777 /rootfs/tmp \
    && cp /etc/ssl/certs/ca-certificates.crt /rootfs/etc/ssl/certs/

FROM ${RUNTIME_IMAGE}
ARG VERSION=dev
ARG REVISION=unknown
ARG SOURCE=https://github.com/coveragebot/coveragebot
# NOASSERTION (the SPDX word for "not stated") until the project picks a licence.
ARG LICENSES=NOASSERTION
LABEL org.opencontainers.image.title="coveragebot" \
      org.opencontainers.image.description="Self-hosted Discord bot that answers questions about news coverage and cites its sources" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.licenses="${LICENSES}"

# Everything the build stage adds goes in one layer: the binary, plus CA
# certificates and /tmp, so the image also works on RUNTIME_IMAGE=scratch.
# The index directory is created owned by the runtime user: a new named volume
# copies that ownership, so the bot can write its index there and nowhere else.
COPY --from=build /rootfs/ /
COPY --from=build --chown=65532:65532 /state/ /var/lib/coveragebot/
COPY data /data

ENV COVERAGEBOT_INDEX=/var/lib/coveragebot \
    COVERAGEBOT_DATA=/data \
    COVERAGEBOT_HTTP_ADDR=:8080 \
    SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt

USER 65532:65532
VOLUME ["/var/lib/coveragebot"]
EXPOSE 8080

# Exec form: the runtime image has no shell.
HEALTHCHECK --interval=30s --timeout=5s --start-period=2m --retries=3 \
    CMD ["/usr/local/bin/coveragebot", "healthcheck"]

ENTRYPOINT ["/usr/local/bin/coveragebot"]
CMD ["serve"]
