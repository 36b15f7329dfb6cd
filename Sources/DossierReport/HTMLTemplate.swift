/// The HTML report's Mustache template: one self-contained page (inline CSS and images, no network), readable on
/// screen and printed on A4. `{{…}}` escapes every value; only the data-URI images use `{{{…}}}`.
enum HTMLTemplate {
    static let page = #"""
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title>
        <style>
        \#(style)
        </style>
        </head>
        <body>
        \#(body)
        </body>
        </html>
        """#

    /// The report's style sheet (inside `<style>`), shared with `dossier serve`'s pages.
    static let style = #"""
          :root { --fail: #b3261e; --warn: #9a6700; --note: #57606a; --pass: #1a7f37; --line: #d0d7de; }
          body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "SimHei", "Noto Sans", sans-serif;
                 margin: 24px auto; max-width: 1100px; color: #1f2328; line-height: 1.5; padding: 0 16px; }
          h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 19px; border-bottom: 2px solid var(--line); padding-bottom: 4px; margin-top: 32px; }
          h3 { font-size: 16px; margin: 20px 0 8px; }
          .meta { color: var(--note); font-size: 13px; }
          .verdict { display: inline-block; padding: 2px 10px; border-radius: 4px; color: #fff; font-weight: bold; }
          .verdict.pass { background: var(--pass); } .verdict.fail { background: var(--fail); }
          table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 14px; }
          th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
          th { background: #f6f8fa; }
          tr, .finding, .photo { break-inside: avoid; page-break-inside: avoid; }
          .finding { border-left: 4px solid var(--note); padding: 4px 10px; margin: 6px 0; background: #f6f8fa; }
          .finding.error { border-color: var(--fail); } .finding.warning { border-color: var(--warn); }
          .finding .rule { font-family: monospace; font-size: 12px; color: var(--note); }
          .finding .hint { color: #0b5394; } .finding .data { font-size: 12px; color: var(--note); }
          .sev.error { color: var(--fail); font-weight: bold; } .sev.warning { color: var(--warn); font-weight: bold; } .sev.notice { color: var(--note); }
          .sheet { display: flex; flex-wrap: wrap; gap: 10px; }
          .photo { width: 170px; border: 1px solid var(--line); padding: 6px; font-size: 12px; text-align: center; }
          .photo.failing { border: 3px solid var(--fail); padding: 4px; }
          .photo img { max-width: 156px; max-height: 156px; display: block; margin: 0 auto 4px; }
          .photo .none { height: 100px; line-height: 100px; color: var(--note); background: #f6f8fa; }
          .checklist li { margin: 2px 0; }
          @page { size: A4; margin: 15mm; }
          @media print { body { margin: 0; max-width: none; } h2 { break-before: page; } h2:first-of-type { break-before: avoid; } }
        """#

    /// What goes inside `<body>`: the report itself.
    static let body = #"""
        <h1>{{title}}</h1>
        <div class="meta">{{ruleSetLabel}}：{{ruleSetTitle}}（{{ruleSetId}}，SHA-256 {{ruleSetSha}}）· {{asOfLabel}} {{asOf}} · dossier {{version}}</div>
        <p><span class="verdict {{verdictClass}}">{{verdictText}}</span> {{totalLine}}</p>
        {{#bundles}}
        <h2>{{unit}}</h2>
        <table>
          <tr><th>{{labels.unitType}}</th><td>{{unitType}}</td><th>{{labels.quota}}</th><td>{{quota}}</td></tr>
          <tr><th>{{labels.source}}</th><td>{{subjectPath}}</td><th>{{labels.verdict}}</th><td><span class="verdict {{verdictClass}}">{{verdictText}}</span> {{summaryLine}}</td></tr>
          {{#fingerprint}}<tr><th>{{labels.fingerprint}}</th><td colspan="3"><strong>{{fingerprint}}</strong>{{#paperCheck}} — {{paperCheck}}{{/paperCheck}}</td></tr>{{/fingerprint}}
          {{#approval}}<tr><th>{{labels.approval}}</th><td colspan="3">{{approval}}</td></tr>{{/approval}}
        </table>
        <h3>{{labels.candidates}}</h3>
        <table>
          <tr><th>{{labels.candidate}}</th><th>{{labels.form}}</th><th>{{labels.idPhoto}}</th><th>{{labels.photos}}</th><th>{{labels.videos}}</th><th>{{labels.findings}}</th></tr>
          {{#candidates}}<tr><td>{{name}}</td><td>{{form}}</td><td>{{idPhoto}}</td><td>{{photos}}</td><td>{{videos}}</td><td>{{findings}}</td></tr>{{/candidates}}
        </table>
        <h3>{{labels.problems}}</h3>
        {{^groups}}<p>{{labels.noFindings}}</p>{{/groups}}
        {{#groups}}
        <h4>{{heading}}</h4>
        {{#findings}}
        <div class="finding {{severity}}">
          <span class="sev {{severity}}">{{severityText}}</span> <span class="rule">{{rule}}</span> {{#path}}{{#href}}<a href="{{href}}"><code>{{path}}</code></a>{{/href}}{{^href}}<code>{{path}}</code>{{/href}}{{/path}}
          <div>{{message}}</div>
          <div class="hint">→ {{hint}}</div>
          {{#data}}<div class="data">{{data}}</div>{{/data}}
        </div>
        {{/findings}}
        {{/groups}}
        {{#hasSheet}}
        <h3>{{labels.contactSheet}}</h3>
        <div class="sheet">
        {{#sheet}}
          <div class="photo{{#failing}} failing{{/failing}}">
            {{#src}}<img src="{{{src}}}" alt="{{name}}">{{/src}}{{^src}}<div class="none">{{labels.noPreview}}</div>{{/src}}
            <div>{{name}}</div><div>{{megabytes}} MB · {{pixels}}</div>
          </div>
        {{/sheet}}
        </div>
        {{/hasSheet}}
        {{/bundles}}
        {{#hasCross}}<h2>{{crossTitle}}</h2>
        {{#cross}}
        <div class="finding {{severity}}">
          <span class="sev {{severity}}">{{severityText}}</span> <span class="rule">{{rule}}</span>
          <div>{{message}}</div>
          <div class="hint">→ {{hint}}</div>
        </div>
        {{/cross}}
        {{/hasCross}}
        {{#hasManual}}<h2>{{manualTitle}}</h2>
        <ul class="checklist">
        {{#manual}}<li>□ {{.}}</li>{{/manual}}
        </ul>{{/hasManual}}
        """#
}
