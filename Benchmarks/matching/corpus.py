"""Builds a labelled corpus for evaluating `footage match`: source clips and transformed copies of them, with the
exact correspondence between each copy's seconds and its source's, written to labels.json.

Sources are generated footage (seeded FFmpeg test sources with motion), the repository's Media/samples and, when
FOOTAGE_REFERENCE_DIR is set, the reference project's clips. Every copy is a trim at a random fractional offset
(so that offsets fall between sampling instants) followed by one transform: a 2-second excerpt, an excerpt spliced
between unrelated footage, a frame-rate change, a low-bitrate re-encode, scaling, a crop, bars, a mirror image,
greyscale or sepia, corner logos of several sizes, a lower-third caption, a news ticker. The same seed builds the same
corpus on every machine (FFmpeg's encoders are deterministic for the same build).

    python3 Benchmarks/matching/corpus.py --out /tmp/match-corpus [--seed 7] [--sources 6] [--quick]
"""

import argparse
import json
import os
import random
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
REPOSITORY = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT, RATE = 640, 360, 25


@dataclass
class Piece:
    """Seconds [copy_start, copy_end) of a clip show `source` from source_start on, at the same speed."""
    copy_start: float
    copy_end: float
    source: str
    source_start: float


@dataclass
class Clip:
    name: str
    path: str
    source: str                 # the source it mainly shows; a source shows itself
    transform: str              # "source" for a source
    duration: float
    pieces: list = field(default_factory=list)

    def piece(self, copy_start, copy_end, offset=0.0):
        """The part of this clip's footage from `offset` on, shown at [copy_start, copy_end) of a copy."""
        own = self.pieces[0]
        return Piece(copy_start, copy_end, own.source, own.source_start + offset)


def run(arguments):
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", *arguments], check=True)


def duration_of(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path],
                         check=True, capture_output=True, text=True).stdout
    return float(out.strip())


def encode_arguments(quality=20):
    return ["-c:v", "libx264", "-preset", "veryfast", "-crf", str(quality), "-pix_fmt", "yuv420p", "-g", "50",
            "-an", "-movflags", "+faststart"]


def generated_sources(folder, rng, count, seconds):
    """Seeded FFmpeg test sources with motion: fractal zooms, cellular automata, game of life, moving gradients."""
    makers = [
        lambda: f"mandelbrot=size={WIDTH}x{HEIGHT}:rate={RATE}:start_x={rng.uniform(-1.5, 0.3):.4f}"
                f":start_y={rng.uniform(-0.6, 0.6):.4f}:start_scale={rng.uniform(1.5, 3):.3f}:end_scale=0.02",
        lambda: f"life=size={WIDTH // 4}x{HEIGHT // 4}:rate={RATE}:seed={rng.randrange(1 << 30)}:ratio=0.3"
                f":mold=8:life_color=#{rng.randrange(1 << 24):06x}:death_color=#{rng.randrange(1 << 24):06x},"
                f"scale={WIDTH}:{HEIGHT}:flags=neighbor",
        lambda: f"cellauto=size={WIDTH // 2}x{HEIGHT // 2}:rate={RATE}:seed={rng.randrange(1 << 30)}"
                f":rule={rng.choice([18, 30, 60, 90, 110, 150])}:scroll=1,scale={WIDTH}:{HEIGHT}",
        lambda: f"gradients=size={WIDTH}x{HEIGHT}:rate={RATE}:seed={rng.randrange(1 << 30)}:speed=0.02:nb_colors=4",
    ]
    clips = []
    for index in range(count):
        source = makers[index % len(makers)]()
        path = folder / f"generated-{index}.mp4"
        # Moving text over the pattern gives every picture detail of its own, as real footage has.
        text = (f"drawtext=fontfile={FONT}:text='{rng.randrange(10**6):06d}':fontsize=48:fontcolor=white"
                f":x=mod(t*{rng.randint(40, 90)}\\,w):y=h*{rng.uniform(0.2, 0.6):.2f}")
        run(["-f", "lavfi", "-i", source, "-t", str(seconds), "-vf", text, *encode_arguments(), str(path)])
        clips.append(Clip(path.stem, str(path), path.stem, "source", duration_of(str(path)),
                          [Piece(0, seconds, path.stem, 0)]))
    return clips


# The repository's samples: the ministry's upload shows seconds 0-30 of one source, the Pentagon's release seconds
# 8-38 of it (Media/samples/make-samples.sh); the other two are unrelated.
SAMPLE_SOURCES = {"ministry-upload": ("convoy", 0.0), "pentagon-release": ("convoy", 8.0)}


def existing_sources():
    paths = [REPOSITORY / "Media/samples" / name
             for name in ["ministry-upload.mp4", "pentagon-release.webm", "handheld-rotated.mov", "checkpoint-cctv.ts"]]
    reference = os.environ.get("FOOTAGE_REFERENCE_DIR")
    if reference:
        # Only the reference project's originals: its own copies are labelled by `reference_pairs`.
        paths += [Path(reference) / "videos" / name for name in ["chair-orig-22-sd-bar.mp4", "doorknob-hd-no-bar.mp4",
                                                                "pattern-hd-no-bar.mp4"]]
    clips = []
    for path in paths:
        if path.exists():
            seconds = duration_of(str(path))
            source, start = SAMPLE_SOURCES.get(path.stem, (path.stem, 0.0))
            clips.append(Clip(path.stem, str(path), source, "source", seconds, [Piece(0, seconds, source, start)]))
    return clips


def reference_copies():
    """The reference project's own transformed copies, aligned with their originals from the first frame."""
    reference = os.environ.get("FOOTAGE_REFERENCE_DIR")
    if not reference:
        return []
    copies = [("chair-22-with-small-logo-bar", "chair-orig-22-sd-bar", "logo-small"),
              ("chair-22-sd-grey-bar", "chair-orig-22-sd-bar", "grey"),
              ("pattern-sd-with-small-logo-bar", "pattern-hd-no-bar", "logo-small")]
    clips = []
    for name, source, transform in copies:
        path = Path(reference) / "videos" / f"{name}.mp4"
        if path.exists():
            seconds = duration_of(str(path))
            clips.append(Clip(name, str(path), source, transform, seconds, [Piece(0, seconds, source, 0)]))
    return clips


def box(x, y, w, h, colour="black@0.85"):
    return f"drawbox=x={x}:y={y}:w={w}:h={h}:color={colour}:t=fill"


def label(text, x, y, size):
    return f"drawtext=fontfile={FONT}:text='{text}':fontsize={size}:fontcolor=white:x={x}:y={y}"


def logo(share):
    """A corner logo covering `share` of the picture: a box with the channel's name."""
    side = share ** 0.5
    return ",".join([box(f"iw*{1 - side - 0.02:.3f}", "ih*0.03", f"iw*{side:.3f}", f"ih*{side:.3f}", "navy@0.9"),
                     label("NEWS 24", f"w*{1 - side:.3f}", f"h*{0.03 + side / 3:.3f}", f"h*{side / 4:.3f}")])


CAPTION = ",".join([box(0, "ih*0.85", "iw", "ih*0.15"),
                    label("BREAKING - convoy struck near the border", "w*0.03", "h*0.89", "h*0.06")])
TICKER = ",".join([box(0, "ih*0.92", "iw", "ih*0.08", "darkred@0.9"),
                   label("markets close lower * weather warning for the coast * talks resume in Geneva",
                         "w-mod(t*120\\,w+tw)", "h*0.935", "h*0.05")])

# Each transform: a filter chain over the trimmed source, or a special construction named by its key.
TRANSFORMS = {
    "trim": "null",
    "excerpt-2s": "null",
    "splice": "null",
    "retime-30fps": "fps=30",
    "low-bitrate": "null",
    "scale-half": "scale=iw/2:-2",
    "crop-10": "crop=iw*0.9:ih*0.9",
    "letterbox": "scale=iw:ih*0.75,pad=iw:ih/0.75:0:(oh-ih)/2",
    "pillarbox": "scale=iw*0.75:ih,pad=iw/0.75:ih:(ow-iw)/2:0",
    "mirror": "hflip",
    "grey": "hue=s=0",
    "sepia": "colorchannelmixer=.393:.769:.189:0:.349:.686:.168:0:.272:.534:.131",
    "logo-small": logo(0.04),
    "logo-medium": logo(0.10),
    "logo-large": logo(0.25),
    "caption": CAPTION,
    "ticker": TICKER,
    "logo-and-caption": logo(0.06) + "," + CAPTION,
}
QUICK = ["trim", "excerpt-2s", "splice", "retime-30fps", "crop-10", "mirror", "logo-small", "logo-large", "caption"]


def make_copy(source, transform, folder, rng, unrelated):
    """One transformed copy of `source`, trimmed at a random fractional offset; None when the source is too short."""
    name = f"{source.name}--{transform}"
    path = folder / f"{name}.mp4"
    if transform == "excerpt-2s":
        length = 2.0
    elif transform == "splice":
        length = 5.0
    else:
        length = min(source.duration - 1.0, 20.0)
    latest = source.duration - length - 0.2
    if latest < 0.3:
        return None
    start = round(rng.uniform(0.3, min(latest, 7.0)) + 0.001 * rng.randrange(1, 999), 3)
    if transform == "splice":
        # Unrelated footage, then the excerpt, then unrelated footage again.
        other = rng.choice(unrelated)
        scale = f"scale={WIDTH}:{HEIGHT}:force_original_aspect_ratio=decrease,pad={WIDTH}:{HEIGHT}:-1:-1,fps={RATE}" \
                ",setsar=1,format=yuv420p"
        graph = (f"[0:v]trim=0:3,setpts=PTS-STARTPTS,{scale}[a];"
                 f"[1:v]trim={start}:{start + length},setpts=PTS-STARTPTS,{scale}[b];"
                 f"[0:v]trim=4:7,setpts=PTS-STARTPTS,{scale}[c];[a][b][c]concat=n=3:v=1:a=0[out]")
        run(["-i", other.path, "-i", source.path, "-filter_complex", graph, "-map", "[out]", *encode_arguments(),
             str(path)])
        pieces = [other.piece(0.0, 3.0), source.piece(3.0, 8.0, start), other.piece(8.0, 11.0, 4.0)]
        return Clip(name, str(path), source.source, transform, duration_of(str(path)), pieces)
    quality = 42 if transform == "low-bitrate" else 23
    run(["-ss", f"{start:.3f}", "-i", source.path, "-t", f"{length:.3f}", "-vf", TRANSFORMS[transform],
         *encode_arguments(quality), str(path)])
    seconds = duration_of(str(path))
    return Clip(name, str(path), source.source, transform, seconds, [source.piece(0.0, min(seconds, length), start)])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sources", type=int, default=6, help="generated sources (the samples come on top)")
    parser.add_argument("--seconds", type=int, default=24, help="length of each generated source")
    parser.add_argument("--quick", action="store_true", help=f"only {', '.join(QUICK)}")
    options = parser.parse_args()
    rng = random.Random(options.seed)
    options.out.mkdir(parents=True, exist_ok=True)
    sources = generated_sources(options.out, rng, options.sources, options.seconds) + existing_sources()
    clips = list(sources) + reference_copies()
    for source in sources:
        unrelated = [other for other in sources if other.source != source.source and other.duration >= 7.5]
        for transform in (QUICK if options.quick else TRANSFORMS):
            copy = make_copy(source, transform, options.out, rng, unrelated)
            if copy:
                clips.append(copy)
                print(f"{copy.name}: {copy.duration:.2f} s, from {copy.pieces[0].source_start:.3f} s", flush=True)
    labels = {"seed": options.seed, "clips": [asdict(clip) for clip in clips]}
    (options.out / "labels.json").write_text(json.dumps(labels, indent=1))
    print(f"{len(clips)} clips ({len(sources)} sources) in {options.out}")


if __name__ == "__main__":
    main()
