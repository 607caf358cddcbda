// Package app wires coveragebot together: it turns configuration into an
// index, an answering engine and, for serve, a Discord bot and an HTTP
// listener, and it implements the command line. main is a thin shell around
// Main so that tests can run exactly what production runs.
package app
