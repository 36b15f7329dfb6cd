/// The office's pages (收件登记), in the same Mustache and `[[中文|English]]` form as `PageTemplates`: the dashboard
/// with the paper form, the exports and the recheck; one unit's page with its versions, receipts, marks and paper;
/// a paper entry's verdict; a recheck running and done.
enum LedgerTemplates {
    static let names: [(String, String)] = [
        ("ledger", ledger), ("ledgerUnit", unit), ("paperForm", paperForm), ("paperRecorded", paperRecorded),
        ("rechecking", rechecking), ("rechecked", rechecked),
    ]

    /// What only the office's pages have.
    static let style = #"""
        .ledger-desk table td, .ledger-desk table th { vertical-align: top; }
        .badge { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; margin-left: 4px; border: 1px solid var(--line); }
        .badge.counts { background: var(--pass); color: #fff; border-color: var(--pass); }
        .badge.withdrawn { background: #777; color: #fff; }
        .verdict-big { font-size: 22px; font-weight: bold; }
        form.mark select, form.mark input[type=text] { font: inherit; width: auto; }
        ul.receipts { margin: 0; padding-left: 18px; font-size: 12px; }
        .forms { display: flex; flex-wrap: wrap; gap: 24px; } .forms form { min-width: 320px; flex: 1; }
        """#

    /// The paper form (a unit's name is typed, or given by the unit's page).
    static let paperForm = #"""
        <form method="post" action="/ledger/paper" id="paper-form">
          <input type="hidden" name="token" value="{{token}}">
          {{#fixedUnit}}<input type="hidden" name="unit" value="{{fixedUnit}}"><input type="hidden" name="back" value="unit">{{/fixedUnit}}
          {{^fixedUnit}}<label for="paper-unit">[[单位（名称或简称）：|Unit (name or short name):]]</label>
          <input type="text" id="paper-unit" name="unit" value="{{paperUnit}}" list="unit-names" placeholder="湖北省科协">
          <datalist id="unit-names">{{#unitNames}}<option value="{{.}}">{{/unitNames}}</datalist>{{/fixedUnit}}
          <label for="paper-fingerprint">[[纸质报告上手写或打印的指纹（连字符、大小写不影响）：|The fingerprint on the paper (dashes and case do not matter):]]</label>
          <input type="text" id="paper-fingerprint" name="fingerprint" value="{{paperFingerprint}}" placeholder="7F3A-C2D1-88B0-7E41-9C2B">
          <label for="paper-received">[[收到日期（YYYY-MM-DD）：|Received on (YYYY-MM-DD):]]</label>
          <input type="text" id="paper-received" name="received" value="{{paperReceived}}">
          <label for="paper-by">[[登记人：|Recorded by:]]</label>
          <input type="text" id="paper-by" name="by" value="{{paperBy}}">
          <p><button class="primary" id="record-paper">[[登记纸质材料|Record the paper]]</button></p>
          <p class="meta">[[每次登记都保留；更正时再登记一次，以最新一次为准。|Every entry is kept; to correct one, record it again: the latest holds.]]</p>
        </form>
        """#

    /// 收件登记: the dashboard, the paper form, the downloads and the recheck.
    static let ledger = #"""
        <style>{{{deskStyle}}}{{{ledgerStyle}}}</style>
        <p>[[收件库：|Archive:]] <code>{{archivePath}}</code></p>
        {{#notice}}<div class="note" id="notice">{{notice}}</div>{{/notice}}
        <div class="actions noprint">
          <a class="button" id="export-xlsx" href="/ledger/export?format=xlsx">[[下载全国推荐人选汇总表（xlsx）|Download the national table (xlsx)]]</a>
          <a class="button" id="export-csv" href="/ledger/export?format=csv">[[汇总表（CSV）|National table (CSV)]]</a>
          <a class="button" id="status-xlsx" href="/ledger/status?format=xlsx">[[收件登记表（xlsx）|Ledger table (xlsx)]]</a>
          <a class="button" id="status-html" href="/ledger/status?format=html">[[可打印的登记页|Printable page]]</a>
          <form class="inline" method="post" action="/ledger/recheck"><input type="hidden" name="token" value="{{token}}"><button id="recheck">[[用当前规则重新检查全部版本|Recheck every version with the current rules]]</button></form>
          <a class="button" href="/intake">[[收件|Intake]]</a>
        </div>
        <div class="ledger-desk">{{{dashboard}}}</div>
        <h2 class="noprint">[[登记纸质材料|Record stamped paper]]</h2>
        <div class="noprint">{{> paperForm}}</div>
        """#

    /// One unit: its state, versions (receipts, marks), paper and candidates.
    static let unit = #"""
        <style>{{{deskStyle}}}{{{ledgerStyle}}}</style>
        <p><a href="/ledger">← [[收件登记|Ledger]]</a></p>
        {{#notice}}<div class="note" id="notice">{{notice}}</div>{{/notice}}
        {{#findings}}<div class="problem"><code>{{rule}}</code> {{message}}<br><small>{{hint}}</small></div>{{/findings}}
        <table id="unit-summary">
          <tr><th>[[类型|Type]]</th><td>{{typeTitle}}{{^registered}} [[（名册外）|(not in the registry)]]{{/registered}}</td></tr>
          <tr><th>[[电子材料|Electronic]]</th><td id="unit-state">{{stateText}}</td></tr>
          <tr><th>[[报送|Sent]]</th><td>{{receiptsText}}</td></tr>
          <tr><th>[[纸质材料|Paper]]</th><td id="unit-paper">{{paperText}}</td></tr>
          <tr><th>[[人选/名额|Candidates/quota]]</th><td>{{quotaText}}</td></tr>
          <tr><th>[[截止日|Deadline]]</th><td>{{deadlineText}}</td></tr>
        </table>
        <h2>[[各版本|Versions]]</h2>
        {{^versions}}<p>[[尚未收到这个单位的电子材料。|Nothing electronic received from this unit yet.]]</p>{{/versions}}
        {{#hasVersions}}
        <table id="versions">
          <tr><th>[[编号|No.]]</th><th>[[形式|Kind]]</th><th>[[结论|Verdict]]</th><th>[[指纹|Fingerprint]]</th><th>[[封装日期|Sealed on]]</th><th>[[收到|Received]]</th><th>[[办公室标记|Office's mark]]</th></tr>
          {{#versions}}
          <tr id="version-{{id}}"><td>{{id}}{{#counts}}<span class="badge counts">[[以此为准|counts]]</span>{{/counts}}{{#withdrawn}}<span class="badge withdrawn">[[已撤回|withdrawn]]</span>{{/withdrawn}}{{#current}}{{^counts}}<span class="badge">[[比对用|compared]]</span>{{/counts}}{{/current}}</td>
          <td>{{kindText}}</td><td>{{verdictText}}</td><td><code>{{fingerprint}}</code></td><td>{{bagDate}}</td>
          <td><ul class="receipts">{{#receipts}}<li>{{at}} · {{source}}{{#by}} · [[收件人|by]] {{by}}{{/by}}{{#label}} · [[标签|label]] {{label}}{{/label}}</li>{{/receipts}}</ul><small><code>{{archivedAs}}</code></small></td>
          <td>{{#marks}}<div><small>{{at}} {{markText}}{{#by}} · {{by}}{{/by}}{{#note}} · {{note}}{{/note}}</small></div>{{/marks}}
            <form class="mark noprint" method="post" action="/ledger/mark"><input type="hidden" name="token" value="{{token}}"><input type="hidden" name="unit" value="{{unitName}}"><input type="hidden" name="version" value="{{id}}">
              <select name="mark" id="mark-{{id}}"><option value="counts">[[以此为准|counts]]</option><option value="withdrawn">[[已撤回|withdrawn]]</option><option value="cleared">[[取消标记|cleared]]</option></select>
              <input type="text" name="by" placeholder="[[标记人|by]]" size="6"> <input type="text" name="note" placeholder="[[备注|note]]" size="10">
              <button id="mark-button-{{id}}">[[标记|Mark]]</button></form></td></tr>
          {{/versions}}
        </table>
        {{/hasVersions}}
        <h2>[[纸质材料|Paper]]</h2>
        {{#hasPapers}}
        <table id="papers">
          <tr><th>[[收到日期|Received on]]</th><th>[[指纹|Fingerprint]]</th><th>[[与封装包比对|Against the sealed bundles]]</th><th>[[登记|Recorded]]</th></tr>
          {{#papers}}<tr><td>{{receivedOn}}{{#latest}}<span class="badge">[[以此为准|holds]]</span>{{/latest}}</td><td><code>{{fingerprint}}</code></td><td>{{outcomeText}}</td><td>{{recordedAt}}{{#by}} · {{by}}{{/by}}</td></tr>{{/papers}}
        </table>
        {{/hasPapers}}
        <div class="noprint">{{> paperForm}}</div>
        <h2>[[人选|Candidates]]</h2>
        {{#hasCandidates}}
        <table id="candidates">
          <tr><th>[[姓名|Name]]</th>{{#fieldTitles}}<th>{{.}}</th>{{/fieldTitles}}</tr>
          {{#candidates}}<tr><td>{{name}}</td>{{#values}}<td>{{.}}</td>{{/values}}</tr>{{/candidates}}
        </table>
        {{/hasCandidates}}
        {{^hasCandidates}}<p>[[没有可列出的人选。|No candidates to list.]]</p>{{/hasCandidates}}
        """#

    /// A paper entry recorded: what its fingerprint says.
    static let paperRecorded = #"""
        <div class="{{verdictClass}}" id="paper-verdict"><p class="verdict-big">{{verdict}}</p><p>{{unit}} · <code>{{fingerprint}}</code> · {{received}}</p></div>
        <div class="actions"><a class="button primary" id="to-unit" href="/ledger/unit?name={{unitQ}}">[[查看这个单位|This unit's page]]</a> <a class="button" href="/ledger">[[收件登记|Ledger]]</a></div>
        """#

    /// A recheck under way.
    static let rechecking = #"""
        <p id="rechecking">[[正在用当前规则重新检查收件库里的每个版本（开始于 {{started}}）……页面会自动刷新。|Judging every kept version again with the current rules (since {{started}})… this page refreshes by itself.]]</p>
        {{#cancelling}}<p id="recheck-cancelling">[[正在取消……|Cancelling…]]</p>{{/cancelling}}
        {{^cancelling}}<div class="actions"><form class="inline" method="post" action="/ledger/recheck/cancel"><input type="hidden" name="token" value="{{token}}"><button id="cancel-recheck">[[取消|Cancel]]</button></form></div>
        <p class="meta">[[取消则停止重新检查，收件登记不作任何改动。|Cancel stops the recheck; the ledger is left as it was.]]</p>{{/cancelling}}
        <script>setTimeout(function () { location.reload(); }, 1500);</script>
        """#

    /// A recheck done: what changed, per unit.
    static let rechecked = #"""
        <p id="recheck-summary"{{#cancelled}} class="cancelled"{{/cancelled}}>{{summary}}</p>
        {{#hasChanges}}
        <table id="recheck-changes">
          <tr><th>[[单位|Unit]]</th><th>[[版本|Version]]</th><th>[[结论|Verdict]]</th><th>[[新增的规则|Rules now raised]]</th><th>[[不再有的规则|Rules gone]]</th></tr>
          {{#changes}}<tr><td><a href="/ledger/unit?name={{unitQ}}">{{unit}}</a></td><td>{{version}}</td><td>{{verdict}}</td><td>{{added}}</td><td>{{removed}}</td></tr>{{/changes}}
        </table>
        {{/hasChanges}}
        <div class="actions"><a class="button primary" href="/ledger">[[收件登记|Ledger]]</a></div>
        """#
}
