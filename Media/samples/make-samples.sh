#!/bin/sh
# Makes the synthetic sample clips of Media/samples with the ffmpeg CLI and lavfi sources only.
#
# They stand in for the motivating case (see README.md here): one ~45 s "source footage" with distinct
# scenes, released twice by different parties with different encodings, sizes and start points, plus
# unrelated clips. Encoders run single-threaded with fixed seeds and explicit metadata, so re-running
# gives equivalent files (same frames, same tags; byte-level differences can only come from the
# encoder version).
#
# Usage: sh Media/samples/make-samples.sh   (writes next to this script)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

ff() { ffmpeg -hide_banner -loglevel error -nostdin -y "$@"; }

# 1. The source footage: six 7.5 s scenes, 640x360 at 25 fps, each from a different generator so that
#    frames vary within a scene and scene changes are sharp. Audio: a tone that changes pitch per scene.
s=640x360
ff -filter_complex "
  testsrc2=s=$s:r=25:d=7.5,format=yuv420p[v0];
  mandelbrot=s=$s:r=25,trim=duration=7.5,format=yuv420p[v1];
  life=s=$s:r=25:seed=1704:ratio=0.2:mold=10:life_color=#40ff60:death_color=#803020,trim=duration=7.5,format=yuv420p[v2];
  cellauto=s=$s:r=25:rule=30:seed=6709,trim=duration=7.5,format=yuv420p[v3];
  smptebars=s=$s:r=25:d=7.5[bars];
  testsrc=s=160x120:r=25:d=7.5[box];
  [bars][box]overlay=x='40+t*50':y='120+60*sin(t)',format=yuv420p[v4];
  gradients=s=$s:r=25:seed=33:speed=0.03:n=4,trim=duration=7.5,
    drawbox=x='mod(t*120,560)':y=140:w=80:h=80:color=white@0.9:t=fill,format=yuv420p[v5];
  [v0][v1][v2][v3][v4][v5]concat=n=6:v=1:a=0,setpts=N/25/TB[v];
  aevalsrc='0.2*sin(2*PI*(300+110*floor(t/7.5))*t)':s=48000:d=45[a]
" -map '[v]' -map '[a]' -c:v libx264 -preset veryfast -qp 12 -threads 1 -c:a pcm_s16le \
  "$work/source.mkv"

# 2. ministry-upload.mp4: what the ministry put on YouTube. Seconds 0-30, H.264 with a 2 s GOP + AAC,
#    location near Fallujah. The encoder tag stays the natural "Lavf..." of a platform re-encode.
ff -i "$work/source.mkv" -t 30 -map_metadata -1 \
  -c:v libx264 -preset medium -profile:v high -b:v 220k -maxrate 300k -bufsize 600k \
  -g 50 -keyint_min 50 -sc_threshold 0 -threads 1 -pix_fmt yuv420p \
  -c:a aac -b:a 48k -ac 2 \
  -metadata creation_time=2017-06-21T14:05:09.000000Z \
  -metadata location=+33.3486+043.7834/ \
  -metadata com.apple.quicktime.location.ISO6709=+33.3486+043.7834/ \
  -metadata:s:v:0 handler_name='ISO Media file produced by Google Inc.' \
  -metadata:s:a:0 handler_name='ISO Media file produced by Google Inc.' \
  -movflags +faststart+use_metadata_tags \
  "$here/ministry-upload.mp4"

# The yt-dlp style sidecar of the ministry upload (invented but realistic values; 1498053909 is the
# creation time above, upload_date the day after).
cat > "$here/ministry-upload.info.json" <<'JSON'
{
  "id": "q7Zr3mK2vXc",
  "title": "Iraqi Air Force strikes a terrorist convoy west of Fallujah",
  "description": "Footage released by the Ministry of Defence shows Iraqi aircraft striking a convoy of vehicles belonging to terrorist gangs west of Fallujah.",
  "webpage_url": "https://www.youtube.com/watch?v=q7Zr3mK2vXc",
  "original_url": "https://www.youtube.com/watch?v=q7Zr3mK2vXc",
  "extractor": "youtube",
  "extractor_key": "Youtube",
  "uploader": "Iraqi Ministry of Defence",
  "uploader_id": "@IraqiMoD",
  "uploader_url": "https://www.youtube.com/@IraqiMoD",
  "channel": "Iraqi Ministry of Defence",
  "channel_id": "UC4mQ7bZ9v1xKJ2nT8wYpR3A",
  "channel_url": "https://www.youtube.com/channel/UC4mQ7bZ9v1xKJ2nT8wYpR3A",
  "upload_date": "20170622",
  "timestamp": 1498118400,
  "duration": 30,
  "duration_string": "30",
  "view_count": 18234,
  "epoch": 1700000000,
  "width": 640,
  "height": 360,
  "fps": 25,
  "vcodec": "avc1.64001e",
  "acodec": "mp4a.40.2",
  "ext": "mp4",
  "format_id": "18",
  "format": "18 - 640x360 (360p)",
  "_type": "video"
}
JSON

# 3. pentagon-release.webm: the same strike released by another party. Seconds 8-38 of the same source
#    (22 s shared with the ministry clip, at an 8 s offset), smaller, VP9 + Opus, a title tag.
ff -ss 8 -i "$work/source.mkv" -t 30 -map_metadata -1 \
  -vf scale=480:270 -c:v libvpx-vp9 -b:v 160k -deadline good -cpu-used 4 -row-mt 0 -threads 1 -g 50 \
  -c:a libopus -b:a 32k \
  -metadata title='Strike on a vehicle convoy (released footage)' \
  -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
  "$here/pentagon-release.webm"

# 4. handheld-rotated.mov: an unrelated phone clip held upright. Encode first, then stream-copy with the
#    rotation, because FFmpeg 5.1 drops a display rotation when it re-encodes.
ff -filter_complex "rgbtestsrc=s=320x240:r=30:d=6,hue=h=t*40,format=yuv420p[v];sine=f=660:sample_rate=44100:d=6[a]" \
  -map '[v]' -map '[a]' -c:v libx264 -preset veryfast -b:v 150k -threads 1 -c:a aac -b:a 32k \
  "$work/handheld.mov"
ff -i "$work/handheld.mov" -map 0 -c copy -map_metadata -1 \
  -metadata:s:v:0 rotate=90 \
  -metadata com.apple.quicktime.make=Apple \
  -metadata 'com.apple.quicktime.model=iPhone 12' \
  -metadata com.apple.quicktime.software=16.5.1 \
  -metadata com.apple.quicktime.creationdate=2023-05-02T09:41:07+0300 \
  -metadata com.apple.quicktime.location.ISO6709=+36.3456+043.1575+221.000/ \
  -movflags use_metadata_tags \
  "$here/handheld-rotated.mov"

# 5. checkpoint-cctv.ts: an unrelated camera clip in MPEG-TS without any metadata at all.
ff -filter_complex "testsrc=s=320x240:r=25:d=5,format=yuv420p[v];anoisesrc=d=5:c=pink:r=48000:a=0.05:seed=7,asetnsamples=n=1152:p=0[a]" \
  -map '[v]' -map '[a]' -c:v libx264 -preset veryfast -b:v 120k -g 25 -threads 1 -c:a mp2 -b:a 64k -ac 1 \
  -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
  "$here/checkpoint-cctv.ts"

echo "samples written to $here:"
ls -l "$here"
