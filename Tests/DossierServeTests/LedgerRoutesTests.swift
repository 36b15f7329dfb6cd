import DossierRules
import DossierTestSupport
import Foundation
import Testing

@testable import DossierServe

/// 收件登记 in the web app (issue #15 item 5): the dashboard with its charts, one unit's page, paper recorded with
/// its fingerprint and the verdict, a version marked, the exports as downloads and the recheck; every change a POST
/// that `RequestGuard` lets through only with the secret, and bad input changing nothing.
@Suite(.serialized) struct LedgerRoutesTests {
    /// The server and the folders it works in (removed when this is released).
    struct Office {
        let harness: ServerHarness
        let place: TemporaryFolder
        let archive: TemporaryFolder
        let fingerprint: String
    }

    /// Starts a job and waits for it to finish, once the one before it has let go of the runner.
    private func run(_ harness: ServerHarness, _ target: String, _ fields: [String: String]) async throws -> String {
        for _ in 0..<200 where harness.server.runner.current != nil { try await Task.sleep(for: .milliseconds(50)) }
        let started = try await harness.post(target, fields)
        let location = try #require(started.header("Location"))
        #expect(!location.contains("busy"))
        let page = try await harness.finishedJob(location)
        #expect(!page.body.contains("id=\"failure\""), "\(target): \(page.body.suffix(600))")
        return String(location.split(separator: "/").last ?? "")
    }

    /// Runs `body` with the office's server; stops it and removes its folders after.
    private func withOffice(_ body: (ServerHarness, Office) async throws -> Void) async throws {
        let office = try await officeServer()
        defer { Task { await office.harness.stop() } }
        try await body(office.harness, office)
    }

    /// A server over a root holding the valid sample, sealed through the web app and taken in through it too, and
    /// the faulty judgement sample taken in as a folder; the sealed zip's fingerprint.
    private func officeServer() async throws -> Office {
        let place = try TemporaryFolder()
        _ = try place.copy(ofSample: "valid")
        _ = try place.copy(ofSample: "judgement-problems")
        let archive = try TemporaryFolder()
        let harness = try await ServerHarness(roots: [place.url.path], archive: archive.url.path + "/收件库")
        let base = try #require(harness.server.allowedRoots.first)
        let id = try await run(harness, "/seal", ["path": base + "/湖北省科协"])
        guard case .sealed(let zip, let fingerprint, _) = try #require(harness.server.runner.job(id)?.outcome) else {
            throw RawHTTP.Failure(what: "the valid sample was not sealed")
        }
        _ = try await run(harness, "/intake", ["path": zip])
        let physics = try #require(
            try FileManager.default.contentsOfDirectory(atPath: base).first { $0 != "湖北省科协" && !$0.hasSuffix(".zip") })
        _ = try await run(harness, "/intake", ["path": base + "/" + physics])
        return Office(harness: harness, place: place, archive: archive, fingerprint: fingerprint)
    }

    @Test func theDashboardShowsEveryUnitWithChartsAndTheForms() async throws {
        try await withOffice { harness, office in
            let archive = office.archive
            let page = try await harness.get("/ledger")
            #expect(page.status == 200)
            #expect(page.body.contains("<code>\(archive.url.path)/收件库</code>"))
            #expect(try await harness.get("/intake").body.contains("<code>\(archive.url.path)/收件库</code>"))
            #expect(page.body.contains("<svg") && page.body.contains("id=\"units\""))
            #expect(page.body.contains("href=\"/ledger/unit?name=\(Query.encode("湖北省科协"))\""))
            #expect(page.body.contains("北京市科协"))
            #expect(page.body.contains("id=\"paper-form\"") && page.body.contains("id=\"recheck\""))
            #expect(page.body.contains("href=\"/ledger/export?format=xlsx\""))
            #expect(!page.body.contains("src=\"http") && !page.body.contains("href=\"http"))
            // The English switch.
            let english = try await RawHTTP.send(
                port: harness.port, target: "/ledger", headers: ["Cookie": harness.cookie + "; dossier_lang=en"])
            #expect(english.body.contains("Intake ledger") && english.body.contains("Record stamped paper"))
            #expect(english.body.contains("received, passed"))
        }
    }

    @Test func paperIsRecordedWithItsVerdictAndBadInputChangesNothing() async throws {
        try await withOffice { harness, office in
            let archive = office.archive
            let fingerprint = office.fingerprint
            let papers = { try await harness.get("/ledger/unit?name=\(Query.encode("湖北省科协"))").body }
            // Without the secret in the form: refused, nothing recorded.
            let forged = try await harness.post(
                "/ledger/paper", ["unit": "湖北省科协", "fingerprint": fingerprint], token: false)
            #expect(forged.status == 403)
            // A fingerprint with a wrong character, a unit nobody knows, a date that is none: one message each.
            let bad = try await harness.post("/ledger/paper", ["unit": "湖北省科协", "fingerprint": "XXXX-0000"])
            #expect(bad.status == 400 && bad.body.contains("20 位十六进制数字") && bad.body.contains("XXXX-0000"))
            let unknown = try await harness.post(
                "/ledger/paper", ["unit": "湖北省科技协会", "fingerprint": fingerprint, "received": "2021-06-19"])
            #expect(unknown.status == 400 && unknown.body.contains("是不是"))
            let date = try await harness.post(
                "/ledger/paper", ["unit": "湖北省科协", "fingerprint": fingerprint, "received": "2021-02-30"])
            #expect(date.status == 400 && date.body.contains("YYYY-MM-DD"))
            #expect(try await !papers().contains("id=\"papers\""))
            // The paper's fingerprint, typed in lower case: it matches.
            let good = try await harness.post(
                "/ledger/paper",
                ["unit": "湖北省科学技术协会", "fingerprint": fingerprint.lowercased(), "received": "2021-06-19", "by": "李杨"])
            #expect(good.status == 200)
            #expect(good.body.contains("id=\"paper-verdict\"") && good.body.contains("指纹一致"))
            #expect(good.body.contains(fingerprint))
            // A wrong one, recorded from the unit's own page: does not match, and the dashboard says so.
            let wrong = try await harness.post(
                "/ledger/paper",
                ["unit": "湖北省科协", "fingerprint": "0000-1111-2222-3333-4444", "received": "2021-06-20", "back": "unit"])
            #expect(wrong.body.contains("class=\"problem\" id=\"paper-verdict\"") && wrong.body.contains("指纹不符"))
            let unit = try await papers()
            #expect(unit.contains("id=\"papers\"") && unit.contains("0000-1111-2222-3333-4444") && unit.contains("李杨"))
            let dashboard = try await harness.get("/ledger")
            #expect(dashboard.body.contains("CROSS-PAPER-MISMATCH"))
            // Paper for a unit that sent nothing sealed: recorded, nothing to compare.
            let physics = try await harness.post(
                "/ledger/paper", ["unit": "中国物理学会", "fingerprint": "0000-1111-2222-3333-4444"])
            #expect(physics.body.contains("暂无可比对"))
            #expect(FileManager.default.fileExists(atPath: archive.url.path + "/收件库/ledger.sqlite"))
        }
    }

    @Test func aUnitsPageShowsItsVersionsAndTheOfficeMarksThem() async throws {
        try await withOffice { harness, office in
            let fingerprint = office.fingerprint
            let page = try await harness.get("/ledger/unit?name=\(Query.encode("湖北省科协"))")
            #expect(page.status == 200)
            #expect(page.body.contains("id=\"versions\"") && page.body.contains(fingerprint))
            #expect(page.body.contains("class=\"badge counts\""))
            #expect(page.body.contains("张三") && page.body.contains("id=\"candidates\""))
            let version = try #require(
                page.body.firstMatch(of: #/id="version-(\d+)"/#).map { String($0.1) }, "no version row")
            let marked = try await harness.post(
                "/ledger/mark",
                ["unit": "湖北省科协", "version": version, "mark": "withdrawn", "by": "李杨", "note": "单位来函撤回"])
            #expect(marked.status == 200)
            #expect(marked.body.contains("id=\"notice\"") && marked.body.contains("单位来函撤回"))
            #expect(
                marked.body.contains("class=\"badge withdrawn\"") && !marked.body.contains("class=\"badge counts\""))
            // Its only version withdrawn, nothing of the unit counts or is compared any more: received, withdrawn.
            #expect(marked.body.contains("<td id=\"unit-state\">已撤回（无有效版本）</td>"))
            let dashboard = try await harness.get("/ledger")
            #expect(dashboard.body.contains("<tr class=\"withdrawn\">"))
            // An unknown mark or version changes nothing.
            #expect(
                try await harness.post("/ledger/mark", ["unit": "湖北省科协", "version": version, "mark": "gone"]).status
                    == 400)
            let missing = try await harness.post(
                "/ledger/mark", ["unit": "湖北省科协", "version": "999", "mark": "counts"])
            #expect(missing.status == 400 && missing.body.contains("999"))
            let cleared = try await harness.post(
                "/ledger/mark", ["unit": "湖北省科协", "version": version, "mark": "cleared"])
            #expect(cleared.body.contains("class=\"badge counts\""))
            // A unit nobody knows: the closest names.
            let unknown = try await harness.get("/ledger/unit?name=\(Query.encode("湖北科技"))")
            #expect(unknown.status == 404)
        }
    }

    @Test func theNationalTableAndTheStatusAreDownloads() async throws {
        try await withOffice { harness, office in
            let xlsx = try await harness.get("/ledger/export?format=xlsx")
            #expect(xlsx.status == 200)
            #expect(xlsx.header("Content-Type")?.contains("spreadsheetml") == true)
            let disposition = try #require(xlsx.header("Content-Disposition"))
            #expect(disposition.hasPrefix("attachment;"))
            #expect(disposition.contains("filename*=UTF-8''%E5%85%A8%E5%9B%BD"))
            #expect(xlsx.body.hasPrefix("PK"))
            let csv = try await harness.get("/ledger/export?format=csv")
            #expect(csv.body.contains("湖北省科协") && csv.body.contains("张三"))
            let status = try await harness.get("/ledger/status?format=json")
            let json = try JSONSerialization.jsonObject(with: Data(status.body.utf8)) as? [String: Any]
            #expect((json?["units"] as? [Any])?.count ?? 0 > 30)
            let printable = try await harness.get("/ledger/status?format=html")
            #expect(printable.body.contains("@media print") && printable.header("Content-Disposition") == nil)
            #expect(try await harness.get("/ledger/export?format=exe").status == 404)
        }
    }

    @Test func aRecheckRunsAndSaysWhatChanged() async throws {
        try await withOffice { harness, office in
            #expect(try await harness.post("/ledger/recheck", [:], token: false).status == 403)
            let started = try await harness.post("/ledger/recheck", [:])
            #expect(started.status == 303 && started.header("Location")?.hasPrefix("/ledger/recheck") == true)
            var page = try await harness.get("/ledger/recheck")
            for _ in 0..<600 where !page.body.contains("id=\"recheck-summary\"") {
                try await Task.sleep(for: .milliseconds(100))
                page = try await harness.get("/ledger/recheck")
            }
            #expect(page.body.contains("检查了 2 个版本，0 个结论有变"))
        }
    }

    /// The recheck is cancelled as a job is: a same-origin POST carrying the secret; a form from elsewhere is
    /// refused and the recheck goes on.
    @Test func aRecheckIsCancelledAsAJobIs() async throws {
        let place = try TemporaryFolder()
        let archive = try TemporaryFolder()
        let harness = try await ServerHarness(roots: [place.url.path], archive: archive.url.path + "/收件库")
        defer { Task { await harness.stop() } }
        let run = harness.server.recheckRun
        #expect(
            run.start { cancellation in
                while !cancellation.isCancelled { usleep(10_000) }
                throw CheckError.cancelled
            })
        let running = try await harness.get("/ledger/recheck")
        #expect(
            running.body.contains("id=\"cancel-recheck\"") && running.body.contains("action=\"/ledger/recheck/cancel\"")
        )
        #expect(try await harness.post("/ledger/recheck/cancel", [:], token: false).status == 403)
        #expect(
            try await harness.post("/ledger/recheck/cancel", [:], headers: ["Origin": "http://evil.example"]).status
                == 403)
        #expect(try await harness.get("/ledger/recheck/cancel").status != 303)
        guard case .running(_, cancelling: false) = run.state else {
            Issue.record("the recheck did not go on: \(run.state)")
            return
        }
        let cancelled = try await harness.post("/ledger/recheck/cancel", [:])
        #expect(cancelled.status == 303 && cancelled.header("Location") == "/ledger/recheck")
        var page = try await harness.get("/ledger/recheck")
        for _ in 0..<200 where !page.body.contains("id=\"recheck-summary\"") {
            try await Task.sleep(for: .milliseconds(50))
            page = try await harness.get("/ledger/recheck")
        }
        #expect(page.body.contains(ServeWords.recheckCancelled.zh) && !page.body.contains("id=\"cancel-recheck\""))
        // Once ended there is nothing to cancel; a new recheck may start.
        #expect(try await harness.post("/ledger/recheck/cancel", [:]).status == 303)
        #expect(try await harness.get("/ledger/recheck").body.contains(ServeWords.recheckCancelled.zh))
        #expect(run.start { _ in throw CheckError.cancelled })
    }

    @Test func withoutAnArchiveTheOfficePagesAreNotThere() async throws {
        let place = try TemporaryFolder()
        let harness = try await ServerHarness(roots: [place.url.path])
        defer { Task { await harness.stop() } }
        for target in ["/ledger", "/ledger/unit?name=x", "/ledger/export?format=csv", "/ledger/recheck"] {
            #expect(try await harness.get(target).status == 404, "\(target)")
        }
        #expect(try await harness.post("/ledger/paper", ["unit": "x", "fingerprint": "y"]).status == 404)
        #expect(try await harness.post("/ledger/recheck/cancel", [:]).status == 404)
    }
}
