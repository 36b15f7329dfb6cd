import DossierTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `dossier serve --open`: the address goes to the browser through xdg-open; without xdg-open, one clear line and
/// the server goes on.
@Suite(.serialized) struct ServeCommandTests {
    /// `dossier serve` started with `environment`, its printed address once it is there, and its standard error.
    private final class Serving: @unchecked Sendable {
        let process = Process()
        let output = Pipe()
        let errors = Pipe()

        init(_ arguments: [String], environment: [String: String]) throws {
            process.executableURL = Repository.binary
            process.arguments = ["serve"] + arguments
            process.environment = environment
            process.standardOutput = output
            process.standardError = errors
            try process.run()
        }

        /// The address it printed (waits up to 60 s).
        func address() -> String? {
            var text = ""
            let deadline = Date().addingTimeInterval(60)
            while !text.contains("key=") && Date() < deadline && process.isRunning {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            return text.split(separator: "\n").first { $0.hasPrefix("http://127.0.0.1:") }.map(String.init)
        }

        /// Ctrl-C, then what it wrote on standard error; whether it ended by exiting with 0.
        func interrupt() -> (cleanExit: Bool, stderr: String) {
            kill(process.processIdentifier, SIGINT)
            let deadline = Date().addingTimeInterval(30)
            while process.isRunning && Date() < deadline { usleep(50_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return (process.terminationReason == .exit && process.terminationStatus == 0, stderr)
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xdg-open"), "needs xdg-utils"))
    func openHandsTheAddressToTheBrowserThroughXdgOpen() throws {
        let folder = try TemporaryFolder()
        let opened = folder.url.appendingPathComponent("opened.txt")
        let browser = folder.url.appendingPathComponent("browser.sh")
        try "#!/bin/sh\nprintf '%s' \"$1\" > '\(opened.path)'\n".write(to: browser, atomically: true, encoding: .utf8)
        chmod(browser.path, 0o755)
        let serving = try Serving(
            ["--open", "--root", folder.url.path, "--lang", "en"],
            environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": folder.url.path, "BROWSER": browser.path])
        let address = try #require(serving.address())
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: opened.path) && Date() < deadline { usleep(100_000) }
        let given = try? String(contentsOf: opened, encoding: .utf8)
        let (clean, stderr) = serving.interrupt()
        #expect(given == address)
        #expect(clean)
        #expect(!stderr.contains("could not be opened"), "\(stderr)")
    }

    @Test func withoutXdgOpenOneLineSaysToOpenTheAddressByHand() throws {
        let folder = try TemporaryFolder()
        let serving = try Serving(
            ["--open", "--root", folder.url.path],
            // A desktop (DISPLAY), but no xdg-open on the PATH.
            environment: ["LANG": "zh_CN.UTF-8", "PATH": folder.url.path, "HOME": folder.url.path, "DISPLAY": ":0"])
        let address = serving.address()
        #expect(address != nil)
        // It goes on serving until Ctrl-C.
        usleep(300_000)
        #expect(serving.process.isRunning)
        let (clean, stderr) = serving.interrupt()
        #expect(clean)
        #expect(stderr.contains("无法自动打开浏览器") && stderr.contains("xdg-utils"), "\(stderr)")
        #expect(!stderr.contains("Fatal") && !stderr.contains("Stack"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xdg-open"), "needs xdg-utils"))
    func anOpenerThatFindsNoBrowserIsSaidToo() throws {
        let folder = try TemporaryFolder()
        let serving = try Serving(
            ["--open", "--root", folder.url.path, "--lang", "en"],
            environment: [
                "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": folder.url.path, "BROWSER": "/nonexistent/browser",
            ])
        #expect(serving.address() != nil)
        let deadline = Date().addingTimeInterval(20)
        // xdg-open's failure arrives later, from its exit.
        usleep(2_000_000)
        while Date() < deadline && !serving.process.isRunning { usleep(100_000) }
        let (clean, stderr) = serving.interrupt()
        #expect(clean)
        #expect(stderr.contains("The browser could not be opened"), "\(stderr)")
    }
    /// Without a desktop (over SSH: no DISPLAY, no WAYLAND_DISPLAY, no BROWSER), xdg-open would hand the address to
    /// a text browser with no terminal to show it in, and succeed: the line says so instead, in English too.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xdg-open"), "needs xdg-utils"))
    func withoutADesktopNoTextBrowserIsRunAndOneLineSaysSo() throws {
        let folder = try TemporaryFolder()
        let ran = folder.url.appendingPathComponent("ran.txt")
        let textBrowser = folder.url.appendingPathComponent("www-browser")
        try "#!/bin/sh\nprintf '%s' \"$1\" > '\(ran.path)'\n".write(to: textBrowser, atomically: true, encoding: .utf8)
        chmod(textBrowser.path, 0o755)
        for (lang, said) in [("zh", "没有图形桌面"), ("en", "there is no graphical desktop")] {
            let serving = try Serving(
                ["--open", "--root", folder.url.path, "--lang", lang],
                environment: ["LANG": "C.UTF-8", "PATH": folder.url.path + ":/usr/bin:/bin", "HOME": folder.url.path])
            #expect(serving.address() != nil)
            usleep(2_000_000)
            #expect(serving.process.isRunning)
            let (clean, stderr) = serving.interrupt()
            #expect(clean)
            #expect(stderr.contains(said), "\(stderr)")
            #expect(!FileManager.default.fileExists(atPath: ran.path), "a text browser was run")
        }
    }
}
