import DossierCore
import Foundation

/// One piece of work started from a page: a check, a seal, a verification or an intake.
final class Job: @unchecked Sendable {
    enum Kind: String, Sendable { case check, seal, verify, intake }

    enum Outcome: Sendable {
        case report(Report)
        case sealed(zip: String, fingerprint: String, report: Report)
        case refused(Report)
        case failed(String)
        case cancelled
    }

    let id: String
    let kind: Kind
    /// The path the job works on, as the user picked it.
    let subject: String
    let language: Language
    /// What else the user gave: the fingerprint typed from the paper, the folder for the zip.
    let details: [String: String]
    let started = Date()
    let cancellation = Cancellation()

    private let lock = NSLock()
    private var latest: WorkProgress?
    private var firstProgress: Date?
    private var result: Outcome?
    private var userCancelled = false

    init(id: String, kind: Kind, subject: String, language: Language, details: [String: String]) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.language = language
        self.details = details
    }

    func update(_ progress: WorkProgress) {
        lock.withLock {
            if firstProgress == nil { firstProgress = Date() }
            latest = progress
        }
    }

    func finish(_ outcome: Outcome) { lock.withLock { result = outcome } }

    /// The clerk's 取消: the work stops at the next file, and a seal leaves no zip.
    func cancelByUser() {
        lock.withLock { userCancelled = true }
        cancellation.cancel()
    }

    /// Whether the clerk cancelled it (rather than the server's stop).
    var cancelledByUser: Bool { lock.withLock { userCancelled } }

    var outcome: Outcome? { lock.withLock { result } }

    /// The progress as the page shows it: files, bytes, seconds so far and left (nil until it can be told).
    struct Snapshot: Sendable, Codable {
        var files: Int
        var totalFiles: Int
        var bytes: UInt64
        var totalBytes: UInt64
        var elapsed: Double
        var left: Double?
        var done: Bool
        /// Asked to stop, not yet stopped.
        var cancelling: Bool
    }

    func snapshot(now: Date = Date()) -> Snapshot {
        lock.withLock {
            let progress = latest ?? WorkProgress(files: 0, totalFiles: 0, bytes: 0, totalBytes: 0)
            var left: Double? = nil
            if let firstProgress, progress.bytes > 0, progress.totalBytes >= progress.bytes {
                let rate = Double(progress.bytes) / max(now.timeIntervalSince(firstProgress), 0.001)
                left = Double(progress.totalBytes - progress.bytes) / rate
            }
            return Snapshot(
                files: progress.files, totalFiles: progress.totalFiles, bytes: progress.bytes,
                totalBytes: progress.totalBytes, elapsed: now.timeIntervalSince(started), left: left,
                done: result != nil, cancelling: result == nil && cancellation.isCancelled)
        }
    }
}

/// Runs one job at a time on a thread of its own (the library works synchronously and uses both cores), and keeps
/// the last jobs so that their pages can be shown again. A second job asked for while one runs is refused with the
/// running one, so that the page can lead there.
final class JobRunner: @unchecked Sendable {
    enum Start {
        case started(Job)
        case busy(Job)
    }

    private let lock = NSLock()
    private var jobs: [String: Job] = [:]
    private var order: [String] = []
    private var running: Job?
    private var threads: [Thread] = []
    private let kept = 30
    private let finished = DispatchGroup()

    /// Starts `work` as a new job, unless one is running.
    func start(
        kind: Job.Kind, subject: String, language: Language, details: [String: String] = [:],
        work: @escaping @Sendable (Job) -> Job.Outcome
    ) -> Start {
        let job: Job
        do {
            lock.lock()
            defer { lock.unlock() }
            if let running { return .busy(running) }
            job = Job(
                id: UUID().uuidString.lowercased(), kind: kind, subject: subject, language: language, details: details)
            jobs[job.id] = job
            order.append(job.id)
            if order.count > kept { jobs[order.removeFirst()] = nil }
            running = job
        }
        finished.enter()
        let thread = Thread { [self] in
            let outcome = job.cancellation.isCancelled ? .cancelled : work(job)
            // A seal done before the cancel arrived has written its zip: it is reported sealed (said cancelled, it
            // left a zip the page did not mention; JobRoutesTests.aCancelledSealLeavesNoZipBehind caught it).
            if case .sealed = outcome {
                job.finish(outcome)
            } else {
                job.finish(job.cancellation.isCancelled ? .cancelled : outcome)
            }
            lock.withLock { if running === job { running = nil } }
            finished.leave()
        }
        // Deep folders and big reports: more stack than a secondary thread's default.
        thread.stackSize = 16 << 20
        thread.start()
        return .started(job)
    }

    func job(_ id: String) -> Job? { lock.withLock { jobs[id] } }

    var current: Job? { lock.withLock { running } }

    /// Tells every job to stop, and waits up to `timeout` seconds for the running one.
    func cancelAll(timeout: Double) {
        let all = lock.withLock { Array(jobs.values) }
        for job in all { job.cancellation.cancel() }
        _ = finished.wait(timeout: .now() + timeout)
    }
}
