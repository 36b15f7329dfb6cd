import DossierTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `text` percent-encoded for a query value.
func query(_ text: String) -> String {
    text.addingPercentEncoding(
        withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~/")))
        ?? text
}

/// Where Debian's headless browser and its driver are (packages `chromium` and `chromium-driver`).
enum BrowserTools {
    static let chromium = "/usr/bin/chromium"
    static let driver = "/usr/bin/chromedriver"
    static var present: Bool {
        FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: driver)
            && FileManager.default.isExecutableFile(atPath: Repository.binary.path)
    }
}

/// A program started for a test, stopped (SIGTERM) when released.
final class Started: @unchecked Sendable {
    let process = Process()
    let output = Pipe()

    init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.environment =
            environment ?? ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        try process.run()
    }

    /// What it printed, until `marker` appears (or 60 s pass).
    func read(until marker: String) -> String {
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while !text.contains(marker) && Date() < deadline && process.isRunning {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        return text
    }

    /// SIGTERM, then SIGKILL after 10 s (chromedriver does not stop on SIGTERM).
    func stop() {
        if process.isRunning { process.terminate() }
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

/// Runs blocking `work` on a thread of its own, off the pool that async code (and an in-process server) needs.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// A free TCP port on 127.0.0.1 (bound, read, released).
func freePort() -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
    }
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// The whole path in a real browser (headless Chromium through chromedriver), against the built `dossier serve`:
/// as a clerk would, from the start page to a sealed zip, its fingerprint and its verification.
@Suite(
    .serialized,
    .enabled(
        if: BrowserTools.present,
        "needs Debian's chromium and chromium-driver and the built binary (make test installs them)"))
struct BrowserTests {
    /// Where screenshots go when `DOSSIER_SCREENSHOTS` names a folder (docs/screenshots is made so).
    static let screenshots = ProcessInfo.processInfo.environment["DOSSIER_SCREENSHOTS"]

    private func snap(_ driver: WebDriver, _ name: String) async throws {
        guard let folder = Self.screenshots else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try await driver.screenshot().write(to: URL(fileURLWithPath: folder).appendingPathComponent(name + ".png"))
    }

    /// Runs `body` with a server over a root holding copies of the valid and the faulty sample, and a browser.
    /// `slowUnit` adds a unit whose check takes seconds: 张三's photo linked under 300 more names, checked without
    /// the cache of measured facts (the server is started without a home), so that every link is measured.
    /// `archive` is given to the server as `--archive`.
    /// `samples` are copied into the root; `prepare` adds to it before the server starts; the browser saves what it
    /// downloads into `downloads`.
    private func withBrowser(
        slowUnit: Bool = false, archive: String? = nil, samples: [String] = ["valid", "photo-problems"],
        prepare: ((URL) throws -> Void)? = nil, downloads: String? = nil,
        _ body: (WebDriver, String, URL, String) async throws -> Void
    ) async throws {
        let root = try TemporaryFolder()
        for sample in samples { _ = try root.copy(ofSample: sample) }
        try prepare?(root.url)
        var environment: [String: String]? = nil
        if slowUnit {
            let slow = try root.copy(ofSample: "valid", as: "慢单位")
            let photo = slow.appendingPathComponent("张三/张三2.jpg")
            for number in 5..<305 {
                try FileManager.default.linkItem(at: photo, to: slow.appendingPathComponent("张三/张三\(number).jpg"))
            }
            environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        }
        let server = try Started(
            Repository.binary.path,
            ["serve", "--root", root.url.path, "--as-of", "2021-06-18", "--lang", "zh"]
                + (archive.map { ["--archive", $0] } ?? []),
            environment: environment)
        defer { server.stop() }
        let printed = try await offPool { server.read(until: "key=") }
        let address = try #require(
            printed.split(separator: "\n").first { $0.hasPrefix("http://127.0.0.1:") }.map(String.init),
            "dossier serve printed: \(printed)")
        let port = freePort()
        let driverProcess = try Started(BrowserTools.driver, ["--port=\(port)"])
        // Stopped before the server: the browser's open progress stream ends with it.
        defer { driverProcess.stop() }
        let base = URL(string: "http://127.0.0.1:\(port)")!
        for _ in 0..<100 {
            if (try? await WebDriver.call("GET", base.appendingPathComponent("status"))) != nil { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let driver = try await WebDriver.start(base: base, chromium: BrowserTools.chromium, downloads: downloads)
        do {
            try await body(driver, address, root.url, root.url.resolvingSymlinksInPath().path)
        } catch {
            await driver.quit()
            throw error
        }
        await driver.quit()
    }

    @Test func aClerkChecksSealsAndVerifiesInTheBrowser() async throws {
        try await withBrowser { driver, address, _, rootPath in
            try await driver.open(address)
            try await snap(driver, "start")
            // The address's secret moved into a cookie and out of the address.
            #expect(try await !driver.currentURL.contains("key="))
            // 选择材料 → the root → the faulty sample: its findings, each with its fix.
            try await driver.click(try await driver.element("#start-choose"))
            try await driver.click(try await driver.element("#roots a"))
            try await snap(driver, "browse")
            try await driver.click(try await driver.link("中国化学会"))
            try await driver.click(try await driver.element("#check-here"))
            _ = try await driver.element("#recheck", seconds: 120)
            let faulty = try await driver.pageSource
            #expect(faulty.contains("class=\"finding error\""))
            #expect(faulty.contains("PHOTO-"))
            #expect(!faulty.contains("id=\"seal\""))
            try await snap(driver, "check-problems")
            // The valid sample: no error, so 封装 is offered.
            try await driver.open(
                address.components(separatedBy: "/?")[0] + "/browse?path=" + query(rootPath + "/湖北省科协"))
            try await driver.click(try await driver.element("#check-here"))
            let seal = try await driver.element("#seal", seconds: 120)
            try await snap(driver, "check-passed")
            try await driver.click(seal)
            let shown = try await driver.text(try await driver.element("#fingerprint", seconds: 120))
            try await snap(driver, "sealed")
            let zip = try await driver.text(try await driver.element("#zip"))
            #expect(zip.hasPrefix(rootPath + "/湖北省科协-20210618-"))
            // The fingerprint shown is the zip's, as `dossier verify --format json` computes it.
            let verified = try await offPool {
                try CommandRunner.dossier(["verify", zip, "--format", "json", "--as-of", "2021-06-18"])
            }
            let json = try JSONSerialization.jsonObject(with: verified.stdout) as? [String: Any]
            let bundles = json?["bundles"] as? [[String: Any]]
            let fingerprint = (bundles?.first?["seal"] as? [String: Any])?["fingerprint"] as? String
            #expect(shown == fingerprint)
            #expect(shown.range(of: #"^[0-9A-F]{4}(-[0-9A-F]{4}){4}$"#, options: .regularExpression) != nil)
            // The printable A4 page carries it too.
            let paper = try await driver.attribute(try await driver.element("#paper"), "href")
            try await driver.open(paper.hasPrefix("/") ? address.components(separatedBy: "/?")[0] + paper : paper)
            #expect(try await driver.text(try await driver.element("#fingerprint")) == shown)
            try await snap(driver, "paper")
            // 核验 with the fingerprint from the paper, then with a wrong one.
            try await driver.open(address.components(separatedBy: "/?")[0] + "/verify?zip=" + query(zip))
            try await driver.type(try await driver.element("input#fingerprint"), shown.lowercased())
            try await driver.click(try await driver.element("#verify"))
            let good = try await driver.text(try await driver.element("#verdict", seconds: 120))
            #expect(good.contains("指纹一致"))
            try await snap(driver, "verified")
            try await driver.open(address.components(separatedBy: "/?")[0] + "/verify?zip=" + query(zip))
            try await driver.type(try await driver.element("input#fingerprint"), "0000-0000-0000-0000-0000")
            try await driver.click(try await driver.element("#verify"))
            let bad = try await driver.text(try await driver.element("#verdict", seconds: 120))
            #expect(bad.contains("指纹不一致"))
        }
    }

    @Test func aRunningCheckIsCancelledFromItsPage() async throws {
        try await withBrowser(slowUnit: true) { driver, address, _, rootPath in
            try await driver.open(address)
            try await driver.open(
                address.components(separatedBy: "/?")[0] + "/browse?path=" + query(rootPath + "/慢单位"))
            try await driver.click(try await driver.element("#check-here"))
            let cancel = try await driver.element("#cancel", seconds: 10)
            // The progress bar moves before the clerk gives up.
            let deadline = Date().addingTimeInterval(20)
            var status = ""
            while !status.contains("已处理") && Date() < deadline {
                status = try await driver.text(try await driver.element("#status"))
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(status.contains("已处理"), "\(status)")
            try await snap(driver, "running")
            try await driver.click(cancel)
            let failure = try await driver.text(try await driver.element("#failure", seconds: 60))
            #expect(failure.contains("已取消"))
            try await snap(driver, "cancelled")
            // 重新检查 starts it again.
            try await driver.click(try await driver.element("#check-again"))
            _ = try await driver.element("#cancel", seconds: 10)
            try await driver.click(try await driver.element("#cancel"))
            _ = try await driver.element("#failure", seconds: 60)
        }
    }

    /// The office: a sealed zip taken in (`dossier intake`), then in the browser the 收件登记 dashboard, the unit's
    /// page, its paper recorded with the fingerprint from the seal (it matches), and the version marked withdrawn.
    @Test func theOfficeRecordsPaperAndMarksAVersionInTheBrowser() async throws {
        let office = try TemporaryFolder()
        let unit = try office.copy(ofSample: "valid")
        let zip = office.url.appendingPathComponent("湖北省科协.zip").path
        let archive = office.url.appendingPathComponent("收件库").path
        let fingerprint = try await offPool { () throws -> String in
            let sealed = try CommandRunner.dossier(["seal", unit.path, "-o", zip, "--as-of", "2021-06-15"])
            let found = (sealed.stderr + sealed.text).firstMatch(of: #/[0-9A-F]{4}(-[0-9A-F]{4}){4}/#)
            _ = try CommandRunner.dossier(
                [
                    "intake", zip, "--archive", archive, "--as-of", "2021-06-18", "--received-by", "李杨", "--label",
                    "U盘-07",
                ])
            return found.map { String($0.output.0) } ?? ""
        }
        #expect(!fingerprint.isEmpty)
        try await withBrowser(archive: archive) { driver, address, _, _ in
            let base = address.components(separatedBy: "/?")[0]
            try await driver.open(address)
            try await driver.click(try await driver.element("#nav-ledger"))
            _ = try await driver.element(".charts svg")
            let dashboard = try await driver.pageSource
            #expect(dashboard.contains("北京市科协") && dashboard.contains("已收到，通过"))
            try await snap(driver, "ledger")
            try await driver.click(try await driver.link("湖北省科协"))
            _ = try await driver.element("#versions")
            #expect(try await driver.pageSource.contains("U盘-07"))
            try await driver.type(try await driver.element("#paper-fingerprint"), fingerprint.lowercased())
            try await driver.click(try await driver.element("#record-paper"))
            let verdict = try await driver.text(try await driver.element("#paper-verdict"))
            #expect(verdict.contains("指纹一致"))
            try await snap(driver, "ledger-paper")
            try await driver.click(try await driver.element("#to-unit"))
            #expect(try await driver.text(try await driver.element("#unit-paper")).contains("指纹一致"))
            let row = try await driver.element("#versions tr[id^=version-]")
            let version = try await driver.attribute(row, "id").replacingOccurrences(of: "version-", with: "")
            try await driver.click(try await driver.element("#mark-\(version) option[value=withdrawn]"))
            try await driver.click(try await driver.element("#mark-button-\(version)"))
            #expect(try await driver.text(try await driver.element("#notice")).contains("已撤回"))
            #expect(try await driver.text(try await driver.element("#unit-state")) == "已撤回（无有效版本）")
            try await snap(driver, "ledger-unit")
            // The national table is a download the dashboard links to.
            try await driver.open(base + "/ledger")
            #expect(
                try await driver.attribute(try await driver.element("#export-xlsx"), "href").hasSuffix(
                    "/ledger/export?format=xlsx"))
        }
    }

    /// The office with a drive in hand, all in the browser: 收件 offers the drive (a folder of the root holding a
    /// sealed zip, a plain folder and a failing one), takes it in, shows each bundle's verdict and the problems
    /// across units, leads to 收件登记; the paper is recorded with the seal's fingerprint (it matches), with a wrong
    /// one (it does not), and for a unit that sent no seal; the national table is downloaded.
    @Test func theOfficeTakesInADriveInTheBrowser() async throws {
        let office = try TemporaryFolder()
        let hubei = try office.copy(ofSample: "valid")
        let zip = office.url.appendingPathComponent("湖北省科协.zip")
        let archive = office.url.appendingPathComponent("收件库").path
        let downloads = office.url.appendingPathComponent("downloads")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        let fingerprint = try await offPool { () throws -> String in
            let sealed = try CommandRunner.dossier(["seal", hubei.path, "-o", zip.path, "--as-of", "2021-06-15"])
            let found = (sealed.stderr + sealed.text).firstMatch(of: #/[0-9A-F]{4}(-[0-9A-F]{4}){4}/#)
            return found.map { String($0.output.0) } ?? ""
        }
        #expect(!fingerprint.isEmpty)
        let physics = try #require(Repository.unitFolder(ofSample: "judgement-problems"))
        let chemistry = try #require(Repository.unitFolder(ofSample: "photo-problems"))
        let prepare = { (root: URL) throws in
            let drive = root.appendingPathComponent("drive")
            let files = FileManager.default
            try files.createDirectory(at: drive, withIntermediateDirectories: true)
            try files.copyItem(at: zip, to: drive.appendingPathComponent("湖北省科协.zip"))
            // A plain folder whose 甲一 has 张三's photo of the sealed zip: CROSS-DUPLICATE-PHOTO.
            try files.copyItem(at: physics, to: drive.appendingPathComponent("中国物理学会"))
            try files.copyItem(
                at: hubei.appendingPathComponent("张三/张三2.jpg"),
                to: drive.appendingPathComponent("中国物理学会/甲一/甲一2.jpg"))
            try files.copyItem(at: chemistry, to: drive.appendingPathComponent("中国化学会"))
        }
        try await withBrowser(archive: archive, samples: [], prepare: prepare, downloads: downloads.path) {
            driver, address, _, rootPath in
            let base = address.components(separatedBy: "/?")[0]
            try await driver.open(address)
            try await driver.click(try await driver.element("nav.top a[href='/intake']"))
            // 收件 offers the drive, with how many bundles it holds; nothing to type.
            let place = try await driver.text(try await driver.element("#places #place-0"))
            #expect(place.contains(rootPath + "/drive") && place.contains("文件夹（3 份材料）"), "\(place)")
            try await snap(driver, "intake")
            try await driver.click(try await driver.element("#place-0 button"))
            // Each bundle's verdict, one row a bundle, then the problems across units.
            let taken = try await driver.text(try await driver.element("#taken", seconds: 300))
            var rows: [String] = []
            for index in 0..<3 { rows.append(try await driver.text(try await driver.element("#taken-\(index)"))) }
            let row = { (unit: String) in rows.first { $0.hasPrefix(unit) } ?? "" }
            #expect(row("湖北省科协").contains("通过") && !row("湖北省科协").contains("未通过"), "\(taken)")
            #expect(row("湖北省科协").contains(fingerprint) && row("湖北省科协").contains("湖北省科协.zip"), "\(taken)")
            #expect(row("中国化学会").contains("未通过") && row("中国化学会").contains("未封装"), "\(taken)")
            #expect(row("中国物理学会").contains("中国物理学会") && row("中国物理学会").contains("未封装"), "\(taken)")
            #expect(try await driver.text(try await driver.element("#cross-count")).contains("跨单位问题：1 条"))
            let report = try await driver.pageSource
            #expect(report.contains("跨单位（收件登记）") && report.contains("CROSS-DUPLICATE-PHOTO"))
            #expect(report.contains("PHOTO-SIZE") && report.contains("EXCL-OFFICIAL-RANK"))
            try await snap(driver, "intake-done")
            // The way to the ledger: 收件登记 lists the three units as received.
            try await driver.click(try await driver.element("#ledger"))
            _ = try await driver.element(".charts svg")
            let dashboard = try await driver.pageSource
            for unit in ["湖北省科协", "中国物理学会", "中国化学会"] { #expect(dashboard.contains(unit), "\(unit)") }
            // Paper with the seal's fingerprint (typed in lower case, without dashes): it matches.
            try await driver.type(try await driver.element("#paper-unit"), "湖北省科协")
            try await driver.type(
                try await driver.element("#paper-fingerprint"),
                fingerprint.lowercased().replacingOccurrences(of: "-", with: ""))
            try await driver.click(try await driver.element("#record-paper"))
            #expect(try await driver.text(try await driver.element("#paper-verdict")).contains("指纹一致"))
            try await driver.click(try await driver.element("#to-unit"))
            #expect(try await driver.text(try await driver.element("#unit-paper")).contains("指纹一致"))
            // Corrected with a wrong one, from the unit's page: the latest holds, and it matches no seal.
            try await driver.type(try await driver.element("#paper-fingerprint"), "0000-1111-2222-3333-4444")
            try await driver.click(try await driver.element("#record-paper"))
            let wrong = try await driver.text(try await driver.element("#paper-verdict"))
            #expect(wrong.contains("指纹不符") && wrong.contains("CROSS-PAPER-MISMATCH"), "\(wrong)")
            try await driver.click(try await driver.element("#to-unit"))
            #expect(try await driver.text(try await driver.element("#unit-paper")).contains("指纹不符"))
            #expect(try await driver.pageSource.contains("0000-1111-2222-3333-4444"))
            // A unit that sent no seal: recorded, nothing to compare with.
            try await driver.open(base + "/ledger")
            try await driver.type(try await driver.element("#paper-unit"), "中国化学会")
            try await driver.type(try await driver.element("#paper-fingerprint"), fingerprint)
            try await driver.click(try await driver.element("#record-paper"))
            #expect(try await driver.text(try await driver.element("#paper-verdict")).contains("还没有报送封装包"))
            // The national table, downloaded as the browser saves it.
            try await driver.open(base + "/ledger")
            try await driver.click(try await driver.element("#export-xlsx"))
            try await driver.click(try await driver.element("#export-csv"))
            let saved = try await Self.downloaded(in: downloads, endingWith: [".xlsx", ".csv"])
            let xlsx = try #require(saved.first { $0.pathExtension == "xlsx" })
            let csv = try #require(saved.first { $0.pathExtension == "csv" })
            #expect(xlsx.lastPathComponent.hasPrefix("全国推荐人选汇总表"), "\(xlsx.lastPathComponent)")
            #expect(try Data(contentsOf: xlsx).prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
            let table = try String(contentsOf: csv, encoding: .utf8)
            #expect(table.contains("湖北省科协") && table.contains("张三"), "\(table.prefix(400))")
        }
    }

    /// The files the browser finished saving into `folder`, one for each ending (waits up to 60 s).
    private static func downloaded(in folder: URL, endingWith endings: [String]) async throws -> [URL] {
        let deadline = Date().addingTimeInterval(60)
        while true {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let done = names.filter { name in endings.contains { name.hasSuffix($0) } }
            if done.count >= endings.count || Date() > deadline {
                return done.map { folder.appendingPathComponent($0) }
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    @Test func everyPageSwitchesToEnglishAndBack() async throws {
        try await withBrowser { driver, address, _, _ in
            try await driver.open(address)
            try await driver.click(try await driver.element("#lang"))
            #expect(try await driver.pageSource.contains("Choose your folder"))
            try await driver.click(try await driver.element("#start-choose"))
            try await snap(driver, "browse-en")
            #expect(try await driver.pageSource.contains("Pick a place to start"))
            try await driver.click(try await driver.element("#lang"))
            #expect(try await driver.pageSource.contains("请选择一个位置"))
        }
    }

    @Test func theBrowserWithoutTheSecretIsRefused() async throws {
        try await withBrowser { driver, address, _, _ in
            let bare = address.components(separatedBy: "?")[0]
            try await driver.open(bare)
            #expect(try await driver.pageSource.contains("403"))
            try await driver.open(bare.replacingOccurrences(of: "127.0.0.1", with: "localhost") + "browse")
            #expect(try await driver.pageSource.contains("403"))
        }
    }
}
