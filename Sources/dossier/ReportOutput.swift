import ArgumentParser

/// `-o/--output`: where the report goes.
struct ReportOutput: ParsableArguments {
    @Option(
        name: [.short, .long],
        help: .words(
            "把报告写入这个文件（整体写入），而不是输出到屏幕。", "Write the report to this file (atomically) instead of standard output."))
    var output: String?
}
