import ArgumentParser
import DossierCore
import DossierKit
import DossierRules
import DossierServe
import Foundation

extension Dossier {
    /// `dossier serve [--port N] [--open] [--archive DIR] [--root PATH…]`
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: words(
                "在本机启动网页版（只在 127.0.0.1 上），不用命令行也能检查、封装、核验。",
                "Serve the web app on this computer (127.0.0.1 only): check, seal and verify without a terminal."))

        @Option(name: .long, help: .words("端口（默认：任选一个空闲端口）。", "The port (default: a free one)."))
        var port: Int = 0

        @Flag(name: .long, help: .words("启动后用浏览器打开（xdg-open）。", "Open the page in the browser (xdg-open)."))
        var open = false

        @Option(
            name: .long,
            help: .words("收件库文件夹：有它才显示“收件”页。", "The intake archive folder: the Intake page needs it."))
        var archive: String?

        @Option(
            name: .customLong("root"),
            help: .words(
                "允许浏览的文件夹，可多次给出（默认：主文件夹、/media、/run/media、/mnt）。",
                "A folder the pages may show; repeat for several (default: home, /media, /run/media, /mnt)."))
        var roots: [String] = []

        @Option(
            name: .long,
            help: .words(
                "规则集文件夹（默认：自带的 rules/zuimei-2021）。", "A rule-set folder (default: the bundled rules/zuimei-2021)."))
        var rules: String?

        @Option(
            name: .long,
            help: .words("页面默认语言：zh 或 en（页面上可切换）。", "The pages' first language: zh or en (switchable on every page)."))
        var lang: Language?

        @Option(
            name: .long,
            help: .words(
                "按哪一天判断是否逾期，格式 YYYY-MM-DD（默认：每次检查的当天）。",
                "The date the deadline is judged against, YYYY-MM-DD (default: the day of each check)."))
        var asOf: String?

        func validate() throws {
            if port < 0 || port > 65535 {
                throw usageError(zh: "--port 须在 0 到 65535 之间。", en: "--port must be 0 to 65535")
            }
            if let asOf, !AsOfDate.isValid(asOf) {
                throw usageError(zh: "--as-of 须是 YYYY-MM-DD 形式的日期。", en: "--as-of must be a date written YYYY-MM-DD")
            }
        }

        func run() throws {
            let language = lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
            for root in roots where !FileManager.default.fileExists(atPath: root) {
                Dossier.fail(LocalizedText(zh: "找不到 --root 给出的文件夹“\(root)”。", en: "\(root): no such folder (--root)"))
            }
            let ruleSet: RuleSet
            do {
                ruleSet = try DossierLibrary(rules: rules).ruleSet
            } catch {
                Dossier.fail(error)
            }
            let settings = ServeSettings(
                port: port, roots: roots.isEmpty ? ServeSettings.defaultRoots() : roots,
                archive: archive.map { URL(fileURLWithPath: $0).standardizedFileURL.path }, ruleSet: ruleSet,
                asOf: asOf, language: language)
            let server: DossierServer
            do {
                server = try DossierServer(settings: settings)
            } catch {
                Dossier.fail(error)
            }
            if server.allowedRoots.isEmpty {
                Dossier.fail(
                    LocalizedText(
                        zh: "没有可以浏览的文件夹：请用 --root 给出一个。", en: "no folder to show: give one with --root"))
            }
            let open = open
            let finished = DispatchSemaphore(value: 0)
            let failure = FailureBox()
            Task {
                do {
                    try await server.run { url in
                        let text = LocalizedText(
                            zh: "dossier 网页版已启动，请在浏览器中打开：\n\(url.absoluteString)\n（只在本机可用；按 Ctrl-C 停止）\n",
                            en: "dossier is serving; open this address in your browser:\n\(url.absoluteString)\n"
                                + "(this computer only; Ctrl-C stops it)\n")
                        FileHandle.standardOutput.write(Data(text.text(language).utf8))
                        if open {
                            Self.openInBrowser(
                                url, language: language, environment: ProcessInfo.processInfo.environment)
                        }
                    }
                } catch {
                    failure.error = error
                }
                finished.signal()
            }
            finished.wait()
            if let error = failure.error {
                Dossier.fail(
                    LocalizedText(
                        zh: "无法启动网页服务（\(error)）：端口可能已被占用，请换一个 --port 或不给 --port。",
                        en: "cannot serve (\(error)): the port may be taken; give another --port, or none"))
            }
        }

        /// `xdg-open URL` (Debian's xdg-utils: the desktop's browser, or `$BROWSER`). When there is no desktop, no
        /// xdg-open, or it finds no browser, one line says so and the server goes on: the printed address is enough.
        static func openInBrowser(_ url: URL, language: Language, environment: [String: String]) {
            let path = environment["PATH"] ?? "/usr/bin:/bin"
            let opener = path.split(separator: ":").map { "\($0)/xdg-open" }.first {
                FileManager.default.isExecutableFile(atPath: $0)
            }
            let cannot: @Sendable (LocalizedText) -> Void = { why in
                let line = LocalizedText(
                    zh: "无法自动打开浏览器：\(why.zh)。请在浏览器中手动打开上面的地址。",
                    en: "The browser could not be opened: \(why.en). Open the address above in your browser by hand.")
                FileHandle.standardError.write(Data((line.text(language) + "\n").utf8))
            }
            let missing = LocalizedText(
                zh: "没有找到 xdg-open（请安装 xdg-utils 软件包）", en: "there is no xdg-open (install the package xdg-utils)")
            // Without a desktop (no DISPLAY nor WAYLAND_DISPLAY) and no browser of the user's own choosing, xdg-open
            // would run a text browser (w3m, lynx) with no terminal to show it in, and say that it succeeded.
            let given = { (name: String) in !(environment[name] ?? "").isEmpty }
            guard given("DISPLAY") || given("WAYLAND_DISPLAY") || given("BROWSER") else {
                return cannot(
                    LocalizedText(
                        zh: "没有图形桌面（DISPLAY 和 WAYLAND_DISPLAY 均未设置，例如通过 SSH 登录时）",
                        en: "there is no graphical desktop (neither DISPLAY nor WAYLAND_DISPLAY is set, as over SSH)"))
            }
            guard let opener else { return cannot(missing) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: opener)
            process.arguments = [url.absoluteString]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.terminationHandler = { finished in
                guard finished.terminationReason != .exit || finished.terminationStatus != 0 else { return }
                cannot(
                    LocalizedText(
                        zh: "xdg-open 没有找到可用的浏览器（退出状态 \(finished.terminationStatus)）",
                        en: "xdg-open found no browser to use (exit status \(finished.terminationStatus))"))
            }
            do {
                try process.run()
            } catch {
                cannot(missing)
            }
        }
    }
}

/// The server's failure, handed from its task to the waiting command.
final class FailureBox: @unchecked Sendable {
    var error: (any Error)?
}
