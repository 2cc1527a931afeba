package framing

import (
	"testing"
)

func TestScoreIndexAndEvidence(t *testing.T) {
	m := builtinMatcher(t)
	s := NewScorer(m)
	text := `Russia's special military operation went on. Kyiv called it an “invasion”.`
	sc := s.Score(Document{ID: "x", Text: text})
	smo, inv := m.LabelIndex("war.special_operation"), m.LabelIndex("war.invasion")
	if sc.Labels[smo] != (VoiceCount{Own: 1}) || sc.Labels[inv] != (VoiceCount{Quoted: 1}) {
		t.Errorf("special operation %+v, invasion %+v; want own 1 and quoted 1", sc.Labels[smo], sc.Labels[inv])
	}
	for _, h := range sc.Hits {
		if text[h.Start:h.End] != h.Text {
			t.Errorf("evidence %+v does not point at its text", h)
		}
	}
	if sc.Pos < 1 {
		t.Errorf("pos = %d, want at least the own-voice special operation", sc.Pos)
	}
}

func TestIndex(t *testing.T) {
	tests := []struct {
		pos, neg int
		want     float64
	}{{3, 1, 0.5}, {0, 2, -1}, {2, 0, 1}, {1, 1, 0}}
	for _, tt := range tests {
		if got := Index(tt.pos, tt.neg); got != tt.want {
			t.Errorf("Index(%d, %d) = %v, want %v", tt.pos, tt.neg, got, tt.want)
		}
	}
	if got := Index(0, 0); got == got {
		t.Errorf("Index(0, 0) = %v, want NaN", got)
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"All news\n“War,” he said.\n date 2023-01-01 http://x", "Also Read: x\n\"a\n\"b\"", "«„»“”\n\n\"",
		"Читайте также: Путин о СВО\n\n«Специальная военная операция», — сказал он. Вторжение продолжается.",
		"ДАННОЕ СООБЩЕНИЕ (МАТЕРИАЛ) СОЗДАНО И (ИЛИ) РАСПРОСТРАНЕНО ИНОСТРАННЫМ АГЕНТОМ\n— Это война, — сказал он.",
		"Повномасштабне вторгнення триває.\nЧитайте також: окупанти\nФото: УНІАН"} {
		f.Add(s)
	}
	m := builtinMatcher(f)
	f.Fuzz(func(t *testing.T, text string) {
		sc := NewScorer(m).Score(Document{ID: "f", Text: text})
		if n := sc.Tokens.Prose() + sc.Tokens.Quoted + sc.Tokens.Boilerplate; n != len(lexiconTokens(text)) {
			t.Fatalf("token counts %+v do not add up to %d tokens", sc.Tokens, n)
		}
		for _, h := range sc.Hits {
			if h.Start < 0 || h.End > len(text) || text[h.Start:h.End] != h.Text {
				t.Fatalf("evidence %+v does not point into the text", h)
			}
		}
	})
}
