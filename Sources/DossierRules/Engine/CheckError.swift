import DossierCore

/// Why a check run could not be done at all (exit 2): not a finding.
public enum CheckError: Error, Equatable, BilingualMessage {
    case missingPath(String)
    case notAFolder(String)
    case unreadableFolder(String)
    case unknownUnitType(String, [String])
    /// The path (first) is one candidate's folder, not a unit's; the second is the folder above it.
    case candidateFolder(String, String)
    /// The run was cancelled (`Cancellation`) before it finished: nothing it would have written was kept.
    case cancelled

    public func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .missingPath(let path): return zh ? "找不到“\(path)”：没有这个文件或文件夹。" : "\(path): no such file or folder"
        case .notAFolder(let path):
            return zh ? "“\(path)”不是文件夹，也不是 zip：请给出单位文件夹、zip 或存放它们的文件夹。" : "\(path): not a folder"
        case .unreadableFolder(let path):
            return zh ? "无法读取文件夹“\(path)”（没有读取权限）。" : "\(path): the folder cannot be read"
        case .unknownUnitType(let type, let known):
            return zh
                ? "--unit-type \(type) 不是本规则集的单位类型，可选：\(known.joined(separator: "、"))。"
                : "--unit-type \(type) is not one of: \(known.joined(separator: ", "))"
        case .cancelled:
            return zh ? "已取消：没有写出任何结果。" : "cancelled: nothing was written"
        case .candidateFolder(let path, let parent):
            return zh
                ? "“\(path)”看起来是一位候选人的文件夹，不是推荐单位的文件夹：请检查上一级的单位文件夹“\(parent)”，推荐表、汇总表和名额要按整个单位核对。"
                : "\(path) looks like one candidate's folder, not a unit's: check the unit's folder above it, \(parent); "
                    + "forms, summary tables and the quota are judged for the whole unit."
        }
    }
}
