package version

import (
	"bytes"
	"debug/elf"
	"fmt"
	"io"
	"os"
	"sync"
)

// Build identifies the running executable's code, for the keys of
// tokenvet's caches: Version and Commit are the same for every build of
// a checkout, modified or not, and a cache must not hand one build's
// results to another. It is the Go toolchain's build ID, which changes
// whenever the linked code does, read from the executable once per
// process; if that cannot be read, the executable's path, size and
// modification time stand in, and failing those, "unknown" (the caches
// then depend on Version and Commit alone).
func Build() string {
	buildOnce.Do(func() { build = readBuild() })
	return build
}

var (
	buildOnce sync.Once
	build     string
)

func readBuild() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	if id := buildID(exe); id != "" {
		return id
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return "unknown"
	}
	return fmt.Sprintf("%s %d %d", exe, fi.Size(), fi.ModTime().UnixNano())
}

// buildID reads the Go build ID of the executable at path: from the
// .note.go.buildid section of an ELF file, or else from the marker the
// linker writes near the start of the text of Mach-O and PE files
// (\xff Go build ID: "…"\n). It returns "" when neither is found.
func buildID(path string) string {
	if f, err := elf.Open(path); err == nil {
		defer f.Close()
		if s := f.Section(".note.go.buildid"); s != nil {
			if data, err := s.Data(); err == nil {
				return noteDesc(data)
			}
		}
		return ""
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, head)
	return markerID(head[:n])
}

// noteDesc returns the description of an ELF note whose owner is "Go":
// a 4-byte name size, description size and type, then the padded name
// and the description.
func noteDesc(data []byte) string {
	if len(data) < 12 {
		return ""
	}
	le := func(b []byte) int { return int(b[0]) | int(b[1])<<8 | int(b[2])<<16 | int(b[3])<<24 }
	nameSize, descSize := le(data[0:]), le(data[4:])
	start := 12 + (nameSize+3)&^3
	if nameSize < 0 || descSize < 0 || start+descSize > len(data) || start < 12 {
		return ""
	}
	return string(data[start : start+descSize])
}

var marker = []byte("\xff Go build ID: \"")

// markerID returns the quoted build ID after the linker's marker in head.
func markerID(head []byte) string {
	i := bytes.Index(head, marker)
	if i < 0 {
		return ""
	}
	rest := head[i+len(marker):]
	j := bytes.IndexByte(rest, '"')
	if j < 0 {
		return ""
	}
	return string(rest[:j])
}
