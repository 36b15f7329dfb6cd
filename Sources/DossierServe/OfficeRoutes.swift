import DossierCore
import Foundation
import Hummingbird

/// 核验 (verify a sealed zip), 新建 (a new folder from the templates) and 收件 (the office's intake).
extension DossierServer {
    func addOfficeRoutes(to router: Router<BasicRequestContext>) {
        router.get("/verify") { [self] request, _ -> Response in
            let fields = query(request)
            return page(
                request, title: ServeWords.verifyTitle, template: "verifyForm",
                values: ["zip": fields["zip"] ?? "", "fingerprint": ""])
        }
        router.post("/verify") { [self] request, _ -> Response in
            let fields = await form(request)
            return startVerify(request, zip: fields["zip"] ?? "", fingerprint: fields["fingerprint"] ?? "")
        }
        router.get("/new") { [self] request, _ -> Response in
            let given = query(request)["in"] ?? ""
            return page(
                request, title: ServeWords.newTitle, template: "newForm",
                values: ["in": given.isEmpty ? (roots.roots.first ?? "") : given, "unit": ""])
        }
        router.post("/new") { [self] request, _ -> Response in
            let fields = await form(request)
            return makeFolder(request, in: fields["in"] ?? "", unit: fields["unit"] ?? "")
        }
        router.get("/intake") { [self] request, _ -> Response in
            guard let archive = settings.archive else { return notFound() }
            return page(
                request, title: ServeWords.intakeTitle, template: "intakeForm",
                values: intakeFormValues(request, archive: archive, path: query(request)["path"] ?? ""))
        }
        router.post("/intake") { [self] request, _ -> Response in
            guard settings.archive != nil else { return notFound() }
            let fields = await form(request)
            return startIntake(request, path: fields["path"] ?? "")
        }
    }

    private func startVerify(_ request: Request, zip given: String, fingerprint: String) -> Response {
        let language = language(request)
        let title = ServeWords.verifyTitle
        let typed = fingerprint.trimmingCharacters(in: .whitespacesAndNewlines)
        let zip: String
        do {
            zip = try roots.resolve(given.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            return page(
                request, title: title, template: "verifyForm", values: ["zip": given, "fingerprint": typed],
                error: refusalText(error, language: language), status: refusalStatus(error))
        }
        if !typed.isEmpty && typed.filter({ $0.isHexDigit }).count != typed.filter({ $0 != "-" && $0 != " " }).count {
            return page(
                request, title: title, template: "verifyForm", values: ["zip": given, "fingerprint": typed],
                error: ServeWords.badFingerprint.text(language))
        }
        let library = library
        let started = runner.start(
            kind: .verify, subject: zip, language: language, details: ["fingerprint": typed]
        ) { job in
            do {
                return .report(
                    try library.verify(
                        zip: zip, fingerprint: typed.isEmpty ? nil : typed, language: language,
                        progress: { job.update($0) }, cancellation: job.cancellation))
            } catch  where LibraryAdapter.isCancelled(error) {
                return .cancelled
            } catch {
                return .failed(LibraryAdapter.message(for: error, language: language))
            }
        }
        return jobStarted(started)
    }

    private func makeFolder(_ request: Request, in given: String, unit: String) -> Response {
        let language = language(request)
        let title = ServeWords.newTitle
        let name = unit.trimmingCharacters(in: .whitespacesAndNewlines)
        let values: [String: Any] = ["in": given, "unit": unit]
        guard !name.isEmpty, !name.contains("/"), name != ".", name != "..", !name.hasPrefix(".") else {
            return page(
                request, title: title, template: "newForm", values: values,
                error: ServeWords.badUnitName.text(language))
        }
        let parent: String
        do {
            parent = try roots.resolve(given.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            return page(
                request, title: title, template: "newForm", values: values,
                error: refusalText(error, language: language), status: error == .outside ? .forbidden : .ok)
        }
        let folder = parent == "/" ? "/" + name : parent + "/" + name
        do {
            let files = try library.makeFolder(folder, unit: name)
            return page(
                request, title: title, template: "made",
                values: [
                    "folder": folder, "folderQ": Query.encode(folder), "files": files, "guide": library.guideFile,
                ])
        } catch {
            return page(
                request, title: title, template: "newForm", values: values,
                error: LibraryAdapter.message(for: error, language: language))
        }
    }

    /// The intake form's values: the archive, what was typed, and the drives and folders to pick from.
    func intakeFormValues(_ request: Request, archive: String, path: String) -> [String: Any] {
        let language = language(request)
        let mountInfo = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)
        let places = IntakePlaces.find(
            roots: roots, skipping: dropZone.folder, archive: archive, layout: library.ruleSet.layout,
            mountInfo: mountInfo)
        return [
            "archivePath": archive, "path": path, "hasPlaces": !places.isEmpty,
            "places": places.enumerated().map { index, place -> [String: Any] in
                [
                    "index": index, "path": place.path, "q": Query.encode(place.path),
                    "kindText": ServeWords.intakePlace(place.kind, bundles: place.bundles).text(language),
                ]
            },
        ]
    }

    private func startIntake(_ request: Request, path given: String) -> Response {
        let language = language(request)
        guard let archive = settings.archive else { return notFound() }
        let path: String
        do {
            path = try roots.resolve(given.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            return page(
                request, title: ServeWords.intakeTitle, template: "intakeForm",
                values: intakeFormValues(request, archive: archive, path: given),
                error: refusalText(error, language: language), status: refusalStatus(error))
        }
        let library = library
        let started = runner.start(kind: .intake, subject: path, language: language) { job in
            do {
                return .report(
                    try library.intake(
                        path: path, archive: archive, language: language, progress: { job.update($0) },
                        cancellation: job.cancellation))
            } catch  where LibraryAdapter.isCancelled(error) {
                return .cancelled
            } catch {
                return .failed(LibraryAdapter.message(for: error, language: language))
            }
        }
        return jobStarted(started)
    }
}
