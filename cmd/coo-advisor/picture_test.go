package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/png"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden pictures in testdata/")

// pictureDiff says how two PNG pictures differ, or "" when they differ
// by no more than fonts and browser versions do: a height within 5%,
// and at most 2% of the pixels they share differing by more than a
// quarter of a channel's range.
func pictureDiff(want, got []byte) string {
	a, err := png.Decode(bytes.NewReader(want))
	if err != nil {
		return "the golden is no PNG: " + err.Error()
	}
	b, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		return "the picture is no PNG: " + err.Error()
	}
	ab, bb := a.Bounds(), b.Bounds()
	if ab.Dx() != bb.Dx() {
		return fmt.Sprintf("%d pixels wide, the golden %d", bb.Dx(), ab.Dx())
	}
	if d := ab.Dy() - bb.Dy(); d*20 > ab.Dy() || -d*20 > ab.Dy() {
		return fmt.Sprintf("%d pixels high, the golden %d", bb.Dy(), ab.Dy())
	}
	shared := image.Rect(0, 0, ab.Dx(), min(ab.Dy(), bb.Dy()))
	differ := 0
	for y := shared.Min.Y; y < shared.Max.Y; y++ {
		for x := shared.Min.X; x < shared.Max.X; x++ {
			r1, g1, b1, _ := a.At(ab.Min.X+x, ab.Min.Y+y).RGBA()
			r2, g2, b2, _ := b.At(bb.Min.X+x, bb.Min.Y+y).RGBA()
			if far(r1, r2) || far(g1, g2) || far(b1, b2) {
				differ++
			}
		}
	}
	if total := shared.Dx() * shared.Dy(); differ*50 > total {
		return fmt.Sprintf("%.1f%% of the pixels differ", 100*float64(differ)/float64(total))
	}
	return ""
}

// far reports whether two 16-bit channel values differ by more than a
// quarter of the range.
func far(x, y uint32) bool {
	if x > y {
		x, y = y, x
	}
	return y-x > 0x4000
}
