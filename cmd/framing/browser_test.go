package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/framingkit/framing/internal/fixture"
	"github.com/framingkit/framing/report"
)

// chromium finds Debian's Chromium. Without it the browser test skips on a
// workstation and fails in CI (CI=true), where .ci/run installs it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no chromium on PATH: .ci/run installs it (apt-get install chromium)")
	}
	t.Skip("no chromium on PATH: apt-get install chromium to run the browser test")
	return ""
}

// TestReportInBrowser opens the report in headless Chromium and checks, over
// the DevTools protocol, what a reader gets: a page that loads with no
// console errors and no network requests, every chart drawn with a size, an
// evidence link that scrolls to its snippet, and hostile document text
// shown as text with nothing run. It saves a full-page screenshot of the
// seeds' report (with the hostile corpus) and of a report on 30 outlets.
func TestReportInBrowser(t *testing.T) {
	exe := chromium(t)
	shots := filepath.Join(os.TempDir(), "framing-browser")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	t.Run("seeds and hostile text", func(t *testing.T) {
		dir := t.TempDir()
		code, _, stderr := runCLI("", "report", "-q", "../../testdata/seeds", "../../testdata/hostile/articles.jsonl", "-o", dir)
		if code != 0 {
			t.Fatalf("report: exit %d: %s", code, stderr)
		}
		got := inspect(t, exe, filepath.Join(dir, "index.html"), filepath.Join(shots, "report-seeds.png"))
		for _, lit := range []string{`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`, `<iframe src="http://example.invalid/"></iframe>`, `<b>Bold Outlet</b>`} {
			if !strings.Contains(got.Text, lit) {
				t.Errorf("the page does not show %q as text", lit)
			}
		}
	})

	t.Run("30 outlets", func(t *testing.T) {
		dir := t.TempDir()
		docs := fixture.ManyOutlets(t)
		in := &report.Input{Comparison: fixture.Compare(t, docs, "outlet"), Evidence: report.NewEvidenceSample(3, 8), Axis: [2]string{"critical", "kremlin"}}
		for _, d := range docs {
			in.Evidence.Add(d.Score.Outlet, d.Doc, d.Score)
		}
		if _, err := report.WriteDir(dir, in); err != nil {
			t.Fatal(err)
		}
		if got := inspect(t, exe, filepath.Join(dir, "index.html"), filepath.Join(shots, "report-30-outlets.png")); got.Outlets {
			t.Errorf("a report grouped by outlet has a per-outlet view: %v", got.TOC)
		}
	})

	t.Run("per-outlet view", func(t *testing.T) {
		dir := t.TempDir()
		code, _, stderr := runCLI("", "report", "-q", "--by", "date", "../../testdata/seeds", "-o", dir)
		if code != 0 {
			t.Fatalf("report: exit %d: %s", code, stderr)
		}
		got := inspect(t, exe, filepath.Join(dir, "index.html"), filepath.Join(shots, "report-by-date.png"))
		if !got.Outlets {
			t.Errorf("a report grouped by date has no per-outlet view in its contents: %v", got.TOC)
		}
		for _, outlet := range []string{"Forum of Free Russia", "Sputnik", "TASS", "The Moscow Times", "Voice of Nigeria"} {
			if !strings.Contains(got.Text, outlet) {
				t.Errorf("the per-outlet view does not name %s", outlet)
			}
		}
	})
}

// pageFacts is what the browser saw.
type pageFacts struct {
	Text   string
	Charts []struct {
		ID   string
		W, H float64
	}
	Active int // <img>, <script>, <iframe>, <object>, <embed> elements
	// Width is how wide the page lays out, against the window's Inner
	// width: wider means a reader scrolls the whole page sideways.
	Width, Inner float64
	// TOC are the table of contents' links; Outlets says it has the
	// per-outlet view.
	TOC     []string
	Outlets bool
}

// inspect loads file in Chromium, runs the checks every report must pass,
// saves a screenshot to shot and returns what the page showed.
func inspect(t *testing.T, exe, file, shot string) pageFacts {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1200, 900),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	actx, cancelA := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelA()
	bctx, cancelB := chromedp.NewContext(actx)
	defer cancelB()

	url := "file://" + file
	var mu sync.Mutex
	var problems []string
	note := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		problems = append(problems, fmt.Sprintf(format, args...))
	}
	// Subscribe before loading: the subscriptions buffer what comes while
	// the page loads.
	lctx, stopListening := context.WithCancel(bctx)
	defer stopListening()
	var wg sync.WaitGroup
	console := chromedp.Console(lctx)
	requests := chromedp.Events(lctx, network.RequestWillBeSent)
	dialogs := chromedp.Events(lctx, page.JavascriptDialogOpening)
	wg.Add(3)
	go func() {
		defer wg.Done()
		for m, err := range console {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleWarning || m.IsException() {
				note("console %s: %s", m.Type, m.Text)
			}
		}
	}()
	go func() {
		defer wg.Done()
		for r, err := range requests {
			if err != nil {
				return
			}
			if r.Request.URL != url {
				note("network request: %s", r.Request.URL)
			}
		}
	}()
	go func() {
		defer wg.Done()
		for d, err := range dialogs {
			if err != nil {
				return
			}
			note("a script opened a dialog: %q", d.Message)
			chromedp.Call(bctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false}) //nolint:errcheck // dismissing: the test has failed already
		}
	}()

	if err := chromedp.Do(bctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatalf("chromium: %v", err)
	}
	facts, err := chromedp.Run(bctx, chromedp.Evaluate[pageFacts](`({
		Text: document.body.innerText,
		Charts: Array.from(document.querySelectorAll('.chart')).map(d => {
			const s = d.querySelector('svg'); const r = s ? s.getBoundingClientRect() : {width: 0, height: 0};
			return {ID: d.id, W: r.width, H: r.height};
		}),
		Active: document.querySelectorAll('img, script, iframe, object, embed').length,
		Width: document.documentElement.scrollWidth, Inner: innerWidth,
	})`))
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	png, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	type jumpFacts struct {
		Hash, Tag  string
		Top, Inner float64
		Found      bool
		Links      []string
	}
	// follow clicks the first element sel matches and says where the page
	// went: the hash, and whether its target is in the top half of the
	// window.
	follow := func(sel string) jumpFacts {
		if err := chromedp.Do(bctx, chromedp.Click(chromedp.CSS(sel)), chromedp.Sleep(300*time.Millisecond)); err != nil {
			t.Fatalf("click %s: %v", sel, err)
		}
		jump, err := chromedp.Run(bctx, chromedp.Evaluate[jumpFacts](`(() => {
			const el = document.getElementById(location.hash.slice(1));
			return {Hash: location.hash, Found: !!el, Top: el ? el.getBoundingClientRect().top : -1, Inner: innerHeight,
				Tag: el ? el.tagName : "", Links: el ? Array.from(el.querySelectorAll('a')).map(a => a.getAttribute('href')) : []};
		})()`))
		if err != nil {
			t.Fatalf("chromium: %v", err)
		}
		return jump
	}
	// Every entry of the table of contents leads to its section.
	toc, err := chromedp.Run(bctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#toc a')).map(a => a.getAttribute('href'))`))
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	for _, href := range toc {
		if j := follow(`#toc a[href="` + href + `"]`); !j.Found || j.Hash != href || j.Tag != "H2" || j.Top < 0 || j.Top > j.Inner/2 {
			t.Errorf("the contents entry %s did not lead to its section: %+v", href, j)
		}
	}
	// Evidence links both ways: a count to its snippets, and the snippets
	// back to that very count.
	jump := follow(`a[href^="#ev-"]`)
	back := follow(`section.evidence-cell:target a.back`)
	if want := "#" + strings.Replace(strings.TrimPrefix(jump.Hash, "#"), "ev-", "at-", 1); back.Hash != want || back.Tag != "TD" || !slices.Contains(back.Links, jump.Hash) || back.Top < 0 || back.Top > back.Inner/2 {
		t.Errorf("the evidence's back link did not return to the count that links to it (%s): %+v", jump.Hash, back)
	}
	facts.TOC, facts.Outlets = toc, slices.Contains(toc, "#outlets")
	stopListening()
	wg.Wait()
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", shot)

	mu.Lock()
	for _, p := range problems {
		t.Error(p)
	}
	mu.Unlock()
	if facts.Width > facts.Inner {
		t.Errorf("the page is %v px wide in a %v px window: something does not wrap or scroll in its box", facts.Width, facts.Inner)
	}
	if facts.Active != 0 {
		t.Errorf("%d img/script/iframe/object/embed elements in the page; want none", facts.Active)
	}
	// Every chart written beside the page is in it.
	svgs, err := filepath.Glob(filepath.Join(filepath.Dir(file), "charts", "*.svg"))
	if err != nil {
		t.Fatal(err)
	}
	if len(svgs) == 0 {
		t.Errorf("no charts/*.svg beside %s", file)
	}
	if want := len(svgs); len(facts.Charts) != want {
		t.Errorf("%d charts in the page, want %d", len(facts.Charts), want)
	}
	for _, c := range facts.Charts {
		if c.W <= 0 || c.H <= 0 {
			t.Errorf("chart %s has size %v × %v", c.ID, c.W, c.H)
		}
	}
	if !jump.Found || !strings.HasPrefix(jump.Hash, "#ev-") || jump.Top < 0 || jump.Top > jump.Inner/2 {
		t.Errorf("the evidence link did not scroll to its snippet: %+v", jump)
	}
	return facts
}
