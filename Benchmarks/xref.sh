#!/usr/bin/env bash
# Issue target for cross-references and search, on a generated catalogue of 100,000 clips, 10,000 articles,
# 200,000 claims and 300,000 links (made with SQL straight into a `footage init` catalogue; the ledger is not
# filled, since only query speed is measured here):
#   footage xref ARTICLE --json   under 50 ms (median, whole process)
#   footage search TERM           under 50 ms for a term with fewer than 10,000 hits (top 20, whole process)
#   and the same FTS query through the sqlite3 shell, side by side, for the ratio.
# Usage: bash Benchmarks/xref.sh PATH/TO/footage
set -euo pipefail
footage=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$footage" init "$work" >/dev/null
db="$work/Catalog/catalog.sqlite"
start=$(date +%s)
sqlite3 "$db" <<'SQL'
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO clip (id, sha256, size, format_name, duration, width, height, video_codec, title, probe_json, registered_at, registered_by)
SELECT i, printf('%064x', i * 2654435761), 1000000 + i, 'mov,mp4,m4a,3gp,3g2,mj2', 30 + (i % 600), 1280, 720, 'h264',
       'clip ' || i, '{}', '2026-01-01T00:00:00.000Z', 'bench' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO acquisition (clip_id, publisher, platform, recorded_at, recorded_by)
SELECT i, 'publisher ' || (i % 500), CASE i % 3 WHEN 0 THEN 'YouTube' WHEN 1 THEN 'Telegram' ELSE 'X' END,
       '2026-01-01T00:00:00.000Z', 'bench' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO article (id, sha256, format, headline, outlet, published, body, imported_at, imported_by)
SELECT i, printf('%064x', i * 40503), 'markdown', 'Report number ' || i || ' on strikes near town' || (i % 97),
       'Outlet ' || (i % 40), '2016-07-01',
       'Body of report ' || i || '. Vehicles were struck near town' || (i % 97) || '. Footage was uploaded to YouTube.',
       '2026-01-01T00:00:00.000Z', 'bench' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
INSERT INTO claim (id, article_id, idx, text, start, "end", kinds, details, origin, created_at, created_by)
SELECT i, 1 + (i - 1) / 20, 1 + (i - 1) % 20,
       'Claim ' || i || ': ' || (i % 300) || ' vehicles destroyed near town' || (i % 97) || ' word' || (i % 5000),
       0, 10, 'figure,event', '{}', 'extracted', '2026-01-01T00:00:00.000Z', 'bench' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)
INSERT INTO link (claim_id, clip_id, clip_sha256, start, "end", stance, confidence, keyframes, created_at, created_by)
SELECT 1 + (i * 7919) % 200000, 1 + (i * 104729) % 100000, printf('%064x', (1 + (i * 104729) % 100000) * 2654435761),
       i % 20, 20 + i % 20, CASE i % 4 WHEN 0 THEN 'supports' WHEN 1 THEN 'contradicts' WHEN 2 THEN 'context' ELSE 'unclear' END,
       'medium', '[]', '2026-01-01T00:00:00.000Z', 'bench' FROM n;
INSERT INTO search (kind, ref, field, text) SELECT 'article', 'A' || id, 'body', headline || ' ' || body FROM article;
INSERT INTO search (kind, ref, field, text) SELECT 'claim', 'C' || id, 'text', text FROM claim;
INSERT INTO search (kind, ref, field, text) SELECT 'tag', sha256, 'format:title', title FROM clip;
COMMIT;
PRAGMA optimize;
SQL
echo "## xref and search: generated catalogue in $(( $(date +%s) - start )) s ($(du -h "$db" | cut -f1))"
article=A4321
# The floor: a footage process that does nothing. footage loads FFmpeg's libraries (about a hundred shared objects
# with their initialisers) only on its first media call, so catalogue commands do not pay for them; ffprobe does.
floor=$(median_seconds 21 "$footage" --version)
echo "process floor: footage --version ${floor}s; ffprobe -version $(median_seconds 21 ffprobe -version)s"
hits=$(sqlite3 "$db" "SELECT count(*) FROM search WHERE search MATCH '\"word1234\"'")
read -r a b r < <(side_by_side 21 sqlite3 "sqlite3 $db \"SELECT 1\"" footage "$footage xref $article --json --catalog $work")
echo "footage xref $article --json: ${b}s median (target < 0.050); sqlite3 shell doing nothing: ${a}s"
read -r a b r < <(side_by_side 21 sqlite3 "sqlite3 $db \"SELECT kind, ref, snippet(search, 3, '[', ']', '…', 16) FROM search WHERE search MATCH '\\\"word1234\\\"' ORDER BY bm25(search) LIMIT 20\"" footage "$footage search word1234 --catalog $work")
echo "search 'word1234' ($hits hits), top 20: footage ${b}s, sqlite3 shell ${a}s, ratio ${r} (target: footage < 0.050)"
hits=$(sqlite3 "$db" "SELECT count(*) FROM search WHERE search MATCH '\"town42\"'")
read -r a b r < <(side_by_side 21 sqlite3 "sqlite3 $db \"SELECT kind, ref, snippet(search, 3, '[', ']', '…', 16) FROM search WHERE search MATCH '\\\"town42\\\"' ORDER BY bm25(search) LIMIT 20\"" footage "$footage search town42 --catalog $work")
echo "search 'town42' ($hits hits), top 20: footage ${b}s, sqlite3 shell ${a}s, ratio ${r}"
