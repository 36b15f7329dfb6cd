/// The pages' Mustache templates. Words are written `[[中文|English]]` and picked when the templates are compiled
/// for a language; `{{…}}` escapes every value, `{{{…}}}` is used only for HTML this module made (the report's body,
/// a page's content) and for the style sheets.
enum PageTemplates {
    /// Every page's frame: the report's style sheet, the menu, the language switch.
    static let layout = #"""
        <!DOCTYPE html>
        <html lang="{{htmlLang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · dossier</title>
        {{#refresh}}<noscript><meta http-equiv="refresh" content="2"></noscript>{{/refresh}}
        <style>
        {{{reportStyle}}}
        {{{pageStyle}}}
        </style>
        </head>
        <body>
        <nav class="top">
          <a class="brand" href="/">dossier</a>
          <a href="/browse">[[选择材料|Choose]]</a>
          <a href="/verify">[[核验|Verify]]</a>
          <a href="/new">[[新建|New folder]]</a>
          {{#archive}}<a href="/intake">[[收件|Intake]]</a>{{/archive}}
          {{#archive}}<a href="/ledger" id="nav-ledger">[[收件登记|Ledger]]</a>{{/archive}}
          <a class="lang" id="lang" href="/lang?to={{otherLang}}&amp;back={{back}}">[[English|中文]]</a>
        </nav>
        <main>
        <h1>{{title}}</h1>
        {{#error}}<div class="problem" id="error">{{error}}</div>{{/error}}
        {{{content}}}
        </main>
        </body>
        </html>
        """#

    /// Additions to the report's style sheet for what only pages have: the menu, buttons, the progress bar, the
    /// big fingerprint.
    static let pageStyle = #"""
        nav.top { display: flex; gap: 18px; align-items: center; border-bottom: 2px solid var(--line); padding: 6px 0 10px; margin-bottom: 16px; font-size: 16px; }
        nav.top a { color: #0b5394; text-decoration: none; } nav.top .brand { font-weight: bold; color: #1f2328; } nav.top .lang { margin-left: auto; }
        button, a.button { font: inherit; padding: 6px 16px; border: 1px solid var(--line); border-radius: 6px; background: #f6f8fa; color: #1f2328; cursor: pointer; text-decoration: none; display: inline-block; }
        button.primary, a.button.primary { background: var(--pass); color: #fff; border-color: var(--pass); }
        form.inline { display: inline; margin: 0 6px 0 0; }
        label.deep { margin: 0 8px 0 0; white-space: nowrap; }
        .actions { margin: 12px 0 20px; display: flex; flex-wrap: wrap; gap: 10px; align-items: center; }
        .problem { border-left: 4px solid var(--fail); background: #fff1f0; padding: 8px 12px; margin: 10px 0; }
        .note { border-left: 4px solid var(--pass); background: #f0fff4; padding: 8px 12px; margin: 10px 0; }
        .cards { display: flex; flex-wrap: wrap; gap: 16px; } .card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; width: 300px; }
        .card h2 { margin-top: 0; border: none; font-size: 18px; }
        td.kind { color: var(--note); white-space: nowrap; } tr.unit td:first-child a { font-weight: bold; }
        label { display: block; margin: 10px 0 4px; } input[type=text] { font: inherit; width: 100%; max-width: 640px; padding: 4px 6px; }
        progress { width: 100%; max-width: 640px; height: 22px; }
        .fingerprint { font-family: "DejaVu Sans Mono", monospace; font-size: 44px; font-weight: bold; letter-spacing: 2px; margin: 16px 0; padding: 12px 18px; border: 3px solid var(--pass); display: inline-block; }
        .drop { border: 2px dashed var(--line); border-radius: 8px; padding: 18px; margin: 16px 0; color: var(--note); }
        .drop.over { border-color: var(--pass); background: #f0fff4; }
        @media print { nav.top, .actions, .noprint { display: none; } }
        """#

    /// The start page.
    static let home = #"""
        <p>[[检查推荐材料、封装成封装包、核验封装包：全部在本机完成，不联网。|Check a submission, seal it, verify a sealed zip: all on this computer, offline.]]</p>
        <div class="cards">
          <div class="card"><h2><a href="/browse" id="start-choose">[[选择材料|Choose your folder]]</a></h2><p>[[找到本单位的材料文件夹，检查，改正问题后封装。|Find your unit's folder, check it, fix what it says, then seal it.]]</p></div>
          <div class="card"><h2><a href="/verify">[[核验|Verify]]</a></h2><p>[[核验一个封装包是否完整、与纸质报告上的指纹一致。|Prove a sealed zip intact and matching the fingerprint on paper.]]</p></div>
          <div class="card"><h2><a href="/new">[[新建|New folder]]</a></h2><p>[[新建一个带空白模板的材料文件夹。|Make a new submission folder with blank templates.]]</p></div>
          {{#archive}}<div class="card"><h2><a href="/intake">[[收件|Intake]]</a></h2><p>[[办公室：收取U盘上的材料，存入收件库并登记。|Office: take in a drive's bundles into the archive and ledger.]]</p></div>{{/archive}}
        </div>
        {{#running}}<p class="note">[[有一项工作正在进行：|A job is running:]] <a href="/jobs/{{id}}">{{subject}}</a></p>{{/running}}
        """#

    /// The folder browser.
    static let browse = #"""
        {{#atRoots}}
        <p>[[请选择一个位置：|Pick a place to start:]]</p>
        <table id="roots"><tr><th>[[位置|Place]]</th></tr>
        {{#roots}}<tr><td><a href="/browse?path={{q}}">{{path}}</a></td></tr>{{/roots}}
        </table>
        {{^roots}}<p class="problem">[[没有可以浏览的位置：请用 --root 指定文件夹后重新启动。|No place can be shown: start again with --root FOLDER.]]</p>{{/roots}}
        {{/atRoots}}
        {{^atRoots}}
        <p>[[当前位置：|You are in:]] <code id="where">{{path}}</code></p>
        <div class="actions">
          {{#parentQ}}<a class="button" id="up" href="/browse?path={{parentQ}}">↑ [[上一级|Up]]</a>{{/parentQ}}
          {{^parentQ}}<a class="button" id="up" href="/browse">↑ [[所有位置|All places]]</a>{{/parentQ}}
          {{#isUnit}}<form class="inline" method="post" action="/check"><input type="hidden" name="token" value="{{token}}"><input type="hidden" name="path" value="{{path}}"><label class="deep"><input type="checkbox" name="deep" id="deep" value="1"{{#deep}} checked{{/deep}}> {{deepLabel}}</label><button class="primary" id="check-here">[[检查这个单位文件夹|Check this unit's folder]]</button></form>{{/isUnit}}
          {{^isUnit}}{{#hasBundles}}<form class="inline" method="post" action="/check"><input type="hidden" name="token" value="{{token}}"><input type="hidden" name="path" value="{{path}}"><label class="deep"><input type="checkbox" name="deep" id="deep" value="1"{{#deep}} checked{{/deep}}> {{deepLabel}}</label><button id="check-all">[[检查这里的全部材料|Check every bundle here]]</button></form>{{/hasBundles}}{{/isUnit}}
          {{#archive}}{{#takeIn}}<form class="inline" method="post" action="/intake"><input type="hidden" name="token" value="{{token}}"><input type="hidden" name="path" value="{{path}}"><button id="take-in-here">[[收件：存入收件库并登记|Intake: into the archive and ledger]]</button></form>{{/takeIn}}{{/archive}}
          <a class="button" href="/new?in={{pathQ}}">[[在这里新建材料文件夹|New submission folder here]]</a>
        </div>
        <table id="entries">
          <tr><th>[[名称|Name]]</th><th>[[是什么|What it is]]</th><th></th></tr>
          {{#entries}}
          <tr class="{{kind}}"><td>{{#open}}<a href="/browse?path={{q}}">{{name}}</a>{{/open}}{{^open}}{{name}}{{/open}}</td><td class="kind">{{kindText}}</td>
          <td>{{#checkable}}<form class="inline" method="post" action="/check"><input type="hidden" name="token" value="{{token}}"><input type="hidden" name="path" value="{{path}}"><button data-path="{{path}}">[[检查|Check]]</button></form>{{/checkable}}{{#zip}}<a class="button" href="/verify?zip={{q}}">[[核验|Verify]]</a>{{/zip}}</td></tr>
          {{/entries}}
        </table>
        {{^entries}}<p>[[这里没有单位文件夹、zip 或子文件夹。|Nothing here: no unit folder, zip or folder.]]</p>{{/entries}}
        {{#unreadable}}<p class="meta">[[有 {{unreadable}} 个名称无法显示（不是 UTF-8 编码）。|{{unreadable}} names cannot be shown (not UTF-8).]]</p>{{/unreadable}}
        {{/atRoots}}
        {{#drop}}
        <div class="drop" id="drop">[[也可以把单位文件夹或 zip 拖到这里（复制到临时工作文件夹，服务停止时删除；上限 {{limit}}）。|Or drag a unit's folder or a zip here (copied into a private working folder, removed when the server stops; at most {{limit}}).]]
          <div id="drop-status"></div></div>
        <form method="post" action="/check" id="drop-check"><input type="hidden" name="token" value="{{token}}"><input type="hidden" name="path" id="drop-path" value=""></form>
        <script>
        (function () {
          var zone = document.getElementById("drop"), status = document.getElementById("drop-status");
          var batch = Array.from(crypto.getRandomValues(new Uint8Array(16)), function (b) { return b.toString(16).padStart(2, "0"); }).join("");
          function files(entry, prefix, out) {
            return new Promise(function (done) {
              if (entry.isFile) { entry.file(function (file) { out.push([prefix + entry.name, file]); done(); }, done); return; }
              var reader = entry.createReader(), all = [];
              (function more() {
                reader.readEntries(function (batchOf) {
                  if (!batchOf.length) { Promise.all(all.map(function (e) { return files(e, prefix + entry.name + "/", out); })).then(done); return; }
                  all = all.concat(batchOf); more();
                }, done);
              })();
            });
          }
          zone.addEventListener("dragover", function (event) { event.preventDefault(); zone.classList.add("over"); });
          zone.addEventListener("dragleave", function () { zone.classList.remove("over"); });
          zone.addEventListener("drop", async function (event) {
            event.preventDefault(); zone.classList.remove("over");
            var entries = Array.from(event.dataTransfer.items).map(function (item) { return item.webkitGetAsEntry(); }).filter(Boolean);
            var list = [];
            for (var entry of entries) { await files(entry, "", list); }
            var folder = null;
            for (var i = 0; i < list.length; i++) {
              status.textContent = "[[正在复制 |Copying ]]" + (i + 1) + " / " + list.length;
              var answer = await fetch("/drop?batch=" + batch + "&name=" + encodeURIComponent(list[i][0]), { method: "POST", headers: { "X-Dossier-Token": "{{token}}" }, body: list[i][1] });
              var reply = await answer.json();
              if (!reply.ok) { status.textContent = reply.message; return; }
              folder = reply.folder;
            }
            if (!folder) { return; }
            document.getElementById("drop-path").value = entries.length === 1 ? folder + "/" + entries[0].name : folder;
            document.getElementById("drop-check").submit();
          });
        })();
        </script>
        {{/drop}}
        """#

    /// A job under way: the progress bar, fed by server-sent events; the page reloads itself when it is done.
    static let running = #"""
        <p>{{what}}：<code>{{subject}}</code></p>
        <progress id="bar" max="1000" value="0"></progress>
        <p id="status">{{#cancelling}}[[正在取消……|Cancelling…]]{{/cancelling}}{{^cancelling}}[[正在准备……|Getting ready…]]{{/cancelling}}</p>
        <div class="actions" id="cancel-form" {{#cancelling}}hidden{{/cancelling}}>
          <form class="inline" method="post" action="/jobs/{{id}}/cancel"><input type="hidden" name="token" value="{{token}}"><button id="cancel">[[取消|Cancel]]</button></form>
        </div>
        <p class="meta">[[可以关闭这个页面：工作会继续，回到“选择材料”可再看到结果。取消则停止这项工作（封装不会留下半个封装包）。|You may close this page: the work goes on, and its result stays here. Cancel stops the work (a seal leaves no half-written zip).]]</p>
        <script>
        (function () {
          var bar = document.getElementById("bar"), status = document.getElementById("status");
          var cancelForm = document.getElementById("cancel-form");
          function mb(bytes) { return (bytes / 1048576).toFixed(1); }
          var source = new EventSource("/jobs/{{id}}/events");
          source.addEventListener("progress", function (event) {
            var p = JSON.parse(event.data);
            if (p.totalBytes > 0) { bar.value = Math.round(1000 * p.bytes / p.totalBytes); }
            var text = "[[已处理 |Done: ]]" + p.files + " / " + p.totalFiles + "[[ 个文件 · | files · ]]" + mb(p.bytes) + " / " + mb(p.totalBytes) + " MB · [[已用 |elapsed ]]" + Math.round(p.elapsed) + "[[ 秒| s]]";
            if (p.left !== null && p.left !== undefined) { text += "[[ · 预计还要 | · about ]]" + Math.max(1, Math.round(p.left)) + "[[ 秒| s left]]"; }
            if (p.cancelling) { text = "[[正在取消…… |Cancelling… ]]" + text; cancelForm.hidden = true; }
            status.textContent = text;
          });
          source.addEventListener("done", function () { source.close(); location.reload(); });
          source.onerror = function () { source.close(); setTimeout(function () { location.reload(); }, 2000); };
        })();
        </script>
        """#

    /// A finished check: what to do next, then the report.
    static let checked = #"""
        <p>[[检查对象：|Checked:]] <code>{{subject}}</code></p>
        <div class="actions">
          <form class="inline" method="post" action="/check"><input type="hidden" name="token" value="{{token}}"><input type="hidden" name="path" value="{{subject}}"><input type="hidden" name="unitType" value="{{unitType}}"><label class="deep"><input type="checkbox" name="deep" id="deep" value="1"{{#deep}} checked{{/deep}}> {{deepLabel}}</label><button id="recheck">[[重新检查|Check again]]</button></form>
          {{#canSeal}}
          <form class="inline" method="post" action="/seal" id="seal-form"><input type="hidden" name="token" value="{{token}}"><input type="hidden" name="path" value="{{subject}}"><input type="hidden" name="unitType" value="{{unitType}}">{{#deep}}<input type="hidden" name="deep" value="1">{{/deep}}
            [[封装包保存到：|Save the sealed zip in:]] <input type="text" name="output" value="{{sealFolder}}" style="width: 360px">
            <button class="primary" id="seal">[[封装|Seal]]</button></form>
          {{/canSeal}}
          <a class="button" href="/browse?path={{backQ}}">[[返回文件夹|Back to the folder]]</a>
        </div>
        {{#cannotSeal}}<p class="problem">[[还有错误：请按下面每条问题的处理方法改正文件，再点“重新检查”。没有错误后才能封装。|Errors remain: fix the files as each problem below says, then “Check again”. Sealing is offered once no error remains.]]</p>{{/cannotSeal}}
        {{#sealable}}<p class="note">[[没有错误，可以封装。|No error remains: this folder can be sealed.]]{{#warnings}} [[还有 {{warnings}} 个警告：不影响封装，但请逐条看过，能改正的先改正。|{{warnings}} warnings remain: they do not stop the seal, but read each and fix what you can first.]]{{/warnings}}</p>{{/sealable}}
        {{#hasTypes}}
        <form method="post" action="/check" id="unit-type-form" class="note"><input type="hidden" name="token" value="{{token}}"><input type="hidden" name="path" value="{{subject}}">{{#deep}}<input type="hidden" name="deep" value="1">{{/deep}}
          [[单位名录中没有这个单位：请选择本单位的类型（即命令行的 --unit-type），再重新检查：|The registry does not know this unit: pick its type (the command line's --unit-type), then check again:]]
          <select name="unitType" id="unit-type">{{#types}}<option value="{{key}}"{{#selected}} selected{{/selected}}>{{title}}</option>{{/types}}</select>
          <button id="check-with-type">[[按这个类型重新检查|Check again as this type]]</button></form>
        {{/hasTypes}}
        {{{report}}}
        """#

    /// A sealed zip: the fingerprint, large, and the printable page.
    static let sealed = #"""
        <p class="note">[[已封装。请把下面的指纹写在盖章的纸质报告上，与封装包一起报送。|Sealed. Write the fingerprint below on the stamped paper report, sent with the sealed zip.]]</p>
        <p>[[封装包：|Sealed zip:]] <code id="zip">{{zip}}</code></p>
        <div class="fingerprint" id="fingerprint">{{fingerprint}}</div>
        <div class="actions">
          <a class="button primary" id="paper" href="/jobs/{{id}}/paper" target="_blank">[[打印指纹页（A4）|Print the fingerprint page (A4)]]</a>
          <a class="button" href="/verify?zip={{zipQ}}">[[核验这个封装包|Verify this sealed zip]]</a>
        </div>
        {{{report}}}
        """#

    /// A seal refused: errors remain.
    static let refused = #"""
        <p class="problem">[[没有封装：还有错误。请改正后重新检查。|Not sealed: errors remain. Fix them, then check again.]]</p>
        <div class="actions"><form class="inline" method="post" action="/check"><input type="hidden" name="token" value="{{token}}"><input type="hidden" name="path" value="{{subject}}"><button id="recheck">[[重新检查|Check again]]</button></form></div>
        {{{report}}}
        """#

    /// The A4 page to print, stamp and send with the paper materials.
    static let paper = #"""
        <!DOCTYPE html>
        <html lang="{{htmlLang}}">
        <head><meta charset="utf-8"><title>[[封装指纹|Seal fingerprint]] · {{unit}}</title>
        <style>
        {{{reportStyle}}}
        body { max-width: 180mm; } .fingerprint { font-family: "DejaVu Sans Mono", monospace; font-size: 34px; font-weight: bold; letter-spacing: 2px; border: 3px solid #1f2328; padding: 10px 14px; display: inline-block; }
        .stamp { margin-top: 40mm; display: flex; justify-content: space-between; } @media print { .noprint { display: none; } }
        </style></head>
        <body>
        <h1>[[推荐材料封装指纹|Fingerprint of the sealed submission]]</h1>
        <table>
          <tr><th>[[推荐单位|Recommending unit]]</th><td>{{unit}}</td></tr>
          <tr><th>[[日期|Date]]</th><td>{{date}}</td></tr>
          <tr><th>[[规则集|Rule set]]</th><td>{{ruleSet}}（{{ruleSetId}}）</td></tr>
          <tr><th>[[封装包|Sealed zip]]</th><td>{{zipName}}</td></tr>
          <tr><th>[[文件数|Files]]</th><td>{{files}}</td></tr>
          <tr><th>[[总大小|Total size]]</th><td>{{size}}</td></tr>
        </table>
        <p>[[指纹：|Fingerprint:]]</p>
        <div class="fingerprint" id="fingerprint">{{fingerprint}}</div>
        <p class="meta">[[收件方用 dossier 核验封装包时输入此指纹；指纹一致，说明封装包与本单位封装时完全相同。|The office types this fingerprint when it verifies the sealed zip; a match proves the zip is exactly as sealed.]]</p>
        <div class="stamp"><span>[[经办人：|Prepared by:]] ____________</span><span>[[（单位盖章）|(unit's seal)]]</span></div>
        <p class="noprint"><button onclick="window.print()">[[打印|Print]]</button></p>
        </body>
        </html>
        """#

    /// 核验: a zip and the fingerprint from the paper.
    static let verifyForm = #"""
        <form method="post" action="/verify" id="verify-form">
          <input type="hidden" name="token" value="{{token}}">
          <label for="zip">[[封装包（zip）的位置：|Where the sealed zip is:]]</label>
          <input type="text" id="zip" name="zip" value="{{zip}}" placeholder="/media/…/单位-20210618-….zip">
          <label for="fingerprint">[[纸质报告上的指纹（可不填；连字符、大小写不影响）：|The fingerprint on the paper report (optional; dashes and case do not matter):]]</label>
          <input type="text" id="fingerprint" name="fingerprint" value="{{fingerprint}}" placeholder="7F3A-C2D1-88B0-7E41-9C2B">
          <p><button class="primary" id="verify">[[核验|Verify]]</button> <a class="button" href="/browse">[[在“选择材料”里找封装包|Find the zip under “Choose”]]</a></p>
        </form>
        """#

    /// 核验's result: the verdict in words, then the report.
    static let verified = #"""
        <p>[[封装包：|Sealed zip:]] <code>{{subject}}</code></p>
        <div class="{{verdictClass}}" id="verdict">{{#lines}}<p>{{.}}</p>{{/lines}}</div>
        <div class="actions"><a class="button" href="/verify?zip={{subjectQ}}">[[再核验一次|Verify again]]</a></div>
        {{{report}}}
        """#

    /// 新建: a new submission folder from the templates.
    static let newForm = #"""
        <form method="post" action="/new" id="new-form">
          <input type="hidden" name="token" value="{{token}}">
          <label for="in">[[在哪个文件夹里新建：|Make it inside this folder:]]</label>
          <input type="text" id="in" name="in" value="{{in}}">
          <label for="unit">[[推荐单位名称（与公章一致；也是新文件夹的名字）：|The recommending unit's name, as on its seal (also the new folder's name):]]</label>
          <input type="text" id="unit" name="unit" value="{{unit}}" placeholder="湖北省科协">
          <p><button class="primary" id="make">[[新建|Make it]]</button></p>
        </form>
        """#

    static let made = #"""
        <p class="note">[[已新建 |Made ]]<code>{{folder}}</code>[[：|:]]</p>
        <ul>{{#files}}<li><code>{{.}}</code></li>{{/files}}</ul>
        <p>[[请先阅读其中的“{{guide}}”，把材料放进去后回来检查。|Read {{guide}} in it first; put the materials in, then come back and check.]]</p>
        <div class="actions"><a class="button primary" href="/browse?path={{folderQ}}">[[打开这个文件夹|Open this folder]]</a></div>
        """#

    /// 收件 (office): a drive or folder of bundles into the archive.
    static let intakeForm = #"""
        <p>[[收件库：|Archive:]] <code>{{archivePath}}</code></p>
        {{#hasPlaces}}
        <p>[[请选择要收件的U盘或文件夹：|Pick the drive or folder to take in:]]</p>
        <table id="places"><tr><th>[[位置|Place]]</th><th>[[是什么|What it is]]</th><th></th></tr>
        {{#places}}<tr id="place-{{index}}"><td><a href="/browse?path={{q}}">{{path}}</a></td><td class="kind">{{kindText}}</td>
        <td><form class="inline" method="post" action="/intake"><input type="hidden" name="token" value="{{token}}"><input type="hidden" name="path" value="{{path}}"><button class="primary" data-path="{{path}}">[[收件|Take in]]</button></form></td></tr>{{/places}}
        </table>
        {{/hasPlaces}}
        {{^hasPlaces}}<p class="meta" id="no-places">[[没有找到插入的U盘或装有材料的文件夹：插好U盘后刷新本页，或在下面输入位置。|No drive or folder holding bundles was found: plug the drive in and reload this page, or type the place below.]]</p>{{/hasPlaces}}
        <form method="post" action="/intake" id="intake-form">
          <input type="hidden" name="token" value="{{token}}">
          <label for="path">[[或输入U盘或存放材料的文件夹的位置：|Or type where the drive or folder holding the bundles is:]]</label>
          <input type="text" id="path" name="path" value="{{path}}" placeholder="/media/…">
          <p><button class="primary" id="take-in">[[收件|Take in]]</button> <a class="button" id="ledger" href="/ledger">[[收件登记（各单位报送情况）|The ledger (who has sent)]]</a></p>
        </form>
        """#

    static let intakeDone = #"""
        <p>[[已收件：|Taken in from:]] <code>{{subject}}</code> → <code>{{archivePath}}</code></p>
        <p class="meta">[[每份材料的结论和跨单位问题见下；登记簿是收件库里的 ledger.sqlite。|Each bundle's verdict and the cross-unit findings are below; the ledger is ledger.sqlite in the archive.]]</p>
        <table id="taken">
          <tr><th>[[单位|Unit]]</th><th>[[U盘上的名称|On the drive]]</th><th>[[结论|Verdict]]</th><th>[[封装指纹|Seal fingerprint]]</th></tr>
          {{#taken}}<tr id="taken-{{index}}"><td><a href="/ledger/unit?name={{unitQ}}">{{unit}}</a></td><td><code>{{source}}</code></td>
          <td><span class="verdict {{verdictClass}}">{{verdict}}</span> <small>{{counts}}</small></td><td>{{#fingerprint}}<code>{{fingerprint}}</code>{{/fingerprint}}{{^fingerprint}}[[未封装|not sealed]]{{/fingerprint}}</td></tr>{{/taken}}
        </table>
        <p id="cross-count">{{#hasCross}}[[跨单位问题：{{crossCount}} 条，见报告末尾。|Problems across units: {{crossCount}}, at the end of the report.]]{{/hasCross}}{{^hasCross}}[[没有跨单位问题。|No problem across units.]]{{/hasCross}}</p>
        <div class="actions"><a class="button primary" id="ledger" href="/ledger">[[收件登记（各单位报送情况）|The ledger (who has sent)]]</a> <a class="button" href="/intake">[[继续收件|Take in another]]</a></div>
        {{{report}}}
        """#

    /// A job that could not be done, or was cancelled.
    static let failed = #"""
        <p>{{what}}：<code>{{subject}}</code></p>
        <div class="problem" id="failure">{{message}}</div>
        <div class="actions">
          {{#again}}<form class="inline" method="post" action="/check"><input type="hidden" name="token" value="{{token}}"><input type="hidden" name="path" value="{{path}}"><button class="primary" id="check-again">[[重新检查|Check again]]</button></form>{{/again}}
          <a class="button" href="/browse">[[返回“选择材料”|Back to “Choose”]]</a>
        </div>
        """#

    /// Refusals (403, 404) stand alone: they are shown to requests that may not see the menu.
    static let refusal = #"""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>dossier</title></head>
        <body style="font-family: sans-serif; margin: 40px;">
        <h1>{{status}}</h1>
        <p>{{zh}}</p>
        <p lang="en">{{en}}</p>
        </body></html>
        """#
}
