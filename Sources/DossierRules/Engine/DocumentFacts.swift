import DossierCore
import DossierInspect

/// Reads a .docx or .xlsx into the facts reports show: fields found (with their labels), text, tables, sheets.
public enum DocumentFacts {
    /// The facts of a Word document, or the problem that kept it from being read.
    public static func docx(_ bytes: [UInt8], ruleSet: RuleSet) -> Result<(DocxDocument, DocxFacts), OfficeProblem> {
        Result { () throws(OfficeProblem) -> (DocxDocument, DocxFacts) in
            let document = try OfficeReader.docx(bytes)
            let fields = FieldExtractor(rules: ruleSet.forms, prefixes: ruleSet.header.campaignPrefixes).fields(
                of: document)
            let tables = document.tables.map { $0.map { $0.map(\.text) } }
            return (document, DocxFacts(fields: fields, text: document.text, tables: tables))
        }
    }

    /// The facts of a workbook, or the problem that kept it from being read.
    public static func xlsx(_ bytes: [UInt8]) -> Result<([XlsxSheet], XlsxFacts), OfficeProblem> {
        Result { () throws(OfficeProblem) -> ([XlsxSheet], XlsxFacts) in
            let sheets = try OfficeReader.xlsx(bytes)
            return (sheets, XlsxFacts(sheets: sheets.map { XlsxFacts.Sheet(name: $0.name, rows: $0.rows) }))
        }
    }
}
