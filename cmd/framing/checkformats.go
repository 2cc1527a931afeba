package main

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/framingkit/framing/framing/baseline"
	"github.com/framingkit/framing/report"
)

// The check formats for CI services.
const (
	fmtGitHub = "github" // GitHub Actions workflow commands: annotations
	fmtJUnit  = "junit"  // JUnit XML, which most CI services read as test results
)

// writeCheckGitHub writes a check as GitHub Actions workflow commands: an
// error annotation on the baseline file for every cell that drifted, a
// notice for every cause found, and the verdict as an error or a notice.
func writeCheckGitHub(w io.Writer, res *baseline.Result, path string) error {
	var b strings.Builder
	file := ghProperty(path)
	for _, c := range res.Drift {
		fmt.Fprintf(&b, "::error file=%s,title=%s::%s\n", file, ghProperty("framing drift: "+c.Scope+" "+c.Name),
			ghData(fmt.Sprintf("%s %s, %s: %s", c.Scope, c.Name, c.Measure, driftText(c, res))))
	}
	for _, cause := range res.Causes {
		fmt.Fprintf(&b, "::notice file=%s,title=framing check::%s\n", file, ghData(cause))
	}
	level := "notice"
	if !res.OK() {
		level = "error"
	}
	fmt.Fprintf(&b, "::%s file=%s,title=framing check::%s\n", level, file, ghData(res.Verdict()))
	_, err := io.WriteString(w, b.String())
	return err
}

// ghData escapes a workflow command's message; ghProperty a property's
// value, which also may not hold ":" or ",".
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProperty(s string) string {
	return strings.NewReplacer(":", "%3A", ",", "%2C").Replace(ghData(s))
}

// driftText says how a cell moved, in the drift table's numbers.
func driftText(c baseline.Cell, res *baseline.Result) string {
	was, now, change := report.DriftValues(c)
	return fmt.Sprintf("was %s, now %s (change %s, tolerance %s)", was, now, change, res.Tolerances[c.Kind])
}

// junitSuites is a JUnit XML report: one test case per cell that drifted,
// failed, and one for the whole baseline, failed when anything drifted.
type junitSuites struct {
	XMLName xml.Name     `xml:"testsuites"`
	Suites  []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
	Out      string      `xml:"system-out,omitempty"`
}

type junitCase struct {
	Class   string        `xml:"classname,attr"`
	Name    string        `xml:"name,attr"`
	Failure *junitFailure `xml:"failure"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

// writeCheckJUnit writes a check as JUnit XML.
func writeCheckJUnit(w io.Writer, res *baseline.Result, path string) error {
	suite := junitSuite{Name: "framing check " + path, Out: strings.Join(res.Causes, "\n")}
	for _, c := range res.Drift {
		msg := driftText(c, res)
		suite.Cases = append(suite.Cases, junitCase{Class: c.Scope + "." + c.Name, Name: c.Measure, Failure: &junitFailure{Message: msg, Text: msg}})
	}
	whole := junitCase{Class: "baseline", Name: report.Count(res.Compared, "cell", "cells") + " within tolerance"}
	if !res.OK() {
		whole.Failure = &junitFailure{Message: res.Verdict(), Text: res.Verdict()}
	}
	suite.Cases = append(suite.Cases, whole)
	suite.Tests = len(suite.Cases)
	for _, c := range suite.Cases {
		if c.Failure != nil {
			suite.Failures++
		}
	}
	out, err := xml.MarshalIndent(junitSuites{Suites: []junitSuite{suite}}, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s%s\n", xml.Header, out)
	return err
}
