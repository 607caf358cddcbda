// Package feed keeps the coverage up to date with RSS and Atom feeds and
// ingests single article pages by address. A Poller fetches each feed when
// it is due (conditional GETs, backoff on failure), fetches the pages its
// new or changed entries link to, stores each story once however many
// feeds or addresses carry it, and remembers what it did in a state file
// beside the index, so that a restart fetches nothing twice.
package feed
