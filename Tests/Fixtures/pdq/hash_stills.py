"""Hashes image files with the reference PDQ implementation's Python binding (PyPI `pdqhash`), for footage's tests.

Usage: hash_stills.py FILE...  Prints one line per file: the PDQ hash (64 hex digits, bit 0 first) and the quality.

Each file is decoded to 8-bit RGB by the ffmpeg command-line tool, not by footage. A picture larger than 512 px on a
side is first scaled to at most 512 px on its long side, aspect kept, with ffmpeg's area filter: the reference
project hashes pictures of at most 512 px, and an averaging filter is what makes the hash of a large picture stable.
(The reference command-line tool squashes such pictures to 512 x 512 by nearest neighbour instead, which aliases on
high-detail pictures: its hash of the same still moves by tens of bits with the picture's size.)
"""

import subprocess
import sys

import numpy
import pdqhash

LONGEST_SIDE = 512


def size(path):
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height",
         "-of", "csv=p=0", path],
        capture_output=True, text=True, check=True)
    width, height = probe.stdout.strip().split(",")[:2]
    return int(width), int(height)


def pixels(path):
    width, height = size(path)
    arguments = []
    if max(width, height) > LONGEST_SIDE:
        scale = LONGEST_SIDE / max(width, height)
        width, height = max(1, round(width * scale)), max(1, round(height * scale))
        arguments = ["-vf", f"scale={width}:{height}:flags=area+accurate_rnd"]
    decoded = subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-i", path, *arguments, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
        capture_output=True, check=True).stdout
    return numpy.frombuffer(decoded, numpy.uint8).reshape(height, width, 3)


def main(paths):
    for path in paths:
        bits, quality = pdqhash.compute(pixels(path))
        value = 0
        for bit in bits:
            value = value << 1 | int(bit)
        print(f"{value:064x} {quality}")


if __name__ == "__main__":
    main(sys.argv[1:])
