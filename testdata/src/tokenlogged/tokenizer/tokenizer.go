// Package tokenizer splits text into a language model's vocabulary
// (held-out pass 4: ollama's sentencepiece tokenizer): its tokens are
// words, not credentials. Values from credential sources still are.
package tokenizer

import (
	"fmt"
	"log"
	"log/slog"
	"net/http"
)

func encode(text string, vocab map[string]int32) []int32 {
	var ids []int32
	for _, b := range []byte(text) {
		byteToken := fmt.Sprintf("<0x%02X>", b)
		if id, ok := vocab[byteToken]; ok {
			ids = append(ids, id)
		} else {
			slog.Debug("unknown byte token", "byte", b, "token", byteToken)
			log.Printf("unknown token %q", byteToken)
		}
	}
	return ids
}

func fetchVocab(r *http.Request) {
	log.Println("vocabulary requested by", r.Header.Get("Authorization")) // want `token value r.Header.Get\("Authorization"\) written`
}
