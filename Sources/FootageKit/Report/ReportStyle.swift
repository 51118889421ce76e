import FootageCatalog

/// The report's style sheet, inline in its `<style>`: a sober newsroom page that prints well.
enum ReportStyle {
    /// The CSS class of a stance.
    static func stanceClass(_ stance: Stance) -> String { "s-\(stance.rawValue)" }

    static let css: HTML = """
        :root { --ink: #1d2330; --muted: #5b6475; --rule: #d9dde5; --paper: #ffffff; --tint: #f5f6f8;
          --supports: #1f7a3d; --contradicts: #b3261e; --context: #2859a8; --unclear: #8a6a00; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--tint); color: var(--ink);
          font: 15px/1.5 "Source Sans 3", "Segoe UI", "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1080px; margin: 0 auto; padding: 32px 40px 48px; background: var(--paper); }
        header.masthead { border-bottom: 3px solid var(--ink); padding-bottom: 14px; margin-bottom: 22px; }
        .kicker { text-transform: uppercase; letter-spacing: .12em; font-size: 12px; \
        color: var(--muted); font-weight: 600; }
        .kicker .hash { text-transform: none; font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        h1 { font: 700 30px/1.2 Georgia, "Times New Roman", serif; margin: 6px 0 8px; }
        h2 { font: 700 21px/1.3 Georgia, "Times New Roman", serif; margin: 34px 0 12px; padding-bottom: 6px;
          border-bottom: 1px solid var(--rule); }
        h3 { font-size: 17px; margin: 0 0 6px; }
        h4 { font-size: 13px; text-transform: uppercase; letter-spacing: .06em; \
        color: var(--muted); margin: 18px 0 8px; }
        a { color: #1f4e9c; overflow-wrap: anywhere; }
        .nowrap { white-space: nowrap; }
        .mono, code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; \
        font-size: 12.5px; word-break: break-all; }
        .muted { color: var(--muted); }
        .check { margin: 12px 0 0; padding: 10px 14px; border-left: 4px solid var(--supports); background: #eef7f0; }
        .check.bad { border-color: var(--contradicts); background: #fbeeed; }
        .check.none { border-color: var(--unclear); background: #fbf6e6; }
        table.meta { border-collapse: collapse; width: 100%; margin: 6px 0; }
        table.meta th { text-align: left; font-weight: 600; color: var(--muted); width: 190px; vertical-align: top;
          padding: 4px 12px 4px 0; font-size: 13.5px; }
        table.meta td { padding: 4px 0; vertical-align: top; }
        table.grid { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 6px 0; }
        table.grid th { text-align: left; background: var(--tint); color: var(--muted); \
        font-weight: 600; padding: 5px 8px; }
        table.grid td { border-top: 1px solid var(--rule); padding: 5px 8px; vertical-align: top; }
        table.ledger td, table.ledger th { font-size: 12px; }
        .claim { border: 1px solid var(--rule); border-radius: 8px; padding: 14px 18px; \
        margin: 14px 0; page-break-inside: avoid; }
        .claim .text { font: 17px/1.45 Georgia, "Times New Roman", serif; margin: 6px 0 8px; }
        .claim.none { background: #fafafa; }
        .id { display: inline-block; font: 600 12px/1 "DejaVu Sans Mono", Menlo, monospace; \
        background: var(--ink); color: #fff;
          padding: 3px 6px; border-radius: 4px; margin-right: 6px; }
        .kind { display: inline-block; font-size: 11.5px; color: var(--muted); \
        border: 1px solid var(--rule); border-radius: 10px;
          padding: 0 7px; margin-right: 4px; }
        .badge { display: inline-block; font-size: 12px; font-weight: 700; \
        color: #fff; border-radius: 4px; padding: 2px 8px;
          margin-right: 6px; text-transform: uppercase; letter-spacing: .04em; }
        .badge.s-supports { background: var(--supports); } .badge.s-contradicts { background: var(--contradicts); }
        .badge.s-context { background: var(--context); } .badge.s-unclear { background: var(--unclear); }
        .badge.neutral { background: #8b93a3; }
        tr.retracted td { color: var(--muted); text-decoration: line-through; }
        tr.retracted td.why { text-decoration: none; }
        .match { border: 1px solid var(--rule); border-radius: 8px; padding: 14px 18px; margin: 14px 0; }
        .match .sentence { font: 17px/1.45 Georgia, "Times New Roman", serif; margin: 0 0 8px; }
        .clip { border-top: 3px solid var(--ink); margin-top: 30px; padding-top: 12px; }
        .clip .assessment { display: inline-block; margin: 4px 0 8px; padding: 3px 10px; border-radius: 4px;
          background: var(--tint); font-weight: 600; }
        .warnings { margin: 6px 0; padding: 8px 14px 8px 30px; background: #fbf6e6; \
        border-left: 4px solid var(--unclear); }
        .frames { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
        figure { margin: 0; page-break-inside: avoid; }
        figure.frame img { width: 100%; height: auto; display: block; \
        border: 1px solid var(--rule); border-radius: 3px; }
        figure.sheet img { max-width: 100%; height: auto; border: 1px solid var(--rule); }
        figcaption { font-size: 12px; color: var(--muted); margin-top: 3px; }
        .placeholder { display: flex; flex-direction: column; justify-content: center; min-height: 90px; padding: 8px;
          border: 1px dashed #b8bfcc; border-radius: 3px; font-size: 12px; color: var(--muted); text-align: center;
          background: var(--tint); word-break: break-all; }
        .placeholder.bad { border-color: var(--contradicts); color: var(--contradicts); }
        svg.timeline { width: 100%; height: auto; background: #fff; }
        svg .grid { stroke: #e6e9ef; stroke-width: 1; }
        svg .axis { font-size: 11px; fill: #5b6475; }
        svg .label { font-size: 12.5px; fill: #1d2330; font-weight: 600; }
        svg .sha { font-size: 10px; fill: #5b6475; font-family: "DejaVu Sans Mono", monospace; }
        svg .clipbar { fill: #e3e6ec; stroke: #b8bfcc; }
        svg .range { opacity: .85; }
        svg .s-supports { fill: var(--supports); } svg .s-contradicts { fill: var(--contradicts); }
        svg .s-context { fill: var(--context); } svg .s-unclear { fill: var(--unclear); }
        svg .retracted { fill: none; stroke: #8b93a3; stroke-dasharray: 4 3; }
        svg .kf { stroke: #1d2330; stroke-width: 1; }
        svg .shared { fill: #c9d4e8; stroke: #5b6f96; stroke-width: 1; }
        .byline { margin: 4px 0 0; }
        .counts { margin: 10px 0 0; color: var(--muted); }
        table.lines td.claimtext { font: 14.5px/1.4 Georgia, "Times New Roman", serif; }
        a.plain { color: inherit; text-decoration: none; }
        .status { display: inline-block; font-size: 11.5px; font-weight: 700; border-radius: 4px; padding: 1px 7px;
          border: 1px solid var(--ink); text-transform: uppercase; letter-spacing: .04em; }
        .status.st-open, .status.st-dismissed { border-color: #8b93a3; color: var(--muted); }
        .status.st-false, .status.st-misleading { border-color: #a61b1b; color: #a61b1b; }
        .status.st-missing-context, .status.st-unproven { border-color: #8a5a00; color: #8a5a00; }
        .status.st-mostly-true, .status.st-true { border-color: #1d6b35; color: #1d6b35; }
        .statusline { margin: 0 0 6px; }
        .explanation { font: 12.5px/1.35 system-ui, sans-serif; color: var(--ink); margin: 3px 0 0; }
        ul.findings { margin: 6px 0; padding-left: 20px; }
        ul.findings li { margin: 4px 0; }
        table.chrono td:first-child { width: 190px; }
        table.acq td { font-size: 13px; }
        .appendix h2 { margin-top: 0; }
        footer { margin-top: 40px; padding-top: 10px; border-top: 1px solid var(--rule); \
        font-size: 12px; color: var(--muted); }
        @media print {
          body { background: #fff; font-size: 9.5pt; line-height: 1.35; }
          main { max-width: none; padding: 0; }
          h1 { font-size: 20pt; }
          h2 { font-size: 13.5pt; margin: 14pt 0 6pt; page-break-after: avoid; break-after: avoid; }
          h3, h4 { page-break-after: avoid; break-after: avoid; }
          h4 { margin: 8pt 0 4pt; }
          header.masthead { margin-bottom: 8pt; padding-bottom: 6pt; }
          table.grid, table.meta { font-size: 8.5pt; }
          table.grid td, table.grid th { padding: 2pt 4pt; }
          table.meta th, table.meta td { padding: 1pt 6pt 1pt 0; }
          table.lines td.claimtext { font-size: 9.5pt; }
          .explanation { font-size: 8.5pt; }
          .appendix { page-break-before: always; break-before: page; }
          .clip { margin-top: 14pt; padding-top: 6pt; }
          .claim, .match { padding: 6pt 10pt; margin: 8pt 0; }
          .claim .text, .match .sentence { font-size: 11pt; }
          /* Small blocks stay whole; long ones (a match, a clip's facts) may break between rows, so that one block
             never leaves most of a page empty. */
          .claim, figure, tr, svg { page-break-inside: avoid; break-inside: avoid; }
          .frames { grid-template-columns: repeat(12, 1fr); gap: 3pt; }
          table.lines .statusdetail { display: block; font-size: 7.5pt; }
          figcaption { font-size: 7pt; }
          figure.sheet img { max-width: 20%; }
          /* On paper the main timeline already draws matched clips aligned; each match keeps its segment table. */
          .match svg.timeline { display: none; }
          .pdq { display: none; }
          a { color: inherit; text-decoration: none; }
          .badge, .id, .status, .check, svg * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        @page { margin: 12mm 12mm; }
        """
}
